"""The Qt layer of Dubao: widgets, actions and wiring over `reader.core`. Thin by design."""
