"""Shared measurement and table code of the benchmarks: rows with a reference, a target, and the verdict.

A `Row` holds the samples of one measurement, the reference it is compared with (measured in the same run), and the
target it must meet, either as a ratio to the reference (`at_most_ratio`, `at_least_ratio`) or as an absolute limit
(`below`). `table_markdown(rows)` renders them: what, median, min–max, reference, ratio, target, met?
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Target:
    """What a row must show: `kind` is "ratio≤", "ratio≥" (to the reference's median) or "<" (its own median)."""

    kind: str
    value: float

    def describe(self, unit: str) -> str:
        """Return the target as the table shows it."""
        if self.kind == "ratio≤":
            return f"≤ {self.value:g}× ref"
        if self.kind == "ratio≥":
            return f"ref ≥ {self.value:g}× this"
        return f"< {self.value:g} {unit}"


def at_most_ratio(value: float) -> Target:
    """Target: this row's median is at most `value` times the reference's."""
    return Target("ratio≤", value)


def at_least_ratio(value: float) -> Target:
    """Target: the reference's median is at least `value` times this row's (this row is that much better)."""
    return Target("ratio≥", value)


def below(value: float) -> Target:
    """Target: this row's median is below `value` (in the row's unit)."""
    return Target("<", value)


@dataclass
class Row:
    """One measurement: samples in `unit`, an optional reference row and target, or the reason it was skipped."""

    what: str
    samples: list[float]
    unit: str = "ms"
    reference: "Row | None" = None
    target: Target | None = None
    skipped: str = ""
    note: str = ""
    statistic: str = "median"
    extra: dict = field(default_factory=dict)

    @property
    def value(self) -> float:
        """The median of the samples (NaN without samples or when a sample is missing)."""
        clean = [s for s in self.samples if s is not None and not math.isnan(s)]
        if not clean or len(clean) < len(self.samples):
            return float("nan")
        return statistics.median(clean)

    @property
    def ratio(self) -> float | None:
        """This row's median over the reference's median (None without a reference)."""
        if self.reference is None or not self.reference.value:
            return None
        return self.value / self.reference.value

    @property
    def met(self) -> bool | None:
        """Whether the target is met (None without a target, False when the value is missing)."""
        if self.target is None or self.skipped:
            return None
        if math.isnan(self.value):
            return False
        if self.target.kind == "<":
            return self.value < self.target.value
        ratio = self.ratio
        if ratio is None or math.isnan(ratio):
            return False
        return ratio <= self.target.value if self.target.kind == "ratio≤" else ratio * self.target.value <= 1


def skipped(what: str, reason: str) -> Row:
    """Return a row that says why it was not measured."""
    return Row(what, [], skipped=reason)


def timings(action: Callable[[], object], repeat: int, warm_up: int = 1) -> list[float]:
    """Run `action` `warm_up` times unmeasured, then `repeat` times; return milliseconds per run."""
    for _ in range(warm_up):
        action()
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        result.append((time.perf_counter() - started) * 1000)
    return result


def percentile(values: list[float], fraction: float) -> float:
    """Return the value below which `fraction` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _number(value: float, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    if unit == "s":
        return f"{value:.3f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def table_rows(rows: list[Row]) -> list[list[str]]:
    """Return the cells of every row: what, median, min–max, reference, ratio, target, met?"""
    cells = []
    for row in rows:
        if row.skipped:
            cells.append([row.what, "skipped", "", "", "", "", f"— ({row.skipped})"])
            continue
        clean = [s for s in row.samples if s is not None and not math.isnan(s)]
        value = f"{_number(row.value, row.unit)} {row.unit}".strip()
        if row.statistic != "median":
            value = f"{row.statistic} {value}"
        spread = f"{_number(min(clean), row.unit)}–{_number(max(clean), row.unit)}" if len(clean) > 1 else ""
        reference = row.reference.what if row.reference is not None else ""
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}×"
        if row.target is not None and row.target.kind == "ratio≥" and row.ratio:
            ratio = f"{row.ratio:.2f}× (ref is {1 / row.ratio:.1f}×)"
        target = row.target.describe(row.unit) if row.target else ""
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        if row.note:
            met = f"{met} ({row.note})" if met else row.note
        cells.append([row.what, value, spread, reference, ratio, target, met])
    return cells


HEADER = ["what", "median", "min–max", "reference (same run)", "ratio", "target", "met?"]


def table_markdown(rows: list[Row]) -> str:
    """Return the rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |" for cells in table_rows(rows)]
    return "\n".join(lines)


def table_text(rows: list[Row]) -> str:
    """Return the rows as a plain-text table for the terminal."""
    cells = [HEADER] + table_rows(rows)
    widths = [min(70, max(len(c[i]) for c in cells)) for i in range(len(HEADER))]
    return "\n".join("  ".join(c[i][:70].ljust(widths[i]) for i in range(len(HEADER))).rstrip() for c in cells)
