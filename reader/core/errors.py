"""Errors the core raises for problems a user can understand and fix."""

from __future__ import annotations

from pathlib import Path


class DubaoError(Exception):
    """A problem to show the user as one clear line; never a traceback."""

    def __init__(self, problem: str, path: str | Path | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        if self.path is None:
            return self.problem
        return f"{self.path}: {self.problem}"


class ImportProblem(DubaoError):
    """A file that cannot be read as an article (missing, binary, undecodable, too large …)."""


class StorageProblem(DubaoError):
    """A database that cannot be opened or written safely (corrupt, newer version, read-only, full …)."""


class ExportProblem(DubaoError):
    """An export that cannot be written (target exists without --force, folder missing …)."""


class FetchProblem(DubaoError):
    """A web address that gave no article or feed (offline, not found, not a page, too large, too slow …)."""

    def __init__(self, problem: str, url: str) -> None:
        super().__init__(problem)
        self.url = url

    def __str__(self) -> str:
        return f"{self.url}: {self.problem}"
