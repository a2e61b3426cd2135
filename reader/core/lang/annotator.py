"""`Annotator`: the one owner of article annotation — the language service that reads, the disk cache that keeps
what was read, and the child process that reads for a window.

A paragraph's cache key is its text plus the versions of the reading engine, dictionary, glossary and HSK lists, and
the user's corrections of the words that paragraph contains (`pipeline.cache_keys`): a correction re-reads only the
paragraphs that hold the corrected word, any other change re-reads everything it affects. Serving a fully cached
article imports neither jieba nor pypinyin. For a first reading that must not hold the GUI's interpreter,
`start_reading`, `annotate_in_subprocess` and `fill_cache_in_subprocess` read in a child process (this module's
`worker_main`) that fills the cache, then load from it.

The child's protocol (`python -m reader.core.lang.annotator`):
- stdin: one JSON object {"article": Article.to_dict(), "user_words": {"merged", "splits", "readings"},
  "batches": [[unit index, …], …]} (indices into `pipeline.reading_units(article)`; without "batches", one batch of
  every unit), then end of file.
- stdout: once the paragraphs of batch k are in the cache, one line holding k ("0\n", "1\n" …) — at most one short
  line per batch, nothing else (anything a library prints goes to stderr).
- exit status 0 once every batch is cached; on a problem, one "dubao: …" line on stderr and status 2.
The child runs at a lower priority (`CHILD_NICENESS`): the window it reads for comes first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any, Callable, Iterator

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph
from reader.core.errors import DubaoError, StorageProblem
from reader.core.lang.pipeline import (CACHE_FILE, AnnotationCache, Unit, annotate_text, assemble, cache_keys,
                                       decode, encode, reading_batches, reading_units)
from reader.core.lang.service import LanguageService
from reader.core.model import Article

STEP_UNITS = 100  # paragraphs looked up in the cache at once while decoding in steps
FIRST_BATCH_CHARS = 1000  # the first batch a child reads: about the opening screen of a large window
BATCH_CHARS = 4000  # each later batch
# The child yields the CPU to the window when both want it (it runs while the window is built). On a busy 2-core
# machine (window painted / first screen's pinyin, one run): niceness 5 0.80 / 1.61 s, 10 0.67 / 1.62 s, 19 0.64 /
# 1.72 s, the child started by the window as before 0.55 / 2.13 s; at the same priority (another run) the window
# painted 0.3 s later than at 5. 19 would starve it behind any busy program; 10 leaves it a tenth of a busy core.
CHILD_NICENESS = 10
PIPE_ROOM = 60_000 if sys.platform.startswith("linux") else 0  # bytes an empty pipe takes without blocking (64 KiB)


class Annotator:
    """Annotates articles with one `LanguageService`, through one `AnnotationCache` in the service's cache folder."""

    def __init__(self, service: LanguageService, cache: AnnotationCache | None = None) -> None:
        self.service = service
        self.cache = cache if cache is not None else AnnotationCache(service.cache_dir / CACHE_FILE)

    def _lookup(self, units: list[Unit]) -> tuple[list[str], dict[str, bytes]]:
        """Return the cache key of each unit and the cached values among them (the one place keys are made)."""
        keys = cache_keys([text for _, text, _ in units], self.service)
        return keys, self.cache.get_many(sorted(set(keys)))

    def cached(self, article: Article) -> AnnotatedArticle | None:
        """Return the article's annotation when every paragraph and heading is cached, else None (no jieba, no
        pypinyin)."""
        units = reading_units(article)
        keys, stored = self._lookup(units)
        if any(key not in stored for key in keys):
            return None
        return assemble(units, [decode(unit, stored[key]) for unit, key in zip(units, keys)])

    def is_cached(self, article: Article) -> bool:
        """True when the cache holds the annotation of every paragraph and heading (nothing is decoded)."""
        keys, stored = self._lookup(reading_units(article))
        return all(key in stored for key in keys)

    def annotate(self, article: Article, use_cache: bool = True) -> AnnotatedArticle:
        """Annotate every paragraph and heading in this process, reading only what the cache does not hold."""
        units = reading_units(article)
        keys, stored = self._lookup(units)
        values = self._read(units, keys, stored if use_cache else {})
        return assemble(units, [decode(unit, values[key]) for unit, key in zip(units, keys)])

    def annotate_in_batches(self, article: Article, batches: list[list[int]], done: Callable[[int], None]) -> None:
        """Read the article into the cache batch by batch (`batches`: indices of `reading_units`), calling
        `done(k)` once batch k is cached."""
        units = reading_units(article)
        keys, stored = self._lookup(units)
        for number, batch in enumerate(batches):
            stored.update(self._read([units[i] for i in batch], [keys[i] for i in batch], stored))
            done(number)

    def _read(self, units: list[Unit], keys: list[str], stored: dict[str, bytes]) -> dict[str, bytes]:
        """Read the units whose keys `stored` lacks, put them in the cache; return the values of all `keys`."""
        fresh: dict[str, bytes] = {}
        missing = [text for (_, text, _), key in zip(units, keys) if key not in stored]
        if missing:
            self.service.prepare(missing)  # the polyphone layer reads the batch's sentences in one go
        for (_, text, _), key in zip(units, keys):
            if key not in stored and key not in fresh:
                fresh[key] = encode(annotate_text(text, "", self.service))
        if fresh:
            self.cache.put_many(fresh.items())
        return {key: fresh[key] if key in fresh else stored[key] for key in keys}

    def start_reading(self, article: Article, from_paragraph: str | None = None) -> "BatchReading":
        """Start reading the article into the cache: the screen that opens at paragraph `from_paragraph` (the top
        when None) first, then the rest. The child process starts now; follow it with `BatchReading.run`."""
        batches = reading_batches(article, from_paragraph, FIRST_BATCH_CHARS, BATCH_CHARS)
        return BatchReading(self, article, batches)

    def annotate_in_subprocess(self, article: Article, timeout: float = 300) -> AnnotatedArticle:
        """Annotate in a child Python process (so this interpreter never loads jieba), then load from the cache."""
        self.fill_cache_in_subprocess(article, timeout)
        cached = self.cached(article)
        if cached is None:
            raise self._problem("the cache lost part of the article's annotation")
        return cached

    def fill_cache_in_subprocess(self, article: Article, timeout: float = 300) -> None:
        """Make sure the cache holds the whole article's annotation, reading what is missing in a child process (in
        this process for a bundled app, which cannot run `python -m`). Nothing is decoded here."""
        if self.is_cached(article):
            return
        if getattr(sys, "frozen", False):
            self.annotate(article)
            return
        result = self._read_in_child(article, timeout)
        if result.returncode != 0 or not self.is_cached(article):
            lines = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise self._problem(f"the article could not be annotated ({lines[0]})")

    def cached_in_steps(self, article: Article, budget: float = 0.004) -> Iterator[AnnotatedArticle | None]:
        """Decode the article's cached annotation about `budget` seconds at a time: yield None after each slice and the
        AnnotatedArticle last (StorageProblem when part of it is not cached). A window drives it from idle moments,
        so a long article's pinyin arrives without holding up scrolling or clicks (no thread competes for the GIL)."""
        units = reading_units(article)
        paragraphs: list[AnnotatedParagraph] = []
        deadline = time.perf_counter() + budget
        for start in range(0, len(units), STEP_UNITS):
            chunk = units[start : start + STEP_UNITS]
            keys, stored = self._lookup(chunk)
            for unit, key in zip(chunk, keys):
                if key not in stored:
                    raise self._problem("part of the article's annotation is missing from the cache")
                paragraphs.append(decode(unit, stored[key]))
                if time.perf_counter() > deadline:
                    yield None
                    deadline = time.perf_counter() + budget
        yield assemble(units, paragraphs)

    def close(self) -> None:
        """Close the cache file."""
        self.cache.close()

    def _problem(self, message: str) -> StorageProblem:
        return StorageProblem(message, self.cache.path)

    def _read_in_child(self, article: Article, timeout: float) -> subprocess.CompletedProcess:
        """Run the child process that reads the article into the cache; return how it ended."""
        return subprocess.run(_CHILD_COMMAND, input=_payload(self.service, article), capture_output=True,
                              timeout=timeout, env=_child_env(self.service))


_CHILD_COMMAND = [sys.executable, "-m", "reader.core.lang.annotator"]


def _child_env(service: LanguageService) -> dict[str, str]:
    return dict(os.environ, DUBAO_CACHE_DIR=str(service.cache_dir), DUBAO_DATA_DIR=str(service.data_dir))


def _payload(service: LanguageService, article: Article, batches: list[list[int]] | None = None) -> bytes:
    """Return what the child reads on stdin (see the protocol above)."""
    message: dict[str, Any] = {"article": article.to_dict(), "user_words": _user_words_payload(service)}
    if batches is not None:
        message["batches"] = batches
    return json.dumps(message, ensure_ascii=False).encode("utf-8")


def _user_words_payload(service: LanguageService) -> dict[str, Any]:
    words = service.user_words
    return {"merged": sorted(words.merged_words()), "splits": dict(words.splits()),
            "readings": dict(words.reading_overrides())}


class BatchReading:
    """An article read into the cache batch by batch, in a child process started at once (for a bundled app, which
    cannot run `python -m`, in this process on the thread that calls `run`), each batch decoded as it is cached.

    Made by `Annotator.start_reading` (the child starts loading its tables meanwhile); `run` follows it and must be
    called once (it blocks until the reading ends: a worker thread's job); `stop` ends it from any thread."""

    def __init__(self, annotator: Annotator, article: Article, batches: list[list[int]]) -> None:
        self.annotator, self.article, self.batches = annotator, article, batches
        self._stopped = threading.Event()
        self._errors = tempfile.TemporaryFile()  # the child's stderr: a file, so a chatty child never blocks
        self._process: subprocess.Popen | None = None
        self._payload: bytes | None = None  # what the child is still to be given (by `run`)
        if not getattr(sys, "frozen", False):
            self._process = subprocess.Popen(_CHILD_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=self._errors, env=_child_env(annotator.service))
            self._payload = _payload(annotator.service, article, batches)
            if len(self._payload) <= PIPE_ROOM:  # given at once, so the child starts reading before `run` does
                self._give_payload()

    @property
    def pid(self) -> int | None:
        """The child process's id (None when reading in this process)."""
        return self._process.pid if self._process is not None else None

    def run(self, report: Callable[[AnnotatedArticle], None]) -> AnnotatedArticle:
        """Hand each batch's annotation but the last to `report` as soon as it is cached (the opening screen
        first); return the whole article's. StorageProblem when the reading failed or was stopped (what was
        reported stays valid)."""
        units = reading_units(self.article)
        keys = cache_keys([text for _, text, _ in units], self.annotator.service)
        read: dict[int, AnnotatedParagraph] = {}

        def cached(number: int) -> None:
            if self._stopped.is_set():
                raise self._problem("the reading was stopped")
            batch = self.batches[number]
            stored = self.annotator.cache.get_many(sorted({keys[i] for i in batch}))
            if any(keys[i] not in stored for i in batch):
                raise self._problem("the cache lost part of the article's annotation")
            part = {i: decode(units[i], stored[keys[i]]) for i in batch}
            read.update(part)
            if number < len(self.batches) - 1:
                report(assemble([units[i] for i in part], list(part.values())))

        try:
            if self._process is None:
                self.annotator.annotate_in_batches(self.article, self.batches, cached)
            else:
                self._follow_child(cached)
        finally:
            self._errors.close()
        return assemble(units, [read[i] for i in range(len(units))])

    def _follow_child(self, cached: Callable[[int], None]) -> None:
        """Give the child the article, call `cached(k)` for each batch it reports, and check how it ended."""
        process = self._process
        self._give_payload()
        reported = 0
        try:
            with process.stdout:
                for line in process.stdout:
                    if line.strip() != str(reported).encode() or reported >= len(self.batches):
                        break  # not the protocol: treated as a failed child
                    cached(reported)
                    reported += 1
        finally:
            if process.poll() is None and (reported < len(self.batches) or self._stopped.is_set()):
                process.kill()
            status = process.wait()
        if self._stopped.is_set():
            raise self._problem("the reading was stopped")
        if status != 0 or reported != len(self.batches):
            self._errors.seek(0)
            lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise self._problem(f"the article could not be annotated ({lines[0]})")

    def _give_payload(self) -> None:
        """Write the article and its batches to the child's stdin and close it (once)."""
        payload, self._payload = self._payload, None
        if payload is not None:
            try:
                with self._process.stdin:
                    self._process.stdin.write(payload)
            except OSError:
                pass  # the child is gone already: its exit status says why (`run`)

    def stop(self) -> None:
        """End the reading (any thread): the child is ended; `run` then raises StorageProblem."""
        self._stopped.set()
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def discard(self) -> None:
        """Stop a reading `run` was never called for, and close its pipes."""
        self.stop()
        self._payload = None
        for stream in (self._process.stdin, self._process.stdout) if self._process is not None else ():
            stream.close()
        self._errors.close()

    def _problem(self, message: str) -> StorageProblem:
        return StorageProblem(message, self.annotator.cache.path)


def worker_main() -> int:
    """Child-process entry: read the article and what to read on stdin, annotate into the cache, report each batch
    on stdout (the protocol is in this module's docstring)."""
    from reader.core.lang.user_words import InMemoryUserWords

    report, sys.stdout = sys.stdout, sys.stderr  # only the protocol's lines reach the parent's pipe
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)
    payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    user_words = InMemoryUserWords()
    for word in payload["user_words"].get("merged", []):
        user_words.merge(word)
    for word, parts in payload["user_words"].get("splits", {}).items():
        user_words.split(word, parts)
    for word, syllables in payload["user_words"].get("readings", {}).items():
        user_words.set_reading(word, syllables)
    annotator = Annotator(LanguageService(user_words=user_words))

    def done(number: int) -> None:
        report.write(f"{number}\n")
        report.flush()

    try:
        article = Article.from_dict(payload["article"])
        if "batches" in payload:
            annotator.annotate_in_batches(article, payload["batches"], done)
        else:
            annotator.annotate(article)
    except DubaoError as error:
        print(f"dubao: {error}", file=sys.stderr)
        return 2
    finally:
        annotator.close()
    return 0


if __name__ == "__main__":
    sys.exit(worker_main())
