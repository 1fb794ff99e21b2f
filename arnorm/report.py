"""What a pipeline changed: :class:`Change` records gathered into a :class:`Report`.

A rule's change is first an :class:`Edit` (a span of the text *as that rule saw it* and its
replacement).  The report keeps every step's edits, so :meth:`Report.replay` rebuilds the
output from the input, and maps each edit back to a span of the *original input* for the
user-facing :class:`Change`.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``after``.

    A line removal also has a ``reason`` and ``line_start``, where the removed line begins
    (its span may begin at the newline before it).
    """

    start: int
    end: int
    after: str
    reason: str = ""
    line_start: int = -1


@dataclass(frozen=True)
class Change:
    """One change: which rule, where in the input, the text before and after.

    ``start``/``end`` are positions in the text given to :func:`arnorm.explain`.  When an
    earlier rule had already rewritten that place, they cover the earlier rule's span.
    ``reason`` is set for removed lines; ``line`` is then the 1-based input line number.
    """

    rule: str
    start: int
    end: int
    before: str
    after: str
    reason: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else f"{self.start}:{self.end}"
        text = f"{self.rule} @ {where}: {self.before!r} -> {self.after!r}"
        return f"{text} ({self.reason})" if self.reason else text


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits to ``text``."""
    if not edits:
        return text
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.after)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def diff_edits(before: str, after: str, limit: int = 20_000) -> list[Edit]:
    """Small edits that turn ``before`` into ``after``, for rules that rewrite a whole text.

    The common prefix and suffix are trimmed; a middle part shorter than ``limit`` characters
    is diffed character by character, a longer one is reported as one edit.
    """
    if before == after:
        return []
    prefix = 0
    shortest = min(len(before), len(after))
    while prefix < shortest and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    old = before[prefix : len(before) - suffix]
    new = after[prefix : len(after) - suffix]
    if len(old) + len(new) > limit:
        return [Edit(prefix, prefix + len(old), new)]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        Edit(prefix + i1, prefix + i2, new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


class _Step(NamedTuple):
    rule: str
    edits: tuple[Edit, ...]


class _PositionMap:
    """Maps positions in a step's output back to positions in its input."""

    def __init__(self, edits: Sequence[Edit]):
        self._edits = edits
        self._output_starts: list[int] = []
        delta = 0
        for edit in edits:
            self._output_starts.append(edit.start + delta)
            delta += len(edit.after) - (edit.end - edit.start)

    def back(self, position: int, is_end: bool) -> int:
        index = bisect_right(self._output_starts, position) - 1
        if index < 0:
            return position
        edit = self._edits[index]
        output_start = self._output_starts[index]
        output_end = output_start + len(edit.after)
        if position < output_end or (is_end and position == output_end and position > output_start):
            # Inside text that this step wrote: map to the whole span it replaced.
            return edit.end if is_end and position > output_start else edit.start
        return edit.end + (position - output_end)


@dataclass
class Report:
    """What :func:`arnorm.explain` found: the output, every change, and the document gates."""

    input: str
    output: str = ""
    gates: dict[str, bool] = field(default_factory=dict)
    _steps: list[_Step] = field(default_factory=list, repr=False)
    _line_phase_step: int = field(default=-1, repr=False)

    def start_line_phase(self) -> None:
        """Mark where line removals begin: their ``line_start`` is in the text at this point."""
        self._line_phase_step = len(self._steps)

    def add_step(self, rule: str, edits: Sequence[Edit]) -> None:
        """Record the edits one rule made to the text as it stood when the rule ran."""
        if edits:
            self._steps.append(_Step(rule, tuple(edits)))

    @property
    def changes(self) -> list[Change]:
        """Every change, in pipeline order, with positions in the input."""
        maps: list[_PositionMap] = []
        texts = [self.input]
        result: list[Change] = []
        for step in self._steps:
            stage = texts[-1]
            for edit in step.edits:
                start, end = edit.start, edit.end
                for position_map in reversed(maps):
                    start, end = position_map.back(start, False), position_map.back(end, True)
                line = None
                if edit.line_start >= 0:
                    line_start = edit.line_start
                    for position_map in reversed(maps[: self._line_phase_step]):
                        line_start = position_map.back(line_start, False)
                    line = self.input.count("\n", 0, line_start) + 1
                before = stage[edit.start : edit.end]
                result.append(Change(step.rule, start, end, before, edit.after, edit.reason, line))
            maps.append(_PositionMap(step.edits))
            texts.append(apply_edits(stage, step.edits))
        return result

    @property
    def removed_lines(self) -> list[Change]:
        """The changes that removed whole lines, each with its rule id and reason."""
        return [change for change in self.changes if change.reason]

    def counts(self) -> Counter[str]:
        """How many changes each rule made (reports add up: ``a.counts() + b.counts()``)."""
        return Counter(step.rule for step in self._steps for _ in step.edits)

    def replay(self) -> str:
        """Apply the recorded edits to the input, step by step; equals :attr:`output`."""
        text = self.input
        for step in self._steps:
            text = apply_edits(text, step.edits)
        return text

    def __str__(self) -> str:
        lines = [str(change) for change in self.changes]
        flags = [name for name, value in self.gates.items() if value]
        if flags:
            lines.append("gates: " + ", ".join(flags))
        return "\n".join(lines) if lines else "no changes"
