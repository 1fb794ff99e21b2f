"""What a pipeline changed: :class:`Change` records gathered into a :class:`Report`.

A rule's change is first an :class:`Edit` (a span of the text *as that rule saw it* and its
replacement).  The report keeps every step's edits, so :meth:`Report.replay` rebuilds the
output from the input, and maps each edit back to a span of the *original input* for the
user-facing :class:`Change`.
"""

from __future__ import annotations

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


def diff_edits(before: str, after: str, window: int = 32) -> list[Edit]:
    """Small edits that turn ``before`` into ``after``, for rules that rewrite a whole text.

    Linear in the length of the texts whatever they hold (``difflib`` is cubic on repetitive
    text: 2,000 characters of ``"أب"`` took a minute).  Texts of equal length are compared
    position by position; otherwise the texts are aligned greedily: after a difference, the
    nearest character of ``before`` (within ``window``) found again in ``after`` (within
    ``window``) resynchronises them.  The result always replays exactly, if not always
    minimally.

    >>> diff_edits("ا\u0654سد", "أسد")
    [Edit(start=0, end=2, after='أ', reason='', line_start=-1)]
    """
    if before == after:
        return []
    if len(before) == len(after):
        return _positional_edits(before, after)
    edits: list[Edit] = []
    i = j = 0
    while True:
        common = _common_prefix_length(before, i, after, j)
        i += common
        j += common
        if i == len(before) or j == len(after):
            break
        skip = _resynchronise(before, i, after, j, window)
        if skip is None:
            # Nothing in reach aligns: replace one character and look again after it.
            skip = (1, 1)
        _add_edit(edits, Edit(i, i + skip[0], after[j : j + skip[1]]))
        i += skip[0]
        j += skip[1]
    if i < len(before) or j < len(after):
        _add_edit(edits, Edit(i, len(before), after[j:]))
    return edits


def _common_prefix_length(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share at their start (slices compared in C)."""
    limit = min(len(a) - i, len(b) - j)
    step = 64
    length = 0
    # Gallop while whole blocks agree, then halve the block into the first difference.
    while length < limit:
        size = min(step, limit - length)
        if a[i + length : i + length + size] == b[j + length : j + length + size]:
            length += size
            step *= 2
        elif size == 1:
            break
        else:
            step = max(1, size // 2)
    return length


def _resynchronise(a: str, i: int, b: str, j: int, window: int) -> tuple[int, int] | None:
    """The smallest ``(skip_a, skip_b)`` within ``window`` where ``a`` and ``b`` agree again."""
    best: tuple[int, int] | None = None
    for skip_a in range(min(window, len(a) - i)):
        if best is not None and skip_a >= sum(best):
            break
        found = b.find(a[i + skip_a], j, j + window)
        if found >= 0 and (best is None or skip_a + found - j < sum(best)):
            best = (skip_a, found - j)
    return best


def _positional_edits(before: str, after: str) -> list[Edit]:
    edits: list[Edit] = []
    position = 0
    length = len(before)
    while position < length:
        position += _common_prefix_length(before, position, after, position)
        if position == length:
            break
        end = position + 1
        while end < length and before[end] != after[end]:
            end += 1
        edits.append(Edit(position, end, after[position:end]))
        position = end
    return edits


def _add_edit(edits: list[Edit], edit: Edit) -> None:
    # Edits that touch are one edit: "replace one character" steps must not pile up.
    if edits and edits[-1].end == edit.start:
        last = edits.pop()
        edit = Edit(last.start, edit.end, last.after + edit.after)
    edits.append(edit)


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
    _line_phase_steps: list[int] = field(default_factory=list, repr=False)

    def start_line_phase(self) -> None:
        """Mark where line removals begin: their ``line_start`` is in the text at this point.

        A document cleaned again (its gates changed with the lines removed) has a second one.
        """
        self._line_phase_steps.append(len(self._steps))

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
        for index, step in enumerate(self._steps):
            stage = texts[-1]
            for edit in step.edits:
                start, end = edit.start, edit.end
                for position_map in reversed(maps):
                    start, end = position_map.back(start, False), position_map.back(end, True)
                line = None
                if edit.line_start >= 0:
                    line_start = edit.line_start
                    phase_start = max(s for s in self._line_phase_steps if s <= index)
                    for position_map in reversed(maps[:phase_start]):
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
