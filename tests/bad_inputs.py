"""The bad-input corpus: every kind of file people will try to open, generated on demand (nothing stored).

    python tests/bad_inputs.py FOLDER           # write the corpus into FOLDER and list what each file should do
    python tests/bad_inputs.py --check FOLDER   # write it and run every file through `python -m reader inspect`

Each `BadInput` names a file, writes it, and says what the right answer is: either a refusal (`refused` is the exact
problem text the user reads after the file's path) or a correct import (`title`, the exact paragraph texts or their
count, the encoding). Faults that happen while a file is being opened (it disappears, its read permission is taken
away) cannot be made with files alone: `fault` names them and the tests inject them. Tests run as root, where
`chmod 000` does not stop a read, so the lost permission is injected by making `open` raise the PermissionError the
kernel would give; the vanishing file is really deleted between the check and the open.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

TITLE = "推进高质量发展"
SENTENCE = "高质量发展是全面建设社会主义现代化国家的首要任务，我们要坚持以人民为中心的发展思想。"
PARAGRAPHS = (SENTENCE, "西海岸新区把品质建设作为全年工作的主线，扎实推动各项任务落地见效。",
              "全区上下要拿出更有奔头、更有劲头的精气神，把蓝图变成实景图。")
BIG_BYTES = 50 * 1024 * 1024
LONG_LINE_CHARS = 2_000_000
MANY_PARAGRAPHS = 100_000
RARE = "\U00020000\U0002a700"  # 𠀀 (CJK Extension B) and the first character of Extension C
EMOJI = "\U0001f600\U0001f468\u200d\U0001f469\u200d\U0001f467"


@dataclass(frozen=True)
class BadInput:
    """One file of the corpus and the right answer for it."""

    name: str
    file_name: str
    write: Callable[[Path], None]
    refused: str | None = None  # the exact problem text when the file must be refused
    title: str | None = None
    paragraphs: tuple[str, ...] | None = None  # exact paragraph texts of a correct import
    paragraph_count: int | None = None  # when the texts are too many to list
    encoding: str | None = None
    fault: str | None = None  # "vanish" or "deny": injected while the file is opened
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def imports(self) -> bool:
        """True when the right answer is an article."""
        return self.refused is None


def article_text(paragraphs: tuple[str, ...] = PARAGRAPHS, title: str = TITLE) -> str:
    """Return a small, well-formed article: a title line, a blank line, one paragraph per line."""
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _write_big(path: Path) -> None:
    """A real 50 MB text (not a sparse file): the same article over and over."""
    chunk = article_text().encode("utf-8") * 64
    with open(path, "wb") as handle:
        for _ in range(BIG_BYTES // len(chunk) + 1):
            handle.write(chunk)


def _long_line_text() -> str:
    body = (SENTENCE * (LONG_LINE_CHARS // len(SENTENCE) + 1))[:LONG_LINE_CHARS - 1] + "。"
    return body


def many_paragraph_texts() -> tuple[str, ...]:
    """The 100,000 one-line paragraphs of `many-paragraphs.txt`."""
    return tuple(f"第{number}段：高质量发展。" for number in range(1, MANY_PARAGRAPHS + 1))


def _gb_almost_utf8() -> tuple[bytes, str]:
    """GB18030 text whose first characters are also valid UTF-8 byte pairs (so it starts out reading as UTF-8)."""
    twins = "".join(ch for ch in "专业为之也习些位住使值停偶债偏" if _valid_utf8(ch.encode("gb18030")))
    paragraph = twins + "，" + SENTENCE
    text = article_text((paragraph, PARAGRAPHS[1]))
    return text.encode("gb18030"), paragraph


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _markdown_front_matter(body: str) -> str:
    return body + "\n\n" + "## 小标题\n\n" + SENTENCE + "\n"


def _html_page() -> str:
    """A saved GBK news page: navigation, the article, a share line and a footer."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{TITLE}_示例网'
            f'</title></head><body><div class="nav"><a href="/">首页</a><a href="/a">时政</a></div><h1>{TITLE}</h1>'
            f'<div class="article">{body}</div><div>分享到：<a>微信</a></div><div>版权所有 示例网</div></body></html>')


def corpus() -> list[BadInput]:
    """Return every case of the corpus (nothing is written yet)."""
    utf8 = article_text().encode("utf-8")
    cut = utf8.rstrip(b"\n")[:-1]  # the last character loses its last byte: half a download
    gb, gb_paragraph = _gb_almost_utf8()
    control = article_text(("高质量\x07发展\x1b是首要\x08任务。\x7f\x9b\x0c", PARAGRAPHS[1]))
    bidi = article_text(("高质量\u202e发展\u202c是\u2066首要\u2069任务\u200f。", PARAGRAPHS[1]))
    rare = article_text((f"{RARE}字和表情{EMOJI}都要保留。", PARAGRAPHS[1]))
    return [
        BadInput("empty", "empty.txt", _bytes(b""), refused="is empty"),
        BadInput("whitespace", "only-whitespace.txt", _bytes(" \n\t\n\u3000\u3000\n\r\n".encode()),
                 refused="contains only blank lines and spaces"),
        BadInput("png", "photo.txt", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
                 refused="is a PNG image, not a text article"),
        BadInput("zip", "article.txt", _bytes(b"PK\x03\x04\x14\x00\x00\x00" + utf8),
                 refused="is a ZIP archive (or a Word/OpenDocument file), not a text article"),
        BadInput("html-png", "photo.html", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
                 refused="is a PNG image, not a text article"),
        BadInput("html-menu-only", "menu.html", _bytes("<html><body><a href='/'>首页</a> <a href='/a'>财经</a></body></html>"
                                                       .encode("utf-8")),
                 refused="holds no article text (no paragraphs of running text were found)"),
        BadInput("html-gbk", "saved-page.htm", _bytes(_html_page().encode("gb18030")),
                 title=TITLE, paragraphs=PARAGRAPHS, encoding="gb18030"),
        BadInput("pdf", "report.txt", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n" + utf8),
                 refused="is a PDF document, not a text article"),
        BadInput("nul", "nul-inside.txt", _bytes(utf8[:30] + b"\x00\x00\x00" + utf8[30:]),
                 refused="is a binary file (it contains NUL bytes), not a text article"),
        BadInput("truncated-utf8", "half-download.txt", _bytes(cut),
                 refused=f"is cut off in the middle of a character (at byte {len(cut) - 2}): an incomplete download "
                         "or copy? Nothing was imported"),
        BadInput("utf16le-no-bom", "phone-utf16.txt", _bytes(article_text().encode("utf-16-le")),
                 title=TITLE, paragraphs=PARAGRAPHS, encoding="utf-16-le"),
        BadInput("utf16be-no-bom", "phone-utf16be.txt", _bytes(article_text().encode("utf-16-be")),
                 title=TITLE, paragraphs=PARAGRAPHS, encoding="utf-16-be"),
        BadInput("gb18030-almost-utf8", "gb18030.txt", _bytes(gb),
                 title=TITLE, paragraphs=(gb_paragraph, PARAGRAPHS[1]), encoding="gb18030"),
        BadInput("mixed-encodings", "mixed.txt",
                 _bytes(utf8 + "\n".join(PARAGRAPHS).encode("gb18030")),
                 refused=f"mixes encodings: it is UTF-8 up to byte {len(utf8)}, then holds bytes of another "
                         "encoding; save it again as UTF-8"),
        BadInput("latin-1", "french.txt", _bytes("Réunion générale: élève déménagement.\n".encode("latin-1")),
                 refused="cannot be decoded: it is not UTF-8, UTF-16 or GB18030/GBK text"),
        BadInput("50mb", "big-log.txt", _write_big, refused="is too large (50.0 MB; the limit is 20 MB)"),
        BadInput("long-line", "one-long-line.txt", lambda p: p.write_text(TITLE + "\n\n" + _long_line_text(), "utf-8"),
                 title=TITLE, paragraphs=(_long_line_text(),), encoding="utf-8"),
        BadInput("many-paragraphs", "many-paragraphs.txt",
                 lambda p: p.write_text(article_text(many_paragraph_texts()).replace("\n\n", "\n"), "utf-8"),
                 title=TITLE, paragraph_count=MANY_PARAGRAPHS, encoding="utf-8"),
        BadInput("control-characters", "controls.txt", lambda p: p.write_text(control, "utf-8"),
                 title=TITLE, paragraphs=("高质量发展是首要任务。", PARAGRAPHS[1]), encoding="utf-8"),
        BadInput("bidi-marks", "bidi.txt", lambda p: p.write_text(bidi, "utf-8"),
                 title=TITLE, paragraphs=("高质量发展是首要任务。", PARAGRAPHS[1]), encoding="utf-8"),
        BadInput("emoji-rare-cjk", "rare.txt", lambda p: p.write_text(rare, "utf-8"),
                 title=TITLE, paragraphs=(f"{RARE}字和表情{EMOJI}都要保留。", PARAGRAPHS[1]), encoding="utf-8"),
        BadInput("front-matter-unknown-line", "unknown-line.md",
                 lambda p: p.write_text(_markdown_front_matter("---\ntitle: 标题\nthis line has no key\n---"), "utf-8"),
                 refused="line 3 of the front matter is not a known 'key: value' line: this line has no key"),
        BadInput("front-matter-unclosed", "unclosed.md",
                 lambda p: p.write_text(_markdown_front_matter("---\ntitle: 标题\nsubtitle: 副标题"), "utf-8"),
                 refused="the front matter that opens with --- is never closed by a --- line"),
        BadInput("front-matter-broken-quote", "broken-quote.md",
                 lambda p: p.write_text(_markdown_front_matter('---\ntitle: "标题\n---'), "utf-8"),
                 refused="line 2 of the front matter has a broken quoted value"),
        BadInput("spaces-and-chinese-name", "我的 文章 (草稿) 第1版.txt", lambda p: p.write_text(article_text(), "utf-8"),
                 title=TITLE, paragraphs=PARAGRAPHS, encoding="utf-8"),
        BadInput("folder", "folder.txt", lambda p: p.mkdir(), refused="is a folder, not an article file"),
        BadInput("fifo", "pipe.txt", lambda p: os.mkfifo(p), refused="is not a regular file (a device, pipe or socket)"),
        BadInput("symlink-loop", "loop.txt", lambda p: p.symlink_to(p.name),
                 refused="cannot be read (Too many levels of symbolic links)"),
        BadInput("missing", "never-there.txt", lambda p: None, refused="no such file"),
        BadInput("vanishes-mid-open", "vanishing.txt", lambda p: p.write_text(article_text(), "utf-8"),
                 refused="the file disappeared while it was being opened", fault="vanish"),
        BadInput("permission-lost-mid-open", "locked.txt", lambda p: p.write_text(article_text(), "utf-8"),
                 refused="permission denied: the file cannot be read", fault="deny"),
    ]


def generate(folder: str | Path) -> list[tuple[BadInput, Path]]:
    """Write the whole corpus into `folder` (created if needed); return each case with its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in corpus():
        path = folder / case.file_name
        case.write(path)
        written.append((case, path))
    return written


def inject_fault(fault: str, target: Path, real_open: Callable = open) -> Callable:
    """Return an `open` that makes `fault` happen to `target` the moment it is opened; other files open as usual.

    "vanish": the file is deleted just before the real open (so the OS itself reports it missing).
    "deny": the open fails as the kernel fails it for an unreadable file (EACCES), since root reads through 000.
    """
    def faulty_open(file, *args, **kwargs):
        if Path(file) == target:
            if fault == "vanish":
                target.unlink(missing_ok=True)
            elif fault == "deny":
                raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    return faulty_open


FAULT_RUNNER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from bad_inputs import inject_fault
import reader.core.importer.decoding as decoding
decoding.open = inject_fault({fault!r}, Path({path!r}))
from reader.cli import main
sys.exit(main(["inspect", "--json", {path!r}]))
"""


def inspect_command(case: BadInput, path: Path) -> list[str]:
    """Return the command that runs `python -m reader inspect --json` on the file, with the case's fault injected."""
    if case.fault:
        code = FAULT_RUNNER.format(tests=str(Path(__file__).resolve().parent), fault=case.fault, path=str(path))
        return [sys.executable, "-c", code]
    return [sys.executable, "-m", "reader", "inspect", "--json", str(path)]


def verdict(case: BadInput, path: Path, status: int, stdout: str, stderr: str) -> str | None:
    """Return what is wrong with one run of `inspect` on a case (None when it did exactly the right thing)."""
    if "Traceback" in stderr:
        return "crashed with a traceback"
    if case.refused is not None:
        expected = f"dubao: {path}: {case.refused}\n"
        return None if (status, stdout, stderr) == (2, "", expected) else f"expected {expected!r}, got {stderr!r}"
    if status != 0:
        return f"refused: {stderr.strip()}"
    data = json.loads(stdout)
    texts = [text for section in data["sections"] for text in section["paragraphs"]]
    wanted = list(case.paragraphs) if case.paragraphs is not None else None
    if data["title"] != case.title or data["source"]["encoding"] != case.encoding:
        return f"imported as {data['title']!r} in {data['source']['encoding']}"
    if (wanted is not None and texts != wanted) or (wanted is None and len(texts) != case.paragraph_count):
        return "imported with the wrong paragraphs"
    return None


def check(folder: Path) -> int:
    """Run every case through the command line and print one line each and the totals; return 0 when all are right."""
    project = Path(__file__).resolve().parents[1]
    wrong = crashes = 0
    for case, path in generate(folder):
        run = subprocess.run(inspect_command(case, path), cwd=project, capture_output=True, text=True, timeout=300)
        problem = verdict(case, path, run.returncode, run.stdout, run.stderr)
        wrong += problem is not None
        crashes += "Traceback" in run.stderr
        answer = "refused" if case.refused else "imported"
        print(f"{'ok ' if problem is None else 'BAD'} {case.name:28} {answer:8} {problem or ''}".rstrip())
    faults = sum(1 for case in corpus() if case.fault)
    print(f"inputs tried: {len(corpus())} (faults injected while opening: {faults}); wrong answers: {wrong}; "
          f"crashes: {crashes}")
    return 1 if wrong else 0


def main(argv: list[str]) -> int:
    """`FOLDER`: write the corpus and list what each file should do; `--check FOLDER`: run it through the CLI."""
    if len(argv) == 2 and argv[0] == "--check":
        return check(Path(argv[1]))
    if len(argv) != 1:
        print("usage: python tests/bad_inputs.py [--check] FOLDER", file=sys.stderr)
        return 2
    for case, path in generate(argv[0]):
        answer = f"refused: {case.refused}" if case.refused else f"imports: {case.title!r}"
        print(f"{case.name:28} {path.name:32} {answer}" + (f"  [fault: {case.fault}]" if case.fault else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
