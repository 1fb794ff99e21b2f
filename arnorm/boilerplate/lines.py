"""Line rules B1–B3: blank lines, adjacent duplicate lines, the repeated title.

They run after the character rules and ``whitespace.trim_lines``, so two copies of a caption
compare equal even when one had an NBSP or a stray tanween; a blank line is ``""``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping, Sequence
from itertools import compress, count, islice, repeat, takewhile

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

# On many lines the rules read one byte a line (bulk.LineFacts.spread), one bit a fact:
_BLANK = 1  # blank (is_blank)
_LOOSE = 2  # not short: empty or longer than VERSE_MAX_LENGTH (no verse beside a repeat)
_TITLE = 4  # the first line that is not blank, and every line equal to it
_SHORT_SIZES = bulk.sizes(1, VERSE_MAX_LENGTH)


def _where_bit(bit: int, value: bool = True) -> bytes:
    # A bytes.translate table that turns the byte of a line into 1 where ``bit`` is ``value``.
    return bytes(int(bool(kind & bit) is value) for kind in range(256))


_IS_BLANK, _IS_SHOWN = _where_bit(_BLANK), _where_bit(_BLANK, False)
_IS_LOOSE, _IS_TITLE = _where_bit(_LOOSE), _where_bit(_TITLE)
_TITLE_LANES = bytes(0xFF if kind & _TITLE else 0 for kind in range(256))
_NOT_ZERO = bytes(int(bool(value)) for value in range(256))


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
    if len(lines) >= bulk.MIN_LINES:
        facts = bulk.facts(lines, ctx)
        return _blank_runs(lines, facts) if facts.any_blank else drop
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


def _blank_runs(lines: Sequence[str], facts: bulk.LineFacts) -> Mapping[int, str]:
    # blank_lines on many lines, for all the lines at once: line i is bit 8i of an integer,
    # so ``flags << 8`` puts each line's flag on the line after it.
    blank = _kinds(lines, facts).translate(_IS_BLANK)
    flags = int.from_bytes(blank, "little")
    dropped = flags & ((flags << 8) | 1)  # blank after a blank line (line 0: after the start)
    others = {0: "blank line at the start"} if blank[0] else {}
    end = len(blank.rstrip(b"\x01"))  # the first of the blank lines that end the document
    if 0 < end < len(blank):  # the line before it is not blank: it is not dropped yet
        dropped |= 1 << 8 * end
        others[end] = "blank line at the end"
    if not dropped:
        return {}
    removed = dropped.to_bytes(len(blank), "little")
    return bulk.RemovalsWith(None, "blank line after a blank line", others, removed)


def _kinds(lines: Sequence[str], facts: bulk.LineFacts) -> bytearray:
    # One byte a line (_BLANK, _LOOSE, _TITLE), each distinct line judged once, mostly in C.
    known = _known_kinds(facts)
    if known is not None:
        return known
    distinct = facts.distinct
    kind = dict.fromkeys(distinct, 0)
    sizes = map(_SHORT_SIZES.__contains__, map(len, distinct))
    kind.update(zip(compress(distinct, map(operator.not_, sizes)), repeat(_LOOSE)))
    for line in facts.blank:
        kind[line] |= _BLANK
    if facts.first_shown >= 0:
        kind[lines[facts.first_shown]] |= _TITLE
    known = facts.derived["kinds"] = facts.spread(kind)
    return known


def _known_kinds(facts: bulk.LineFacts) -> bytearray | None:
    known = facts.derived.get("kinds")
    return known if isinstance(known, bytearray) else None


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
    if len(lines) >= bulk.MIN_LINES:
        return _repeats_of_the_line_before(lines, bulk.facts(lines, ctx))
    previous = None  # the last line that is not blank
    invisible, characters = _INVISIBLE_SET, _INVISIBLE
    for index, line in enumerate(lines):
        if line == previous:  # not blank, since ``previous`` is not
            drop[index] = "same as the line before (doubled caption)"
        elif line and (line[0] not in invisible or line.strip(characters)):  # not is_blank(line)
            previous = line
    return drop


def _repeats_of_the_line_before(lines: Sequence[str], facts: bulk.LineFacts) -> Mapping[int, str]:
    # duplicate_lines on many lines: each line against the one before it, in C; with blank
    # lines, each line that is not blank against the one before it that is not blank.
    reason = "same as the line before (doubled caption)"
    if not facts.any_blank:
        same = bytes(1) + bytearray(map(operator.eq, islice(lines, 1, None), lines))
        return Removals(None, reason, same) if 1 in same else {}
    shown = _kinds(lines, facts).translate(_IS_SHOWN)
    seen = list(compress(lines, shown))
    again = bytearray(map(operator.eq, islice(seen, 1, None), seen))  # each shown line but one
    if 1 not in again:
        return {}
    return Removals(list(compress(islice(bulk.where(shown), 1, None), again)), reason)


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
    item) stays; so does a block of repeats, one after another, between two short lines.

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
    if len(lines) >= bulk.MIN_LINES:
        facts = bulk.facts(lines, ctx)
        kinds = _known_kinds(facts)  # blank_lines may have made them: they count the title
        repeats = lines.count(title) if kinds is None else kinds.translate(_IS_TITLE).count(1)
        if repeats > bulk.MIN_LINES:
            return _repeats_beside_long_lines(lines, title, first, facts)
    # The repeats are found by list.index (C), not by comparing every line in Python.  A block
    # of repeats, one after the other, is judged as a whole (see _block_goes).
    index, end, reason = first, len(lines), "repeats the title"
    long_title = len(title) > VERSE_MAX_LENGTH
    while True:
        try:
            start = index = lines.index(title, index + 1)
        except ValueError:
            return drop
        while index + 1 < end and lines[index + 1] == title:
            index += 1
        if _block_goes(lines, start, index, long_title):
            drop.update(zip(range(start, index + 1), repeat(reason)))


def _repeats_beside_long_lines(
    lines: Sequence[str], title: str, first: int, facts: bulk.LineFacts
) -> Removals:
    # The blocks of repeats that repeated_title drops, on many lines: a block goes if one of its
    # repeats is the last line or stands next to a line that is not short (empty, or longer
    # than a verse; a repeat of a long title is such a line).  Line i is bit 8i of an integer:
    # ``loose << 8`` and ``loose >> 8`` put each line's flag on its neighbours, for all the
    # lines at once.
    last, reason = len(lines) - 1, "repeats the title"
    sizes = map(_SHORT_SIZES.__contains__, map(len, facts.distinct))
    if all(sizes):  # every line is short (a list, a poem): only a block that ends them may go
        tail = min(len(list(takewhile(title.__eq__, reversed(lines)))), last - first)
        return Removals(list(range(last + 1 - tail, last + 1)), reason)
    kinds = _kinds(lines, facts)  # its _TITLE lines are those equal to lines[first]
    after_first = 8 * first + 8
    repeats = int.from_bytes(kinds.translate(_IS_TITLE), "little") >> after_first << after_first
    loose = int.from_bytes(kinds.translate(_IS_LOOSE), "little")
    seeds = repeats & ((loose << 8) | (loose >> 8) | (1 << 8 * last))
    if not seeds:
        return Removals([], reason)
    # Each such repeat takes its block with it.  On the repeats' lanes set to 0xFF, adding a
    # repeat's bit carries through the lanes above it up to the block's end: the lanes the sum
    # changed are those.  The same on the lines in reverse order (big-endian) carries it down.
    size = len(lines)
    blocks = kinds.translate(_TITLE_LANES)
    up = int.from_bytes(blocks, "little") >> after_first << after_first
    down = int.from_bytes(blocks, "big") & ((1 << 8 * (last - first)) - 1)
    seeds_down = int.from_bytes(seeds.to_bytes(size, "little"), "big")
    carried_up = ((up + seeds) ^ up) & up
    carried_down = (((down + seeds_down) ^ down) & down).to_bytes(size, "big")
    dropped = carried_up | int.from_bytes(carried_down, "little")
    return Removals(None, reason, dropped.to_bytes(size, "little").translate(_NOT_ZERO))


def _block_goes(lines: Sequence[str], start: int, end: int, long_title: bool) -> bool:
    # The repeats lines[start:end + 1] (lines[start - 1] is the title or another line) go,
    # unless the lines on both sides of the block are short: a poem or a list, whose title is
    # often one of its verses (SaudiNewsNet, alriyadh 2015: the title "ألا يا دارنا سيري مادام
    # الشرع لك دستور" is also its fourth verse).  Until the twentieth session the rule judged
    # each repeat by its two neighbours, so dropping the last of a block gave the one before it
    # a new neighbour and the next run dropped that: a block is judged as that rule would judge
    # it run after run, until nothing changes.  Two repeats of a long title stand next to a
    # line that is not short: a block of them goes.
    if end + 1 >= len(lines) or (long_title and end > start):
        return True
    return not (
        0 < len(lines[start - 1]) <= VERSE_MAX_LENGTH
        and 0 < len(lines[end + 1]) <= VERSE_MAX_LENGTH
    )


RULES = (blank_lines, repeated_title, duplicate_lines)
