"""Straightforward versions of the line-phase rules, to check the optimised ones against.

These are the rules as they were written before they were made fast (arnorm 0.x, commit
ea4d861): one regular expression or one Python test per line, no prefilter, no memo.  They
live in the tests, not in the library, and must not be "improved": their only job is to be
obviously right.  The lexicon data (the phrase files) is the library's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from arnorm.boilerplate import lines, phrase_lines, phrases, trailer, whitespace

INVISIBLE_CLASS = whitespace.INVISIBLE_CLASS
TRIM_PATTERN = re.compile(rf"(?m)^[{INVISIBLE_CLASS}]+$|^[ \t]+|[ \t]+$")
_INVISIBLE_ONLY = re.compile(f"[{INVISIBLE_CLASS}]+")


def trim_lines(text: str) -> str:
    """W1 as its pattern says."""
    return TRIM_PATTERN.sub("", text)


def is_blank(line: str) -> bool:
    return not line or _INVISIBLE_ONLY.fullmatch(line) is not None


def blank_lines(lines_: Sequence[str]) -> dict[int, str]:
    drop: dict[int, str] = {}
    previous_blank = True
    for index, line in enumerate(lines_):
        blank = is_blank(line)
        if blank and previous_blank:
            drop[index] = "blank line after a blank line" if index else "blank line at the start"
        previous_blank = blank
    last = len(lines_) - 1
    while last >= 0 and is_blank(lines_[last]):
        drop.setdefault(last, "blank line at the end")
        last -= 1
    return drop


def duplicate_lines(lines_: Sequence[str]) -> dict[int, str]:
    drop: dict[int, str] = {}
    previous = None
    for index, line in enumerate(lines_):
        if is_blank(line):
            continue
        if line == previous:
            drop[index] = "same as the line before (doubled caption)"
        previous = line
    return drop


def title_of(lines_: Sequence[str]) -> str | None:
    first = next((line for line in lines_ if not is_blank(line)), None)
    if first is None or len(first) > lines.TITLE_MAX_LENGTH or first.endswith(lines.SENTENCE_END):
        return None
    return first


def repeated_title(lines_: Sequence[str]) -> dict[int, str]:
    # A repeat of the title goes unless the lines beside it are short; dropping one gives its
    # neighbours new neighbours, so the rule is applied again to the lines left until nothing
    # more goes (the fixed point the line phase would reach with enough rounds).
    title = title_of(lines_)
    if title is None:
        return {}
    first = list(lines_).index(title)
    left = list(range(len(lines_)))
    while True:
        shown = [lines_[index] for index in left]
        going = {
            position
            for position, index in enumerate(left)
            if index > first
            and lines_[index] == title
            and not _in_run_of_short_lines(shown, position)
        }
        if not going:
            break
        left = [index for position, index in enumerate(left) if position not in going]
    return {index: "repeats the title" for index in sorted(set(range(len(lines_))) - set(left))}


def _in_run_of_short_lines(lines_: Sequence[str], index: int) -> bool:
    if index + 1 >= len(lines_):
        return False
    return all(0 < len(lines_[i]) <= lines.VERSE_MAX_LENGTH for i in (index - 1, index + 1))


# -- the lexicon ------------------------------------------------------------------------------

_ADDRESSES = re.compile(
    r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?:https?://|www\.)[^\s\u0600-\u06ff]+"
)
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_LETTER_FOLDS = {"\u0623": "ا", "\u0625": "ا", "\u0622": "ا", "\u0671": "ا", "ة": "ه", "ى": "ي"}


def fold(text: str, addresses: bool = True) -> str:
    """fold() with no memo and no fast path for words of letters."""
    if addresses:
        text = _ADDRESSES.sub(" ", text)
    text = _DIACRITICS.sub("", text)
    text = "".join(_LETTER_FOLDS.get(c, c) for c in text)
    return " ".join(_NON_LETTERS.sub(" ", text).split()).lower()


def letters(folded: str) -> int:
    return len(folded.replace(" ", ""))


@dataclass(frozen=True)
class Entry:
    phrase: str
    folded: str
    lead_in: bool


class Lexicon:
    """Every entry tried on every line: no index by first or last word."""

    def __init__(self, phrases_: Iterable[str]):
        entries = []
        for phrase in phrases_:
            folded = fold(phrase)
            if folded:
                entries.append(Entry(phrase, folded, phrase.endswith((" …", " ..."))))
        entries.sort(key=lambda entry: -len(entry.folded))
        self.entries = tuple(entries)

    def covering(self, folded_line: str, min_cover: float = phrases.MIN_COVER) -> Entry | None:
        if not folded_line:
            return None
        for entry in self.entries:
            phrase = entry.folded
            if folded_line == phrase:
                return entry
            starts = folded_line.startswith(phrase + " ")
            if entry.lead_in:
                if starts:
                    return entry
                continue
            if (
                (starts or folded_line.endswith(" " + phrase))
                and letters(phrase) >= min_cover * letters(folded_line)
                and _one_word_alone(phrase, folded_line)
            ):
                return entry
        return None

    def starting(self, folded_line: str, min_cover: float = phrases.MIN_COVER) -> Entry | None:
        if not folded_line:
            return None
        for entry in self.entries:
            phrase = entry.folded
            if folded_line == phrase or (
                folded_line.startswith(phrase + " ")
                and letters(phrase) >= min_cover * letters(folded_line)
                and _one_word_alone(phrase, folded_line)
            ):
                return entry
        return None


def _one_word_alone(phrase: str, folded_line: str) -> bool:
    if " " in phrase:
        return True
    return all(len(word) == 1 for word in folded_line.replace(phrase, "", 1).split())


def lexicon(kind: str, extra: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon((*phrases.read(kind), *extra))


def trailer_header(line: str, extra: tuple[str, ...] = ()) -> str | None:
    if not line or len(line) > trailer.HEADER_MAX_LENGTH:
        return None
    entry = lexicon("trailer_headers", extra).starting(fold(line))
    return None if entry is None else entry.phrase


def _sentence_like(line: str) -> bool:
    return len(line) >= trailer.SENTENCE_MIN_LENGTH and line.rstrip(" \"'»”)").endswith(
        trailer.SENTENCE_END
    )


def trailer_rule(lines_: Sequence[str], extra: tuple[str, ...] = ()) -> dict[int, str]:
    total = sum(len(line) + 1 for line in lines_)
    position = 0
    drop: dict[int, str] = {}
    for index, line in enumerate(lines_):
        header = trailer_header(line, extra)
        if header is not None:
            cut = total - position
            if (
                position >= trailer.TAIL_START * total
                and cut <= trailer.MAX_CUT_SHARE * total
                and not any(_sentence_like(after) for after in lines_[index + 1 :])
            ):
                reason = f"trailer block after the header {header!r}"
                drop.update((i, reason) for i in range(index, len(lines_)))
                return drop
            drop[index] = f"trailer header {header!r} with content after it"
        position += len(line) + 1
    return drop


def phrase_line(line: str, extra: tuple[str, ...] = ()) -> str | None:
    if not line or len(line) > phrase_lines.LINE_MAX_LENGTH:
        return None
    entry = lexicon("line_phrases", extra).covering(fold(line))
    if entry is None:
        return None
    if entry.lead_in and (
        len(line) > phrase_lines.LEAD_IN_MAX_LENGTH
        or not fold(line, addresses=False).startswith(entry.folded)
    ):
        return None
    return entry.phrase


def phrase_lines_rule(lines_: Sequence[str], extra: tuple[str, ...] = ()) -> dict[int, str]:
    drop: dict[int, str] = {}
    for index, line in enumerate(lines_):
        phrase = phrase_line(line, extra)
        if phrase is not None:
            drop[index] = f"boilerplate line: the phrase {phrase!r}"
    return drop


RULES: Mapping[str, object] = {
    "boilerplate.blank_lines": blank_lines,
    "boilerplate.duplicate_lines": duplicate_lines,
    "boilerplate.repeated_title": repeated_title,
    "boilerplate.trailer": trailer_rule,
    "boilerplate.phrase_lines": phrase_lines_rule,
}
