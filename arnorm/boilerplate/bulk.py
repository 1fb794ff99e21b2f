"""Tests made on all the lines of a document at once, in C: the line rules on many lines.

A line rule that loops over the lines in Python pays ~0.1-0.3 µs a line.  On a document of
half a million one-letter lines (1 MB) five such rules cost ten times ordinary text.  With
many lines the rules ask :class:`LineFacts` instead, built once per list of lines (per round
of the line phase) and shared by the rules through the context:

* what can be judged line by line (blank? may it be a phrase?) is judged once per *distinct*
  line, in Python, and spread back to every index in C (short lines repeat: list items,
  separators, one-letter lines);
* what compares lines (a repeat of the line before, of the title) is ``map`` and
  ``itertools.compress`` over C methods (``operator.eq``, ``len``, ``set.__contains__``);
* what depends on a line's neighbours (a blank line after a blank line, a repeat of the title
  beside a long line) is a test of bytes, one a line (:meth:`LineFacts.spread`), read as
  integers: ``flags & (flags << 8)`` is "this line and the one before it", for all the lines
  at once.

Below :data:`MIN_LINES` lines the rules keep their loops, which cost less to start (a call of
``clean()`` on a sentence has one line).  ``tests/test_line_speedups.py`` runs each rule both
ways and compares them with the plain rules of ``tests/line_reference.py``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, cached_property
from itertools import compress, count, repeat

from arnorm.boilerplate.whitespace import _INVISIBLE
from arnorm.context import Context
from arnorm.rule import Removals

MIN_LINES = 1024
"""From this many lines on, the line rules test their lines with :class:`LineFacts`."""

_FIRST = slice(None, 1)
_INVISIBLE_SET = frozenset(_INVISIBLE)
_BLANK_STARTS = _INVISIBLE_SET | {""}  # a blank line is "" or starts with one of these


# The C methods these helpers map are builtins (``frozenset.__contains__``, ``operator.eq``,
# ``list.__getitem__``: ~20 ns a call), not slot wrappers (``range.__contains__``,
# ``str.__eq__``: 40-80 ns).


@cache
def sizes(low: int, high: int) -> frozenset[int]:
    """The lengths from ``low`` to ``high``, as a set to test ``len(line)`` in."""
    return frozenset(range(low, high + 1))


def where(flags: Iterable[object], start: int = 0) -> list[int]:
    """The indexes (counted from ``start``) of the true flags."""
    return list(compress(count(start), flags))


class LineFacts:
    """What the line rules ask about one list of lines, each fact computed once, when asked."""

    def __init__(self, lines: Sequence[str]):
        self.lines = lines  # held, so that the identity test of facts() stays sound
        self.derived: dict[str, object] = {}  # what a rule module derives from these facts

    @cached_property
    def distinct(self) -> list[str]:
        """The distinct lines (in no particular order)."""
        return list(set(self.lines))

    @cached_property
    def blank(self) -> frozenset[str]:
        """The distinct lines that are blank (empty, or invisible characters only)."""
        distinct = self.distinct
        firsts = map(operator.getitem, distinct, repeat(_FIRST))
        maybe = compress(distinct, map(_BLANK_STARTS.__contains__, firsts))
        return frozenset(line for line in maybe if not line.strip(_INVISIBLE))

    @property
    def any_blank(self) -> bool:
        """Whether some line is blank."""
        return bool(self.blank)

    @cached_property
    def first_shown(self) -> int:
        """The index of the first line that is not blank (-1: none)."""
        lines, blank = self.lines, self.blank
        if not blank or lines[0] not in blank:
            return 0 if lines else -1
        shown = map(operator.not_, map(blank.__contains__, lines))
        return next(compress(count(), shown), -1)

    def spread(self, kind: Mapping[str, int]) -> bytearray:
        """One byte a line: ``kind[line]`` (0 to 255, given for every distinct line), in C."""
        return bytearray(map(kind.__getitem__, self.lines))  # (faster than bytes(...))

    def lines_where(self, low: int, high: int, test: Callable[[str], object]) -> list[int]:
        """The indexes of the lines of ``low`` to ``high`` characters that pass ``test``, each
        distinct line tested once (see :meth:`judged`)."""
        return list(self.judged(low, high, lambda line: "" if test(line) else None))

    def judged(self, low: int, high: int, verdict: Callable[[str], str | None]) -> dict[int, str]:
        """``{index: verdict(line)}`` for the lines of ``low`` to ``high`` characters whose
        verdict is not ``None``, in the order of the lines: each distinct line judged once in
        Python, the indexes found in C."""
        distinct = self.distinct
        sized = compress(distinct, map(sizes(low, high).__contains__, map(len, distinct)))
        reasons = {line: reason for line in sized if (reason := verdict(line)) is not None}
        if not reasons:
            return {}
        lines = self.lines
        hits = where(map(reasons.__contains__, lines))
        return dict(zip(hits, map(reasons.__getitem__, map(lines.__getitem__, hits)), strict=True))


def facts(lines: Sequence[str], ctx: Context) -> LineFacts:
    """The facts of ``lines``, shared by the line rules that look at the same list in turn."""
    memo = ctx.memo
    known = memo.get("line_facts")
    if isinstance(known, LineFacts) and known.lines is lines:
        return known
    known = memo["line_facts"] = LineFacts(lines)
    return known


class RemovalsWith(Removals):
    """:class:`~arnorm.rule.Removals` whose lines share one reason but for a few: ``others``
    maps those few (each one of the lines to remove) to their own reason."""

    __slots__ = ("others",)

    def __init__(
        self,
        indexes: Sequence[int] | None,
        reason: str,
        others: Mapping[int, str],
        flags: bytes | None = None,
    ):
        super().__init__(indexes, reason, flags)
        self.others = others

    def __getitem__(self, index: int) -> str:
        reason = self.others.get(index)
        return super().__getitem__(index) if reason is None else reason

    def __repr__(self) -> str:
        return f"RemovalsWith({len(self)} lines: {self.reason!r}, {dict(self.others)!r})"
