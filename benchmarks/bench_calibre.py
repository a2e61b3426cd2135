"""Dubao beside calibre's e-book viewer opening the same article, in the same run, under the same Xvfb.

The seed article is written as an EPUB 3 (a zip of XHTML made here, no extra tool) for `ebook-viewer`, and Dubao
opens the same article as it does every day (from its library, annotation cached). Both are measured from outside by
benchmarks/xwindow.py: launch → mapped, launch → settled, peak memory of the whole process tree. Unmeasured warm-up
launches first: calibre builds its settings and caches and covers the book with a help screen on its first two
launches; Dubao fills its library and annotation cache on its first.

calibre is not a dependency of Dubao: when `ebook-viewer` is missing, this benchmark's setup installs Debian's
`calibre` package with apt-get (root only) and otherwise skips its rows with the reason.
Run: `.venv/bin/python -m benchmarks.bench_calibre [--runs 3]` (part of `python -m benchmarks`).
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from benchmarks.harness import Row, at_least_ratio, skipped, table_text
from benchmarks.xwindow import measure_launch, virtual_display

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "articles" / "xihaian-2025-quality-page.md"

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""

PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="zh-CN">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:dubao:benchmark:seed</dc:identifier>
    <dc:title>{title}</dc:title>
    <dc:language>zh-CN</dc:language>
    <meta property="dcterms:modified">2025-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="article" href="article.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="article"/></spine>
</package>
"""

PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN">
<head><meta charset="utf-8"/><title>{title}</title></head>
<body>
{body}
</body>
</html>
"""


def write_epub(article_path: Path, target: Path) -> Path:
    """Write the article (title, section headings, paragraphs) as a minimal EPUB 3 file; return its path."""
    sys.path.insert(0, str(ROOT))
    from reader.core.importer import load_article

    article = load_article(article_path)
    title = html.escape(article.title)
    parts = [f"<h1>{title}</h1>"]
    for section in article.sections:
        if section.heading:
            parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        parts += [f"<p>{html.escape(paragraph.text)}</p>" for paragraph in section.paragraphs]
    nav = "<nav epub:type=\"toc\"><ol><li><a href=\"article.xhtml\">" + title + "</a></li></ol></nav>"
    with zipfile.ZipFile(target, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", CONTAINER, compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("OEBPS/content.opf", PACKAGE.format(title=title), compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("OEBPS/nav.xhtml", PAGE.format(title=title, body=nav), compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("OEBPS/article.xhtml", PAGE.format(title=title, body="\n".join(parts)),
                      compress_type=zipfile.ZIP_DEFLATED)
    return target


def ensure_calibre() -> str:
    """Return "" when `ebook-viewer` is available (installing Debian's calibre if missing), else why not."""
    if shutil.which("ebook-viewer"):
        return ""
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return "ebook-viewer is missing and calibre cannot be installed here (needs apt-get as root)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "--no-install-recommends",
                                                  "calibre"]):
        if subprocess.run(command, env=env, capture_output=True).returncode != 0:
            return f"installing calibre failed ({' '.join(command[:2])})"
    return "" if shutil.which("ebook-viewer") else "calibre installed but ebook-viewer is not on PATH"


def calibre_rows(runs: int) -> list[Row]:
    """Measure ebook-viewer and Dubao on the same article, interleaved; return the rows."""
    reason = ensure_calibre()
    if reason:
        return [skipped("calibre ebook-viewer beside Dubao", reason)]
    samples: dict[str, list[float]] = {}
    with virtual_display() as env, tempfile.TemporaryDirectory(prefix="dubao-bench-calibre-") as folder:
        epub = write_epub(SEED, Path(folder) / "article.epub")
        calibre_env = dict(env, HOME=f"{folder}/home", QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",  # runs as root
                           CALIBRE_CONFIG_DIRECTORY=f"{folder}/calibre-config")
        dubao_env = dict(env, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
        commands = {"calibre": (["ebook-viewer", str(epub)], calibre_env),
                    "dubao": ([sys.executable, "main.py", str(SEED)], dubao_env)}
        for name, (command, env_of) in commands.items():  # warm-up: settings, caches, library, annotation
            for _ in range(2 if name == "calibre" else 1):  # calibre covers the book with help on its first two
                measure_launch(command, env_of, quiet=2.0, timeout=300, cwd=ROOT)
        for _ in range(runs):
            for name, (command, env_of) in commands.items():
                measure_launch(command, env_of, quiet=1.0, timeout=120, cwd=ROOT).add_to(samples, name)
    return _rows(samples)


def _rows(samples: dict[str, list[float]]) -> list[Row]:
    settled = Row("calibre ebook-viewer, same article (EPUB): launch → settled", samples["calibre_settled"], "s")
    rss = Row("calibre ebook-viewer: peak RSS of its processes", samples["calibre_peak_rss_mib"], "MiB")
    pss = Row("calibre ebook-viewer: peak PSS of its processes", samples["calibre_peak_pss_mib"], "MiB")
    return [
        Row("calibre ebook-viewer: launch → mapped", samples["calibre_mapped"], "s"), settled, rss, pss,
        Row("Dubao, same article (reopened): launch → settled", samples["dubao_settled"], "s", settled,
            at_least_ratio(3)),
        Row("Dubao: peak RSS", samples["dubao_peak_rss_mib"], "MiB", rss, at_least_ratio(3)),
        Row("Dubao: peak PSS", samples["dubao_peak_pss_mib"], "MiB", pss, at_least_ratio(3)),
    ]


def main() -> int:
    """Command line: measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    print(table_text(calibre_rows(parser.parse_args().runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
