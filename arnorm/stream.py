"""Streaming a corpus through a cleaner: JSON Lines or text, gzip, worker processes, reports.

The unit of work is a *chunk*: a few hundred kilobytes of input lines with the number of its
first line.  Chunks are read lazily, cleaned (in this process or in worker processes), and
written in input order, so memory holds a bounded number of chunks whatever the input size.

* JSON Lines (``field`` set): each line is a record; ``record[field]`` is cleaned and every
  other field is kept as it is.  ``null`` passes through.  A malformed line stops the run with
  its file name and line number, unless ``skip_bad`` counts and drops it.
* Text (``field`` is ``None``): the whole input is one document (line rules such as the trailer
  need the whole document), so a text input is read whole; corpora go in JSON Lines.

Output goes to a temporary file beside the target, renamed over it only when the run succeeded
(:class:`AtomicOutput`): an interrupted run leaves no half-written output.
"""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from pathlib import Path
from types import TracebackType
from typing import IO, Any, TextIO, cast

from arnorm.cleaner import Cleaner
from arnorm.corpus import SiteModel

# A chunk is cut after this many bytes of input: large enough that the cost of sending it to a
# worker is small next to cleaning it, small enough to keep memory flat.
CHUNK_BYTES = 1 << 19


class InputError(Exception):
    """A problem with the user's input or output file, reported in one line."""


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def is_gzip(path: str) -> bool:
    return path.endswith(".gz")


class _CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read from the file (for the progress bar)."""

    def __init__(self, raw: IO[bytes]):
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        return size

    def close(self) -> None:
        if self.raw is not sys.stdin.buffer:
            self.raw.close()
        super().close()


class Input:
    """An input file (``-``: stdin), decompressed when its name ends in ``.gz``."""

    def __init__(self, path: str):
        self.path = path
        self.name = display_name(path)
        try:
            raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        except OSError as error:
            raise InputError(f"{self.name}: cannot read: {error.strerror or error}") from None
        self.size: int | None = None
        if path != "-":
            try:
                self.size = os.fstat(raw.fileno()).st_size
            except OSError:
                self.size = None
        self.counter = _CountingReader(raw)
        buffered: IO[bytes] = io.BufferedReader(self.counter, 1 << 16)
        self.stream: IO[bytes] = (
            cast(IO[bytes], gzip.GzipFile(fileobj=buffered, mode="rb"))
            if is_gzip(path)
            else buffered
        )

    def read_all(self) -> bytes:
        try:
            return self.stream.read()
        except (OSError, EOFError) as error:
            raise InputError(f"{self.name}: cannot read: {error}") from None

    def read(self, size: int) -> bytes:
        try:
            return self.stream.read(size)
        except (OSError, EOFError) as error:
            raise InputError(f"{self.name}: cannot read: {error}") from None

    def lines(self) -> Iterator[bytes]:
        try:
            yield from self.stream
        except (OSError, EOFError) as error:
            raise InputError(f"{self.name}: cannot read: {error}") from None

    def close(self) -> None:
        self.stream.close()
        self.counter.close()


def decode(data: bytes, name: str, first_line: int = 1) -> str:
    """Decode UTF-8, naming the file and line of a bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first_line + data.count(b"\n", 0, error.start)
        raise InputError(
            f"{name}:{line}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert the file to UTF-8 first, e.g. iconv -f WINDOWS-1256 -t UTF-8"
        ) from None


class AtomicOutput:
    """Write to a temporary file beside ``path`` and rename it over ``path`` on success.

    ``None`` or ``-`` writes to stdout.  A name ending in ``.gz`` is gzip-compressed.  On an
    exception (including ``KeyboardInterrupt``) the temporary file is removed and ``path`` is
    left as it was.
    """

    def __init__(self, path: str | None):
        self.path = None if path in (None, "-") else path
        self._temporary: str | None = None
        self.stream: TextIO

    def __enter__(self) -> TextIO:
        if self.path is None:
            self.stream = sys.stdout
            return self.stream
        target = Path(self.path)
        try:
            handle, self._temporary = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".part"
            )
        except OSError as error:
            raise InputError(f"{self.path}: cannot write: {error.strerror or error}") from None
        binary = os.fdopen(handle, "wb")
        if is_gzip(self.path):
            compressed = gzip.GzipFile(
                filename="", mode="wb", fileobj=binary, mtime=0, compresslevel=6
            )
            self._binary: IO[bytes] = binary
            self.stream = io.TextIOWrapper(compressed, encoding="utf-8", newline="")
        else:
            self._binary = binary
            self.stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        return self.stream

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.path is None:
            if kind is None:
                self.stream.flush()
            return
        assert self._temporary is not None
        try:
            self.stream.close()  # closes the gzip layer, which does not close its file object
            self._binary.close()
            if kind is None:
                try:
                    os.chmod(self._temporary, _mode_for(self.path))
                    os.replace(self._temporary, self.path)
                except OSError as failure:
                    raise InputError(
                        f"{self.path}: cannot write: {failure.strerror or failure}"
                    ) from None
        finally:
            if os.path.exists(self._temporary):
                os.unlink(self._temporary)


def _mode_for(path: str) -> int:
    """The permissions of the file being replaced, or what a new file would get (the umask)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def same_file(a: str, b: str | None) -> bool:
    if b is None or "-" in (a, b):
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# The work


@dataclass(frozen=True)
class Job:
    """What to do with each document; pickled once into each worker process."""

    cleaner: Cleaner
    field: str | None = None  # JSON Lines: the field to clean; None: plain text
    html: bool = False
    report: bool = False  # per-rule counts (through Cleaner.explain: slower)
    site_model: SiteModel | None = None
    group: str | None = None  # the group of every document (text input), else from group_by

    def clean_text(self, text: str, stats: Stats, group: str | None) -> str:
        if self.html:
            text = html_to_text(text)
        stats.documents += 1
        stats.characters_in += len(text)
        if self.report:
            report = self.cleaner.explain(text)
            stats.rules.update(report.counts())
            for change in report.changes:
                if change.reason:
                    stats.removed_lines[change.rule] += 1
            output = report.output
        else:
            output = self.cleaner(text)
        if self.site_model is not None and group is not None:
            output, removed = self.site_model.strip_lines(output, group)
            if removed:
                stats.rules["corpus.site_boilerplate"] += len(removed)
                stats.removed_lines["corpus.site_boilerplate"] += len(removed)
                stats.site_removed[group] += len(removed)
        stats.characters_out += len(output)
        if output != text:
            stats.documents_changed += 1
        return output

    def group_of(self, record: dict[str, Any]) -> str | None:
        if self.group is not None:
            return self.group
        if self.site_model is None:
            return None
        value = record.get(self.site_model.group_by)
        return None if value is None else str(value)


def html_to_text(html: str) -> str:
    try:
        from arnorm.html import html_to_text as convert  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise InputError(
            "--html needs arnorm.html, which this installation lacks; "
            "install an arnorm version with HTML support"
        ) from None
    result: str = convert(html)
    return result


@dataclass
class Stats:
    """Counts over a run; they add up across chunks and workers."""

    documents: int = 0
    documents_changed: int = 0
    null_documents: int = 0
    bad_lines: int = 0
    characters_in: int = 0
    characters_out: int = 0
    bytes_in: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    removed_lines: Counter[str] = field(default_factory=Counter)
    site_removed: Counter[str] = field(default_factory=Counter)

    def add(self, other: Stats) -> None:
        self.documents += other.documents
        self.documents_changed += other.documents_changed
        self.null_documents += other.null_documents
        self.bad_lines += other.bad_lines
        self.characters_in += other.characters_in
        self.characters_out += other.characters_out
        self.bytes_in += other.bytes_in
        self.rules.update(other.rules)
        self.removed_lines.update(other.removed_lines)
        self.site_removed.update(other.site_removed)

    def as_json(self) -> dict[str, Any]:
        """The ``--report`` document."""
        result: dict[str, Any] = {
            "documents": self.documents,
            "documents_changed": self.documents_changed,
            "null_documents": self.null_documents,
            "bad_lines_skipped": self.bad_lines,
            "characters_in": self.characters_in,
            "characters_out": self.characters_out,
            "characters_removed": self.characters_in - self.characters_out,
            "changes_per_rule": dict(sorted(self.rules.items())),
            "removed_lines_per_rule": dict(sorted(self.removed_lines.items())),
        }
        if self.site_removed:
            result["site_lines_removed_per_group"] = dict(sorted(self.site_removed.items()))
        return result


@dataclass
class ChunkResult:
    data: bytes  # the output lines, encoded (in the worker, not in the writing process)
    stats: Stats
    errors: list[tuple[int, str]]  # (line number, message) of malformed lines


def clean_chunk(job: Job, first_line: int, data: bytes, name: str) -> ChunkResult:
    """Clean one chunk of JSON Lines; malformed lines are returned as errors, not raised."""
    stats = Stats(bytes_in=len(data))
    output: list[str] = []
    errors: list[tuple[int, str]] = []
    assert job.field is not None
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the chunk ends with a newline
    for offset, raw in enumerate(lines):
        number = first_line + offset
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            errors.append((number, "not UTF-8"))
            continue
        except ValueError as error:
            errors.append((number, f"not valid JSON ({error})"))
            continue
        if not isinstance(record, dict):
            errors.append((number, f"not a JSON object but {type(record).__name__}"))
            continue
        if job.field not in record:
            errors.append((number, f"no field {job.field!r}"))
            continue
        value = record[job.field]
        if value is None:
            stats.null_documents += 1
        elif isinstance(value, str):
            record[job.field] = job.clean_text(value, stats, job.group_of(record))
        else:
            errors.append((number, f"field {job.field!r} is {type(value).__name__}, not a string"))
            continue
        output.append(json.dumps(record, ensure_ascii=False) + "\n")
    stats.bad_lines = len(errors)
    return ChunkResult("".join(output).encode("utf-8"), stats, errors)


def chunks(source: Input, size: int = CHUNK_BYTES) -> Iterator[tuple[int, bytes]]:
    """``(first line number, whole lines)`` of at most about ``size`` bytes each, read lazily.

    A line longer than ``size`` makes a chunk of its own.
    """
    first = 1
    pending = bytearray()  # the start of a line whose end is not read yet
    while True:
        block = source.read(size)
        if not block:
            if pending:
                yield first, bytes(pending)
            return
        cut = block.rfind(b"\n")
        if cut < 0:
            pending += block
            continue
        piece = bytes(pending) + block[: cut + 1]
        pending = bytearray(block[cut + 1 :])
        yield first, piece
        first += piece.count(b"\n")


# Worker processes hold the job from their initializer: it is pickled once per worker.
_worker_job: Job | None = None


def _init_worker(job: Job) -> None:
    global _worker_job
    _worker_job = job


def _work(first_line: int, data: bytes, name: str) -> ChunkResult:
    assert _worker_job is not None
    return clean_chunk(_worker_job, first_line, data, name)


def map_chunks(
    job: Job, pieces: Iterator[tuple[int, bytes]], name: str, jobs: int
) -> Iterator[ChunkResult]:
    """Clean chunks in order, in this process or in ``jobs`` worker processes.

    At most ``2 * jobs`` chunks are in flight (``Pool.imap`` would read the whole input ahead),
    so memory stays flat.
    """
    if jobs <= 1:
        for first, data in pieces:
            yield clean_chunk(job, first, data, name)
        return
    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else None)
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(job,))
    try:
        pending: deque[AsyncResult[ChunkResult]] = deque()
        for first, data in pieces:
            pending.append(pool.apply_async(_work, (first, data, name)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


class Progress:
    """A one-line progress display on stderr: documents, MB read, MB/s, and % when known."""

    def __init__(self, enabled: bool, total: int | None = None, interval: float = 0.5):
        self.enabled = enabled
        self.total = total
        self.interval = interval
        self.start = time.monotonic()
        self._last = 0.0

    def update(self, documents: int, position: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        elapsed = max(now - self.start, 1e-9)
        megabytes = position / 1e6
        rate = megabytes / elapsed
        text = f"\rarnorm: {documents:,} documents, {megabytes:,.1f} MB, {rate:.1f} MB/s"
        if self.total:
            text += f", {min(100.0, 100.0 * position / self.total):.0f}%"
        sys.stderr.write(text + "\x1b[K")
        sys.stderr.flush()

    def finish(self, documents: int, position: int) -> None:
        if self.enabled:
            self.update(documents, position, force=True)
            sys.stderr.write("\n")
            sys.stderr.flush()


def run(
    job: Job,
    source_path: str,
    output_path: str | None,
    *,
    jobs: int = 1,
    skip_bad: bool = False,
    progress: bool = False,
    chunk_bytes: int = CHUNK_BYTES,
    on_bad_line: Callable[[str], None] | None = None,
) -> Stats:
    """Clean ``source_path`` into ``output_path`` (``None``: stdout) and return the counts."""
    if same_file(source_path, output_path):
        raise InputError(f"{output_path}: the output would replace the input; choose another name")
    source = Input(source_path)
    stats = Stats()
    bar = Progress(progress, source.size)
    try:
        with AtomicOutput(output_path) as out:
            if job.field is None:
                data = source.read_all()
                stats.bytes_in = len(data)
                text = decode(data, source.name)
                result = job.clean_text(text, stats, job.group)
                out.write(result + "\n" if result else result)
            else:
                out.flush()
                binary = out.buffer  # encoded in the workers: written as bytes
                for chunk in map_chunks(job, chunks(source, chunk_bytes), source.name, jobs):
                    if chunk.errors:
                        if not skip_bad:
                            number, message = chunk.errors[0]
                            raise InputError(
                                f"{source.name}:{number}: {message} (--skip-bad skips such lines)"
                            )
                        if on_bad_line is not None:
                            for number, message in chunk.errors:
                                on_bad_line(f"{source.name}:{number}: {message}")
                    binary.write(chunk.data)
                    stats.add(chunk.stats)
                    bar.update(stats.documents, source.counter.count)
            bar.finish(stats.documents, source.counter.count)
    finally:
        source.close()
    return stats
