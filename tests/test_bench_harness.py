"""The benchmark table: ratios to the reference of the same run, verdicts on targets, and BENCHMARKS.md rewriting
only its results part (the prose around it is kept)."""

from __future__ import annotations

from benchmarks.__main__ import END, START, write_markdown
from benchmarks.harness import Row, at_least_ratio, at_most_ratio, below, percentile, skipped, table_markdown


def test_ratio_targets_compare_medians_with_the_reference():
    bare = Row("bare", [1.0, 2.0, 3.0], "s")
    assert Row("reader", [3.0, 4.0, 5.0], "s", bare, at_most_ratio(2)).met is True  # 4 / 2 = 2×
    assert Row("reader", [4.0, 5.0, 6.0], "s", bare, at_most_ratio(2)).met is False  # 2.5×
    calibre = Row("calibre", [6.0], "s")
    assert Row("dubao", [2.0], "s", calibre, at_least_ratio(3)).met is True  # calibre is 3× slower
    assert Row("dubao", [2.5], "s", calibre, at_least_ratio(3)).met is False


def test_absolute_targets_and_missing_samples():
    assert Row("search", [10.0, 60.0, 20.0], "ms", target=below(50)).met is True  # the median counts
    assert Row("search", [49.0, 50.0, 51.0], "ms", target=below(50)).met is False
    assert Row("settled", [1.0, float("nan")], "s", target=below(5)).met is False  # a run that never settled
    assert Row("info", [1.0]).met is None


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.99) == 99
    assert percentile(values, 0.5) == 50
    assert percentile([7.0], 0.99) == 7.0


def test_markdown_table_shows_reference_ratio_target_and_verdict():
    bare = Row("bare window", [0.2], "s")
    text = table_markdown([bare, Row("reopen", [0.5], "s", bare, at_most_ratio(2)),
                           skipped("calibre", "ebook-viewer is missing")])
    lines = text.splitlines()
    assert lines[0].startswith("| what | median | min–max | reference (same run) | ratio | target | met? |")
    assert "| reopen | 0.500 s |  | bare window | 2.50× | ≤ 2× ref | **no** |" in lines
    assert any("skipped" in line and "ebook-viewer is missing" in line for line in lines)


def test_results_replace_only_the_marked_part(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# Title\n\nhow to run\n\n{START}\nold table\n{END}\n\n## Notes\nkept\n", encoding="utf-8")
    write_markdown(path, "new table")
    text = path.read_text(encoding="utf-8")
    assert "old table" not in text and "new table" in text
    assert text.startswith("# Title\n\nhow to run\n") and text.endswith("## Notes\nkept\n")
    fresh = tmp_path / "NEW.md"
    write_markdown(fresh, "first")
    assert START in fresh.read_text(encoding="utf-8") and "first" in fresh.read_text(encoding="utf-8")
