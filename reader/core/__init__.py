"""The headless core of Dubao: article model, importer, language layer, storage, anchoring, exports.

Nothing under this package imports Qt; `tests/test_architecture.py` proves it.
"""
