"""Presentation mode: the projector window, the presenter view and what they share."""
