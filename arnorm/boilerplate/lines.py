"""Line rules B1–B3: blank lines, adjacent duplicate lines, the repeated title.

They run after the character rules and ``whitespace.trim_lines``, so two copies of a caption
compare equal even when one had an NBSP or a stray tanween; a blank line is ``""``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from arnorm.boilerplate.options import boilerplate_on
from arnorm.boilerplate.whitespace import INVISIBLE_CLASS
from arnorm.context import Context
from arnorm.rule import line_rule

_INVISIBLE_ONLY = re.compile(f"[{INVISIBLE_CLASS}]+")
# The longest first line that can be a title, and how a title does not end.
TITLE_MAX_LENGTH = 150
SENTENCE_END = (".", "!", "?", "\u061f", "\u2026", ":", "\u06d4")
# A title repeat between two lines at most this long is a verse or a list item.
VERSE_MAX_LENGTH = 80


def is_blank(line: str) -> bool:
    """Whether a line shows nothing: empty, or spaces, NBSPs and invisible characters only."""
    return not line or _INVISIBLE_ONLY.fullmatch(line) is not None


@line_rule("boilerplate.blank_lines", code="B1", enabled_if=boilerplate_on)
def blank_lines(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Drop blank lines at the start and the end, and all but one of a run of blank lines.

    A line of spaces, NBSPs or invisible characters only (a ``<p>&nbsp;</p>`` spacer) is
    blank.  Paragraphs stay separate lines: no two lines are ever joined.

    >>> from arnorm.boilerplate.lines import blank_lines
    >>> blank_lines("\\nفقرة أولى\\n\\n\\n\\nفقرة ثانية\\n")
    'فقرة أولى\\n\\nفقرة ثانية'
    """
    drop: dict[int, str] = {}
    previous_blank = True  # a blank line at the start is dropped
    for index, line in enumerate(lines):
        blank = is_blank(line)
        if blank and previous_blank:
            drop[index] = "blank line after a blank line" if index else "blank line at the start"
        previous_blank = blank
    last = len(lines) - 1
    while last >= 0 and is_blank(lines[last]):
        drop.setdefault(last, "blank line at the end")
        last -= 1
    return drop


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
    previous = None
    for index, line in enumerate(lines):
        if is_blank(line):
            continue
        if line == previous:
            drop[index] = "same as the line before (doubled caption)"
        previous = line
    return drop


def title_of(lines: Sequence[str]) -> str | None:
    """The first non-blank line if it looks like a title: short, no sentence-final punctuation."""
    first = next((line for line in lines if not is_blank(line)), None)
    if first is None or len(first) > TITLE_MAX_LENGTH or first.endswith(SENTENCE_END):
        return None
    return first


@line_rule("boilerplate.repeated_title", code="B3", enabled_if=boilerplate_on)
def repeated_title(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Drop later repeats of the title (the first line, when it is short and not a sentence).

    A repeat between two short lines (a verse of a poem whose title is that verse, a list
    item) stays.

    >>> from arnorm.boilerplate.lines import repeated_title
    >>> repeated_title("عنوان الخبر\\n\\nنص الخبر.\\n\\nعنوان الخبر\\nنص آخر.")
    'عنوان الخبر\\n\\nنص الخبر.\\n\\nنص آخر.'
    """
    title = title_of(lines)
    if title is None:
        return {}
    first = lines.index(title)
    return {
        index: "repeats the title"
        for index in range(first + 1, len(lines))
        if lines[index] == title and not _in_run_of_short_lines(lines, index)
    }


def _in_run_of_short_lines(lines: Sequence[str], index: int) -> bool:
    # A poem or a list: the lines on both sides of the repeat, with no blank line between,
    # are short.  A poem's title is often one of its verses (SaudiNewsNet, alriyadh 2015: the
    # title "ألا يا دارنا سيري مادام الشرع لك دستور" is also its fourth verse): it stays.
    if index + 1 >= len(lines):
        return False
    return all(0 < len(lines[i]) <= VERSE_MAX_LENGTH for i in (index - 1, index + 1))


RULES = (blank_lines, repeated_title, duplicate_lines)
