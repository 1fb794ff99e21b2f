"""Line rules B1–B3: blank lines, adjacent duplicate lines, the repeated title.

They run after the character rules and ``whitespace.trim_lines``, so two copies of a caption
compare equal even when one had an NBSP or a stray tanween; a blank line is ``""``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping, Sequence
from itertools import compress, count, islice

from arnorm.boilerplate import bulk
from arnorm.boilerplate.options import boilerplate_on
from arnorm.boilerplate.whitespace import _INVISIBLE
from arnorm.context import Context
from arnorm.rule import Removals, line_rule

# The rules look at every line once or twice per round: a blank line is ``""`` or starts with
# one of these (one set test), and only then is it stripped (C) to see whether anything is left.
_INVISIBLE_SET = frozenset(_INVISIBLE)
# The longest first line that can be a title, and how a title does not end.
TITLE_MAX_LENGTH = 150
SENTENCE_END = (".", "!", "?", "\u061f", "\u2026", ":", "\u06d4")
# A title repeat between two lines at most this long is a verse or a list item.
VERSE_MAX_LENGTH = 80


def is_blank(line: str) -> bool:
    """Whether a line shows nothing: empty, or spaces, NBSPs and invisible characters only."""
    return not line or (line[0] in _INVISIBLE_SET and not line.strip(_INVISIBLE))


_EMPTY_LINES = re.compile("\n\n\n+")


def _drop_empty_lines(text: str) -> str:
    # The empty lines B1 removes first, found in C: the second and later of a run, and those at
    # the start and the end (a run of 1,000,000 empty lines costs no Python call per line).
    if "\n\n\n" in text:
        text = _EMPTY_LINES.sub("\n\n", text)
    if text[:1] == "\n" or text[-1:] == "\n":
        text = text.strip("\n")
    return text


@line_rule(
    "boilerplate.blank_lines", code="B1", enabled_if=boilerplate_on, prepass=_drop_empty_lines
)
def blank_lines(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Drop blank lines at the start and the end, and all but one of a run of blank lines.

    A line of spaces, NBSPs or invisible characters only (a ``<p>&nbsp;</p>`` spacer) is
    blank.  Paragraphs stay separate lines: no two lines are ever joined.

    >>> from arnorm.boilerplate.lines import blank_lines
    >>> blank_lines("\\nفقرة أولى\\n\\n\\n\\nفقرة ثانية\\n")
    'فقرة أولى\\n\\nفقرة ثانية'
    """
    drop: dict[int, str] = {}
    if len(lines) == 1:  # one line (a tweet, a title): dropped if blank, as "at the start"
        if is_blank(lines[0]):
            drop[0] = "blank line at the start"
        return drop
    if len(lines) >= bulk.MIN_LINES and not bulk.facts(lines, ctx).any_blank:
        return drop
    previous_blank = True  # a blank line at the start is dropped
    invisible, characters = _INVISIBLE_SET, _INVISIBLE
    for index, line in enumerate(lines):
        if line and (line[0] not in invisible or line.strip(characters)):  # not is_blank(line)
            previous_blank = False
        elif previous_blank:
            drop[index] = "blank line after a blank line" if index else "blank line at the start"
        else:
            previous_blank = True
    # The blank lines that end the document: the loop dropped all but the first of them (each
    # comes after a blank line); the first goes as "at the end".
    end = _blank_tail(lines)
    if end < len(lines):
        drop.setdefault(end, "blank line at the end")
    return drop


def _blank_tail(lines: Sequence[str]) -> int:
    # Where the blank lines that end the list start; a run of empty lines is measured in C.
    end = len(lines)
    while end and is_blank(lines[end - 1]):
        if lines[end - 1]:
            end -= 1
        else:
            empty = compress(count(), islice(reversed(lines), len(lines) - end, None))
            end -= next(empty, end)
    return end


@line_rule("boilerplate.duplicate_lines", code="B2", enabled_if=boilerplate_on)
def duplicate_lines(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Drop a line identical to the line before it (blank lines between allowed); keep the first.

    This is the doubled image caption (alt text, then figcaption).  A repeat further away
    (a refrain, a recipe step) is not touched.

    >>> from arnorm.boilerplate.lines import duplicate_lines
    >>> duplicate_lines("وزير الدفاع شين وون سيك\\nوزير الدفاع شين وون سيك\\n\\nنص")
    'وزير الدفاع شين وون سيك\\n\\nنص'
    """
    drop: dict[int, str] = {}
    if len(lines) < 2:
        return drop
    if len(lines) >= bulk.MIN_LINES and not bulk.facts(lines, ctx).any_blank:
        # No blank line: each line against the one before it, in C.
        repeats = bulk.where(map(operator.eq, lines[1:], lines[:-1]), 1)
        return Removals(repeats, "same as the line before (doubled caption)")
    previous = None  # the last line that is not blank
    invisible, characters = _INVISIBLE_SET, _INVISIBLE
    for index, line in enumerate(lines):
        if line == previous:  # not blank, since ``previous`` is not
            drop[index] = "same as the line before (doubled caption)"
        elif line and (line[0] not in invisible or line.strip(characters)):  # not is_blank(line)
            previous = line
    return drop


def title_of(lines: Sequence[str]) -> str | None:
    """The first non-blank line if it looks like a title: short, no sentence-final punctuation."""
    index = _first_not_blank(lines)
    if index < 0:
        return None
    first = lines[index]
    if len(first) > TITLE_MAX_LENGTH or first.endswith(SENTENCE_END):
        return None
    return first


def _first_not_blank(lines: Sequence[str]) -> int:
    for index, line in enumerate(lines):
        if not is_blank(line):
            return index
    return -1


@line_rule("boilerplate.repeated_title", code="B3", enabled_if=boilerplate_on)
def repeated_title(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Drop later repeats of the title (the first line, when it is short and not a sentence).

    A repeat between two short lines (a verse of a poem whose title is that verse, a list
    item) stays.

    >>> from arnorm.boilerplate.lines import repeated_title
    >>> repeated_title("عنوان الخبر\\n\\nنص الخبر.\\n\\nعنوان الخبر\\nنص آخر.")
    'عنوان الخبر\\n\\nنص الخبر.\\n\\nنص آخر.'
    """
    drop: dict[int, str] = {}
    if len(lines) < 2:
        return drop
    first = _first_not_blank(lines)
    if first < 0 or first + 1 >= len(lines):
        return drop
    title = lines[first]
    if len(title) > TITLE_MAX_LENGTH or title.endswith(SENTENCE_END):
        return drop
    if len(lines) >= bulk.MIN_LINES and lines.count(title) > bulk.MIN_LINES:
        dropped = _repeats_beside_long_lines(lines, title, first, bulk.facts(lines, ctx))
        if dropped is not None:
            return Removals(dropped, "repeats the title")
    # The repeats are found by list.index (C), not by comparing every line in Python.
    index = first
    while True:
        try:
            index = lines.index(title, index + 1)
        except ValueError:
            return drop
        if not _in_run_of_short_lines(lines, index):
            drop[index] = "repeats the title"


def _repeats_beside_long_lines(
    lines: Sequence[str], title: str, first: int, facts: bulk.LineFacts
) -> list[int] | None:
    # The repeats of the title that repeated_title drops, when few lines are not short: a
    # repeat goes only if it is the last line or stands next to a line that is not short (a
    # list, a poem, one-letter lines).  None if the lines that are not short are many.
    if lines.count("") * 4 >= len(lines):  # empty lines are not short (told in C)
        return None
    not_short = frozenset(line for line in facts.distinct if not 0 < len(line) <= VERSE_MAX_LENGTH)
    beside = {len(lines) - 1}
    if not_short:
        indexes = bulk.where(map(not_short.__contains__, lines))
        if len(indexes) * 4 >= len(lines):
            return None
        beside.update(index - 1 for index in indexes)
        beside.update(index + 1 for index in indexes)
    return [
        index for index in sorted(beside) if first < index < len(lines) and lines[index] == title
    ]


def _in_run_of_short_lines(lines: Sequence[str], index: int) -> bool:
    # A poem or a list: the lines on both sides of the repeat, with no blank line between,
    # are short.  A poem's title is often one of its verses (SaudiNewsNet, alriyadh 2015: the
    # title "ألا يا دارنا سيري مادام الشرع لك دستور" is also its fourth verse): it stays.
    if index + 1 >= len(lines):
        return False
    return 0 < len(lines[index - 1]) <= VERSE_MAX_LENGTH and 0 < len(lines[index + 1]) <= (
        VERSE_MAX_LENGTH
    )


RULES = (blank_lines, repeated_title, duplicate_lines)
