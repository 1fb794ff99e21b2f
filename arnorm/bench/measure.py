"""Timing: median of repeated passes, contenders interleaved so they share the same load."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Function = Callable[[str], object]


@dataclass
class Timing:
    """The times of one contender on one corpus: seconds per pass over all documents."""

    section: str  # "pipeline", "family", "baseline", "per_call", "linearity"
    corpus: str
    name: str
    documents: int
    size: int  # UTF-8 bytes of one pass
    seconds: list[float]

    @property
    def median(self) -> float:
        """The median seconds per pass."""
        return statistics.median(self.seconds)

    @property
    def mb_per_s(self) -> float:
        """Megabytes (10⁶ bytes) of UTF-8 input per second, at the median."""
        return self.size / self.median / 1e6 if self.median else float("inf")

    @property
    def docs_per_s(self) -> float:
        """Documents per second, at the median."""
        return self.documents / self.median if self.median else float("inf")

    @property
    def us_per_doc(self) -> float:
        """Microseconds per document, at the median."""
        return self.median / self.documents * 1e6

    def as_dict(self) -> dict[str, object]:
        """The timing as JSON-ready data."""
        return {
            "section": self.section,
            "corpus": self.corpus,
            "name": self.name,
            "documents": self.documents,
            "bytes": self.size,
            "seconds": self.seconds,
            "median_seconds": self.median,
            "mb_per_s": round(self.mb_per_s, 3),
            "docs_per_s": round(self.docs_per_s, 1),
            "us_per_doc": round(self.us_per_doc, 3),
        }


def one_pass(function: Function, documents: Sequence[str], loops: int = 1) -> float:
    """Seconds for one pass of ``function`` over ``documents`` (averaged over ``loops``)."""
    clock = time.perf_counter
    start = clock()
    for _ in range(loops):
        for document in documents:
            function(document)
    return (clock() - start) / loops


def loops_for(function: Function, documents: Sequence[str], min_time: float) -> int:
    """How many passes make one timed sample last at least ``min_time`` seconds."""
    elapsed = one_pass(function, documents)  # also the warm-up
    if elapsed >= min_time or elapsed <= 0:
        return 1
    return min(int(min_time / elapsed) + 1, 1_000_000)


def side_by_side(
    contenders: Sequence[tuple[str, Function]],
    documents: Sequence[str],
    *,
    repeat: int,
    min_time: float,
    progress: Callable[[str], None] | None = None,
) -> dict[str, list[float]]:
    """Seconds per pass of each contender, ``repeat`` rounds, each round running all of them.

    Interleaving puts every contender under the same machine load, so their ratios hold even
    on a shared machine where the absolute numbers move.
    """
    loops = {name: loops_for(function, documents, min_time) for name, function in contenders}
    times: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for round_ in range(repeat):
        for name, function in contenders:
            if progress is not None:
                progress(f"round {round_ + 1}/{repeat}: {name}")
            times[name].append(one_pass(function, documents, loops[name]))
    return times
