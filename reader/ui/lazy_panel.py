"""Panels made the first time they are needed, so a start does not build (nor import) what stays hidden.

    class MainWindow(...):
        library = LazyPanel("_make_library")    # the method makes the panel, puts it in its dock, wires it

`window.library` makes the panel on first use; `LazyPanel.made(window, "library")` answers without making it. The
panel's dock exists from the start (the saved window layout places it, the View menu shows it) and asks for its panel
when first shown.
"""

from __future__ import annotations

from typing import Any


class LazyPanel:
    """A window attribute whose panel is made by the window method named `make` the first time it is read."""

    def __init__(self, make: str) -> None:
        self.make = make
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_made"

    def __get__(self, window: Any, owner: type | None = None) -> Any:
        if window is None:
            return self
        panel = getattr(window, self.slot, None)
        if panel is None:
            panel = getattr(window, self.make)()
            setattr(window, self.slot, panel)
        return panel

    @staticmethod
    def made(window: Any, name: str) -> Any:
        """Return the window's panel `name` when it exists already (a lazy one is not made by asking), else None."""
        descriptor = getattr(type(window), name, None)
        if isinstance(descriptor, LazyPanel):
            return getattr(window, descriptor.slot, None)
        return getattr(window, name, None)
