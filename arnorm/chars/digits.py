"""Digit rules (D): one digit script, never inside URLs, e-mails or Latin tokens.

A number token is a run of digits of any script with the separators between them, and an
attached percent or per-mille sign (ORTHOGRAPHY.md §3.7).  Protected spans are excluded by the
pipeline before these rules see the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, compress, repeat
from operator import getitem, or_
from typing import NamedTuple

from arnorm.chars.punctuation import LOOKALIKES
from arnorm.chars.tables import (
    ARABIC_DECIMAL_SEPARATOR,
    ARABIC_INDIC_DIGITS,
    ARABIC_PER_MILLE_SIGN,
    ARABIC_PERCENT_SIGN,
    ARABIC_THOUSANDS_SEPARATOR,
    DIGIT_TO_WESTERN,
    LETTER_CLASS,
    MARK_CLASS,
    PERSIAN_DIGITS,
    WESTERN_DIGITS,
)
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import RewriteFunction, substitution

OPTIONS = (
    Option(
        "digits",
        "latin",
        ("latin", "arabic", "keep"),
        "Target digit script: 'latin' writes every number with 0-9 (٫ ٬ ٪ become . , %); "
        "'arabic' writes numbers in Arabic context with ٠-٩ (. , % become ٫ ٬ ٪); 'keep' "
        "leaves digits as they are, except that a number mixing scripts is unified and "
        "Persian digits in Arabic text become Arabic-Indic.",
        example='clean("عام ٢٠٢٣", digits="keep") keeps ٢٠٢٣',
    ),
)

_ALL_DIGITS = (
    f"0-9{ARABIC_INDIC_DIGITS[0]}-{ARABIC_INDIC_DIGITS[-1]}{PERSIAN_DIGITS[0]}-{PERSIAN_DIGITS[-1]}"
)
_SEPARATORS = f".,{ARABIC_DECIMAL_SEPARATOR}{ARABIC_THOUSANDS_SEPARATOR}\u060c'"
_PERCENT = f"%{ARABIC_PERCENT_SIGN}\u2030{ARABIC_PER_MILLE_SIGN}"
# ``[%]?[0-9]+(?:[.,][0-9]+)*[%]?``, written to start with one character class (a leading sign,
# or the first digit), so the scan runs in C between numbers instead of trying every position.
NUMBER = re.compile(
    rf"[{_PERCENT}{_ALL_DIGITS}](?:(?<=[{_PERCENT}])[{_ALL_DIGITS}]+|(?<=[{_ALL_DIGITS}])[{_ALL_DIGITS}]*)"
    rf"(?:[{_SEPARATORS}][{_ALL_DIGITS}]+)*[{_PERCENT}]?"
)
# NUMBER with one group: ``split`` gives the text between numbers at even indexes, the numbers
# at odd ones.  The fast paths split a segment once, judge each distinct number once and put
# the numbers back with ``map`` (no Python call per number).
_NUMBER_SPLIT = re.compile(f"({NUMBER.pattern})")
# Above this length, a ``str.replace`` per character present beats ``str.translate`` (which
# looks each character up in a dict): a number can be a whole megabyte of digits.
_LONG = 256


def _rewrite(token: str, table: dict[int, str]) -> str:
    """``token.translate(table)``, for a table whose targets are not sources (no chains)."""
    if len(token) < _LONG:
        return token.translate(table)
    for source, target in table.items():
        character = chr(source)
        if character != target and character in token:
            token = token.replace(character, target)
    return token


# Every digit as the zero of its script: the digits of one script are one ``str.count``.
_TO_ZERO = str.maketrans(
    {
        **dict.fromkeys(WESTERN_DIGITS, WESTERN_DIGITS[0]),
        **dict.fromkeys(ARABIC_INDIC_DIGITS, ARABIC_INDIC_DIGITS[0]),
        **dict.fromkeys(PERSIAN_DIGITS, PERSIAN_DIGITS[0]),
    }
)


def _script_counts(text: str) -> tuple[int, int, int]:
    """How many Western, Arabic-Indic and Persian digits ``text`` has."""
    if len(text) >= _LONG:
        return (
            sum(map(text.count, WESTERN_DIGITS)),
            sum(map(text.count, ARABIC_INDIC_DIGITS)),
            sum(map(text.count, PERSIAN_DIGITS)),
        )
    zeroed = text.translate(_TO_ZERO)
    return (
        zeroed.count(WESTERN_DIGITS[0]),
        zeroed.count(ARABIC_INDIC_DIGITS[0]),
        zeroed.count(PERSIAN_DIGITS[0]),
    )


_TO_LATIN = str.maketrans(
    {
        **DIGIT_TO_WESTERN,
        ARABIC_DECIMAL_SEPARATOR: ".",
        ARABIC_THOUSANDS_SEPARATOR: ",",
        ARABIC_PERCENT_SIGN: "%",
        ARABIC_PER_MILLE_SIGN: "\u2030",
    }
)


def _digits_are(value: str) -> Callable[[Options], bool]:
    return lambda options: options["digits"] == value


# Signs that D1 rewrites only inside a number with an Eastern digit.
_EASTERN_SIGNS = (
    ARABIC_DECIMAL_SEPARATOR,
    ARABIC_THOUSANDS_SEPARATOR,
    ARABIC_PERCENT_SIGN,
    ARABIC_PER_MILLE_SIGN,
)
_DIGIT_PAIRS = tuple(DIGIT_TO_WESTERN.items())


# Without Western digits, every number has an Eastern digit, and a sign is part of a number
# exactly when NUMBER would take it: ٫ ٬ between two digits, ٪ ؉ beside one.
_D = f"[{_ALL_DIGITS}]"
_SIGNS_IN_NUMBERS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (f"(?<={_D}){ARABIC_DECIMAL_SEPARATOR}(?={_D})", "."),
        (f"(?<={_D}){ARABIC_THOUSANDS_SEPARATOR}(?={_D})", ","),
        (f"{ARABIC_PERCENT_SIGN}(?:(?<={_D}{ARABIC_PERCENT_SIGN})|(?={_D}))", "%"),
        (f"{ARABIC_PER_MILLE_SIGN}(?:(?<={_D}{ARABIC_PER_MILLE_SIGN})|(?={_D}))", "\u2030"),
    )
)
_WESTERN_DIGIT = re.compile("[0-9]")


def _to_latin_fast(text: str, ctx: Context) -> str:
    # Every Eastern digit is in a number that has an Eastern digit, so it always becomes its
    # Western digit: a str.replace per digit present (C speed, no call per number).  The signs
    # ٫ ٬ ٪ ؉ depend on their number: without Western digits, constant substitutions decide
    # them; with Western digits too, the rule's pattern does, number by number.
    if any(sign in text for sign in _EASTERN_SIGNS):
        if _WESTERN_DIGIT.search(text):
            parts = _NUMBER_SPLIT.split(text)
            tokens = parts[1::2]
            latin = {token: _latin_token(token) for token in set(tokens)}
            parts[1::2] = map(latin.__getitem__, tokens)
            return "".join(parts)
        for pattern, replacement in _SIGNS_IN_NUMBERS:
            text = pattern.sub(replacement, text)
    for eastern, western in _DIGIT_PAIRS:
        if eastern in text:
            text = text.replace(eastern, western)
    return text


@substitution(
    "digits.to_latin",
    NUMBER,
    code="D1",
    trigger=ARABIC_INDIC_DIGITS + PERSIAN_DIGITS,
    enabled_if=_digits_are("latin"),
    produces="0123456789.,%\u2030",
    fast=_to_latin_fast,
)
def to_latin(match: re.Match[str], ctx: Context) -> str:
    """Write numbers with Western digits: ٠-٩ and ۰-۹ become 0-9, ٫ ٬ ٪ become . , %.

    The Arabic comma between digits stays (``٣،٥``: a decimal or a list, it cannot be told).
    Numbers already in Western digits are untouched; a number mixing scripts is unified.

    >>> from arnorm.chars.digits import to_latin
    >>> to_latin("عام ٢٠٢٣ بنسبة ٣٫٥٪ من ١٬٠٠٠")
    'عام 2023 بنسبة 3.5% من 1,000'
    """
    return _latin_number(match)


def _latin_number(match: re.Match[str]) -> str:
    token = match.group()
    return token.translate(_TO_LATIN) if _has_eastern_digit(token) else token


_EASTERN_DIGIT = re.compile(f"[{ARABIC_INDIC_DIGITS}{PERSIAN_DIGITS}]")


def _latin_token(token: str) -> str:
    """:func:`_latin_number` on a number's text, with C searches and replacements."""
    return _rewrite(token, _TO_LATIN) if _EASTERN_DIGIT.search(token) else token


def _has_eastern_digit(token: str) -> bool:
    return any(character in DIGIT_TO_WESTERN for character in token)


_TO_ARABIC_DIGITS = {
    **{d: ARABIC_INDIC_DIGITS[i] for i, d in enumerate(WESTERN_DIGITS)},
    **{d: ARABIC_INDIC_DIGITS[i] for i, d in enumerate(PERSIAN_DIGITS)},
}
# Arabic context for D2: letters, marks, tatweel, the Arabic comma, semicolon and question mark,
# and the look-alikes P1 writes as these (⸁ ⁏ ⸮): P1 runs after D2, and a number after "⸁"
# left Latin became Arabic on the next run, after "،" (found by the atheris fuzzing run).
_ARABIC_PUNCTUATION = "\u060c\u061b\u061f"
_ARABIC_CONTEXT_CLASS = f"{LETTER_CLASS}{MARK_CLASS}\u0640{_ARABIC_PUNCTUATION}" + "".join(
    lookalike for lookalike, arabic in LOOKALIKES.items() if arabic in _ARABIC_PUNCTUATION
)
_ARABIC_CONTEXT = re.compile(f"[{_ARABIC_CONTEXT_CLASS}]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_GROUPED = re.compile(r"[0-9\u06f0-\u06f9]{1,3}(?:,[0-9\u06f0-\u06f9]{3})+")


_SPACES = " \t\u00a0"  # not line breaks: a number's context ends with its line


def _neighbours(match: re.Match[str]) -> tuple[str, str]:
    """The nearest non-space characters before and after a match on its line."""
    # Walked character by character, not by slicing the text on each side (a copy of the
    # text per number: quadratic on a line of numbers).
    text = match.string
    before_at = match.start() - 1
    while before_at >= 0 and text[before_at] in _SPACES:
        before_at -= 1
    after_at = match.end()
    while after_at < len(text) and text[after_at] in _SPACES:
        after_at += 1
    before = text[before_at] if before_at >= 0 else ""
    return before, text[after_at : after_at + 1]


_SCRIPT_OF = {
    **dict.fromkeys(WESTERN_DIGITS, "latin"),
    **dict.fromkeys(ARABIC_INDIC_DIGITS, "arabic"),
    **dict.fromkeys(PERSIAN_DIGITS, "persian"),
}


def _scripts(token: str) -> set[str]:
    return {_SCRIPT_OF[character] for character in token if character in _SCRIPT_OF}


def _to_arabic_token(token: str) -> str:
    grouped = _GROUPED.fullmatch(token.strip("%\u2030"))
    out = []
    for index, character in enumerate(token):
        if character in _TO_ARABIC_DIGITS:
            out.append(_TO_ARABIC_DIGITS[character])
        elif character == "." and 0 < index < len(token) - 1:
            out.append(ARABIC_DECIMAL_SEPARATOR)
        elif character == "," and grouped:
            out.append(ARABIC_THOUSANDS_SEPARATOR)
        elif character == "%":
            out.append(ARABIC_PERCENT_SIGN)
        elif character == "\u2030":
            out.append(ARABIC_PER_MILLE_SIGN)
        else:
            out.append(character)
    return "".join(out)


# -- the fast paths of D2 and D3 ---------------------------------------------------------------
# Both rules judge each number as a whole (its scripts, its neighbours, its line).  Their fast
# paths split the segment into numbers and the text between them in one C pass, judge each
# distinct number once (numbers repeat) and rewrite it with :func:`_rewrite`; the text between
# numbers is read only for the first and last non-space character of each stretch (D2).

# Two digits of different scripts with at most one separator between them.  A number mixes
# scripts exactly when it holds such a pair (consecutive digits of a number have at most one
# separator between them), and such a pair is always inside one number.
_W, _A, _P = "0-9", "\u0660-\u0669", "\u06f0-\u06f9"
_MIXED_PAIR = re.compile(  # written to start with one character class (a fast scan to digits)
    f"{_D}(?:(?<=[{_W}])[{_SEPARATORS}]?[{_A}{_P}]|(?<=[{_A}])[{_SEPARATORS}]?[{_W}{_P}]"
    f"|(?<=[{_P}])[{_SEPARATORS}]?[{_W}{_A}])"
)
_SCRIPT_PATTERNS = tuple(re.compile(f"[{digits}]") for digits in (_W, _A, _P))


def _has_mixed_number(text: str) -> bool:
    """Whether a number of ``text`` mixes digit scripts (two scripts present, then the pair)."""
    present = 0
    for pattern in _SCRIPT_PATTERNS:
        present += pattern.search(text) is not None
    return present > 1 and _MIXED_PAIR.search(text) is not None


# What a number's neighbour is for D2, as bits: the two neighbours of a number combine with |.
# Only a character outside every number can be Arabic context or a Latin letter: a number
# starts and ends with a digit or a percent sign.
_OTHER, _ARABIC, _LATIN = 0, 1, 2


def _kind(character: str) -> int:
    if _LATIN_LETTER.match(character):
        return _LATIN
    if _ARABIC_CONTEXT.match(character):
        return _ARABIC
    return _OTHER


def _first_and_last(between: str) -> tuple[int, int]:
    """The kinds of the first and last non-space characters of the text between two numbers.

    Only spaces (or nothing): the neighbour is the next number, the previous one, or the edge
    of the segment, none of which is Arabic or Latin.
    """
    stripped = between.strip(_SPACES)
    return _kind(stripped[:1]), _kind(stripped[-1:])


def _arabic_choices(token: str) -> tuple[str, str, str, str]:
    """D2 on a number alone: what it becomes, by the kinds of its two neighbours.

    Indexed by the kinds combined with ``|``: no Arabic context or Latin letter beside it, an
    Arabic neighbour, a Latin one, one of each.  Converted only with an Arabic neighbour and no
    Latin one, unless it mixes scripts (always converted) or is already Arabic-Indic.
    """
    latin, arabic, persian = _script_counts(token)
    if (latin > 0) + (arabic > 0) + (persian > 0) > 1:  # mixed: always unified
        converted = _arabic_number(token)
        return converted, converted, converted, converted
    if arabic:  # already Arabic-Indic
        return token, token, token, token
    return token, _arabic_number(token), token, token


_ARABIC_SIGNS = {
    ".": ARABIC_DECIMAL_SEPARATOR,  # in a number, a separator is always between two digits
    "%": ARABIC_PERCENT_SIGN,
    "\u2030": ARABIC_PER_MILLE_SIGN,
}
_TO_ARABIC = str.maketrans({**_TO_ARABIC_DIGITS, **_ARABIC_SIGNS})
_TO_ARABIC_GROUPED = str.maketrans(
    {**_TO_ARABIC_DIGITS, **_ARABIC_SIGNS, ",": ARABIC_THOUSANDS_SEPARATOR}
)


def _arabic_number(token: str) -> str:
    """:func:`_to_arabic_token` with ``str.translate``."""
    grouped = "," in token and _GROUPED.fullmatch(token.strip("%\u2030")) is not None
    return _rewrite(token, _TO_ARABIC_GROUPED if grouped else _TO_ARABIC)


def _by_distinct_lines(rewrite: RewriteFunction, text: str, ctx: Context) -> str | None:
    """``rewrite`` run on each distinct line once, when at least half the lines are repeats.

    For a rewrite whose result on a line depends on that line alone and that neither adds nor
    removes a newline (D2 and D3: a number, its neighbours and its line are on one line).
    ``None`` when the lines are mostly distinct: the caller rewrites the text itself.
    """
    if "\n" not in text:
        return None
    lines = text.split("\n")
    distinct = list(dict.fromkeys(lines))
    if len(distinct) * 2 > len(lines):
        return None
    cleaned = rewrite("\n".join(distinct), ctx).split("\n")
    done = dict(zip(distinct, cleaned, strict=True))
    return "\n".join(map(done.__getitem__, lines))


# -- D2 without looking at numbers one by one --------------------------------------------------
# When every number of a segment has an Arabic neighbour (and none a Latin one, and none mixes
# scripts), D2 converts them all: digits by str.replace, signs by constant substitutions beside
# a Western or Persian digit.  Four searches tell it; each fails at the first counterexample.
_IN_NUMBERS = f"{_ALL_DIGITS}{_SEPARATORS}{_PERCENT}"
_WESTERN_OR_PERSIAN = f"[{_W}{_P}]"
# A separator or sign beside a digit that NUMBER does not take with it ("2023." "5%%" "5%5"): a
# run of number characters with a digit is then more than one number.  Without one, each such
# run is exactly one number (and its neighbours are the run's).
_STRAY_SIGN = re.compile(  # found from the sign (signs are rarer than digits)
    f"[{_SEPARATORS}{_PERCENT}](?:(?<={_D}[{_SEPARATORS}])(?!{_D})"
    f"|(?<=[{_SEPARATORS}])(?<!{_D}[{_SEPARATORS}])(?={_D})"
    f"|(?<=[{_IN_NUMBERS}][{_PERCENT}])(?={_D})|(?<={_D}[{_PERCENT}])(?=[{_IN_NUMBERS}]))"
)
# A comma in a Western or Persian number: ٬ only as 3-digit grouping, judged number by number.
_COMMA_IN_NUMBER = re.compile(f"{_WESTERN_OR_PERSIAN},")
# A run of number characters with a digit whose nearest non-space neighbours on its line are
# both not Arabic context.  The run is matched whole (captured in a look-ahead, then taken by
# the back-reference: no backtracking into it), from its start: at the start of the text, after
# a character that is neither Arabic, a space nor a number character, or after the spaces that
# follow a character that is neither Arabic nor a space.
_LONE_RUN = (
    f"(?=[{_SEPARATORS}{_PERCENT}]*{_D})(?=([{_IN_NUMBERS}]+))\\1"
    f"[{_SPACES}]*(?![{_ARABIC_CONTEXT_CLASS}{_SPACES}])"
)
_LONELY_NUMBER_FIRST = re.compile(f"[{_SPACES}]*{_LONE_RUN}")  # with match(): at the start
_LONELY_NUMBER = re.compile(
    f"(?:[^{_ARABIC_CONTEXT_CLASS}{_SPACES}{_IN_NUMBERS}]"
    f"|[{_SPACES}](?<=[^{_ARABIC_CONTEXT_CLASS}{_SPACES}][{_SPACES}])[{_SPACES}]*){_LONE_RUN}"
)
# Each sign D2 rewrites in a number: the sign beside a Western or Persian digit (a "." between
# two), and the sign where it is not (when there is none, ``str.replace`` rewrites them all).
_ARABIC_SIGNS_IN_NUMBERS = tuple(
    (sign, re.compile(inside), re.compile(outside), replacement)
    for sign, inside, outside, replacement in (
        (
            ".",
            f"(?<={_WESTERN_OR_PERSIAN})\\.(?={_WESTERN_OR_PERSIAN})",
            f"\\.(?:(?<!{_WESTERN_OR_PERSIAN}\\.)|(?!{_WESTERN_OR_PERSIAN}))",
            ARABIC_DECIMAL_SEPARATOR,
        ),
        *(
            (
                sign,
                f"{sign}(?={_WESTERN_OR_PERSIAN})|(?<={_WESTERN_OR_PERSIAN}){sign}",
                f"{sign}(?<!{_WESTERN_OR_PERSIAN}{sign})(?!{_WESTERN_OR_PERSIAN})",
                replacement,
            )
            for sign, replacement in (("%", ARABIC_PERCENT_SIGN), ("\u2030", ARABIC_PER_MILLE_SIGN))
        ),
    )
)
_DIGITS_TO_ARABIC = str.maketrans(_TO_ARABIC_DIGITS)


# The searches cost a scan of the text; the number-by-number way, a step per number.  The
# searches are tried when the start of the text has a number every few characters.
_WESTERN_OR_PERSIAN_RUN = re.compile(f"{_WESTERN_OR_PERSIAN}+")
_SAMPLE = 4096


def _numbers_are_dense(text: str) -> bool:
    """Whether the start of ``text`` has a Western or Persian number every 8 characters."""
    sample = min(len(text), _SAMPLE)
    return len(_WESTERN_OR_PERSIAN_RUN.findall(text, 0, sample)) * 8 > sample


def _every_number_converts(text: str) -> bool:
    """Whether D2 converts every number of ``text`` that has a Western or Persian digit."""
    return (
        _LATIN_LETTER.search(text) is None
        and _STRAY_SIGN.search(text) is None
        and _COMMA_IN_NUMBER.search(text) is None
        and _LONELY_NUMBER_FIRST.match(text) is None
        and _LONELY_NUMBER.search(text) is None
        and not _has_mixed_number(text)
    )


def _convert_every_number(text: str) -> str:
    """D2 when :func:`_every_number_converts`: signs beside Western or Persian digits, digits."""
    for sign, inside, outside, replacement in _ARABIC_SIGNS_IN_NUMBERS:
        if sign in text:
            if outside.search(text) is None:
                text = text.replace(sign, replacement)
            else:
                text = inside.sub(replacement, text)
    return _rewrite(text, _DIGITS_TO_ARABIC)


def _to_arabic_fast(text: str, ctx: Context) -> str:
    """D2 on a whole segment: each distinct number judged once, its neighbours by ``map``."""
    # Without Arabic context in the segment, only a number mixing scripts changes.
    context = _ARABIC_CONTEXT.search(text) is not None
    if not context and not _has_mixed_number(text):
        return text
    if context and _numbers_are_dense(text) and _every_number_converts(text):
        return _convert_every_number(text)
    by_lines = _by_distinct_lines(_to_arabic_fast, text, ctx)
    if by_lines is not None:
        return by_lines
    parts = _NUMBER_SPLIT.split(text)
    tokens = parts[1::2]
    choices = {token: _arabic_choices(token) for token in set(tokens)}
    if all(choice[_OTHER] == choice[_ARABIC] == token for token, choice in choices.items()):
        return text
    # The kinds of each number's two neighbours, by ``map`` over the stretches of text between
    # the numbers (each distinct stretch looked at once): no Python step per number.
    if context:
        between = parts[0::2]
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        for stretch in set(between):
            first[stretch], last[stretch] = _first_and_last(stretch)
        before = map(last.__getitem__, between[:-1])
        after = map(first.__getitem__, between[1:])
        neighbours: Iterable[int] = map(or_, before, after)
    else:
        neighbours = repeat(_OTHER)
    parts[1::2] = map(getitem, map(choices.__getitem__, tokens), neighbours)
    return "".join(parts)


@substitution(
    "digits.to_arabic",
    NUMBER,
    code="D2",
    trigger=WESTERN_DIGITS + PERSIAN_DIGITS,
    enabled_if=_digits_are("arabic"),
    produces=ARABIC_INDIC_DIGITS
    + ARABIC_DECIMAL_SEPARATOR
    + ARABIC_THOUSANDS_SEPARATOR
    + ARABIC_PERCENT_SIGN
    + ARABIC_PER_MILLE_SIGN,
    fast=_to_arabic_fast,
)
def to_arabic(match: re.Match[str], ctx: Context) -> str:
    """Write numbers in Arabic context with Arabic-Indic digits (``digits="arabic"``).

    A number converts when its nearest non-space neighbour is Arabic and neither neighbour is
    a Latin letter (``iPhone 15`` stays); ``.`` between digits becomes ٫, ``,`` becomes ٬ only
    as 3-digit grouping, ``%`` becomes ٪.  A number mixing scripts is always unified.

    >>> from arnorm.chars.digits import to_arabic
    >>> to_arabic("في عام 2023 بنسبة 3.5%", digits="arabic")
    'في عام ٢٠٢٣ بنسبة ٣٫٥٪'
    >>> to_arabic("iPhone 15", digits="arabic")
    'iPhone 15'
    """
    token = match.group()
    scripts = _scripts(token)
    if scripts == {"arabic"}:
        return token
    if len(scripts) == 1:
        before, after = _neighbours(match)
        if _LATIN_LETTER.match(before or " ") or _LATIN_LETTER.match(after or " "):
            return token
        if not (_ARABIC_CONTEXT.match(before or " ") or _ARABIC_CONTEXT.match(after or " ")):
            return token
    return _to_arabic_token(token)


_NEWLINE = re.compile("\n")


class _LineCounts(NamedTuple):
    text: str
    starts: list[int]  # where each line starts
    counted: dict[int, dict[str, int]]  # line index -> digits per script


def _line_totals(match: re.Match[str], ctx: Context) -> dict[str, int]:
    """How many digits of each script the match's line has.

    Line starts are found once per text and each line is counted once (``ctx.memo``): finding
    and counting the line again for each tied number is quadratic on a line of them.
    """
    text = match.string
    memo = ctx.memo.get("digits.lines")
    if not isinstance(memo, _LineCounts) or memo.text is not text:
        memo = _LineCounts(text, [0, *(newline.end() for newline in _NEWLINE.finditer(text))], {})
        ctx.memo["digits.lines"] = memo
    starts, counted = memo.starts, memo.counted
    index = bisect_right(starts, match.start()) - 1
    if index not in counted:
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        line = text[starts[index] : end]
        counted[index] = {
            script: sum(line.count(d) for d in digits)
            for script, digits in (
                ("latin", WESTERN_DIGITS),
                ("arabic", ARABIC_INDIC_DIGITS),
                ("persian", PERSIAN_DIGITS),
            )
        }
    totals: dict[str, int] = counted[index]
    return totals


def _mixed_target(match: re.Match[str], ctx: Context) -> dict[str, str]:
    counts = {"latin": 0, "arabic": 0, "persian": 0}
    for character in match.group():
        script = _SCRIPT_OF.get(character)
        if script is not None:
            counts[script] += 1
    best = max(counts.values())
    leaders = [script for script, count in counts.items() if count == best]
    if len(leaders) > 1:
        # The line decides a tie (not the whole document: a paragraph must clean the same
        # alone or among others).
        totals = _line_totals(match, ctx)
        totals = {script: totals[script] for script in leaders}
        # Ties in the document too: the order latin, arabic, persian decides.
        leaders = [max(leaders, key=lambda script: (totals[script], -leaders.index(script)))]
    return _TO_SCRIPT[leaders[0]]


# Every digit to the same digit of one script, for each script (built once).
_TO_SCRIPT = {
    script: {
        source[i]: target[i]
        for source in (WESTERN_DIGITS, ARABIC_INDIC_DIGITS, PERSIAN_DIGITS)
        for i in range(10)
    }
    for script, target in (
        ("latin", WESTERN_DIGITS),
        ("arabic", ARABIC_INDIC_DIGITS),
        ("persian", PERSIAN_DIGITS),
    )
}


_SCRIPT_ORDER = ("latin", "arabic", "persian")  # the order that decides a tie in the line too
_TO_SCRIPT_TABLES = tuple(str.maketrans(_TO_SCRIPT[script]) for script in _SCRIPT_ORDER)


def _unify_mixed_fast(text: str, ctx: Context) -> str:
    """D3 on a whole segment: each distinct number judged once, ties decided by their line."""
    if not _has_mixed_number(text):
        return text
    by_lines = _by_distinct_lines(_unify_mixed_fast, text, ctx)
    if by_lines is not None:
        return by_lines
    parts = _NUMBER_SPLIT.split(text)
    tokens = parts[1::2]
    counts = {token: _script_counts(token) for token in set(tokens)}
    unified: dict[str, str] = {}  # a mixed number with a majority script, rewritten
    tied: dict[str, tuple[int, ...]] = {}  # a mixed number without one: its leading scripts
    for token, (latin, arabic, persian) in counts.items():
        if (latin > 0) + (arabic > 0) + (persian > 0) < 2:
            continue
        best = max(latin, arabic, persian)
        leaders = tuple(i for i, count in enumerate((latin, arabic, persian)) if count == best)
        if len(leaders) == 1:
            unified[token] = _rewrite(token, _TO_SCRIPT_TABLES[leaders[0]])
        else:
            tied[token] = leaders
    if tied and "\n" not in text:
        # One line: every tie is decided once.
        totals = _script_counts(text)
        for token, leaders in tied.items():
            unified[token] = _rewrite(token, _TO_SCRIPT_TABLES[_tie_winner(leaders, totals)])
        tied = {}
    parts[1::2] = map(unified.get, tokens, tokens)
    if tied:
        _decide_ties_by_line(text, parts, tokens, tied)
    return "".join(parts)


def _tie_winner(leaders: tuple[int, ...], totals: Sequence[int]) -> int:
    """The leading script with the most digits in the line; the first of them on a tie."""
    winner = leaders[0]
    for script in leaders[1:]:
        if totals[script] > totals[winner]:
            winner = script
    return winner


def _decide_ties_by_line(
    text: str, parts: list[str], tokens: list[str], tied: dict[str, tuple[int, ...]]
) -> None:
    """Rewrite, in ``parts``, the tied numbers of a text of several lines by their line."""
    numbers = list(compress(range(len(tokens)), map(tied.__contains__, tokens)))
    # The line of each number: the newlines before it (numbers have none).
    line_of = list(accumulate(map(str.count, parts[0:-1:2], repeat("\n"))))
    keys = list(
        zip(map(line_of.__getitem__, numbers), map(tokens.__getitem__, numbers), strict=True)
    )
    lines = text.split("\n")
    decided: dict[tuple[int, str], str] = {}
    totals: dict[int, list[int]] = {}
    for line, token in dict.fromkeys(keys):  # each tied number once per line
        line_totals = totals.get(line)
        if line_totals is None:
            line_totals = totals[line] = list(_script_counts(lines[line]))
        winner = _tie_winner(tied[token], line_totals)
        decided[line, token] = _rewrite(token, _TO_SCRIPT_TABLES[winner])
    for number, new in zip(numbers, map(decided.__getitem__, keys), strict=True):
        parts[2 * number + 1] = new


@substitution(
    "digits.unify_mixed",
    NUMBER,
    code="D3",
    trigger=ARABIC_INDIC_DIGITS + PERSIAN_DIGITS,
    enabled_if=_digits_are("keep"),
    produces=WESTERN_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS,
    fast=_unify_mixed_fast,
)
def unify_mixed(match: re.Match[str], ctx: Context) -> str:
    """With ``digits="keep"``, write a number that mixes digit scripts in its majority script.

    On a tie, the script with more digits in the line wins (then Western, Arabic-Indic,
    Persian, in that order).

    >>> from arnorm.chars.digits import unify_mixed
    >>> unify_mixed("عام ٢0٢٣", digits="keep")
    'عام ٢٠٢٣'
    """
    token = match.group()
    if len(_scripts(token)) < 2:
        return token
    mapping = _mixed_target(match, ctx)
    return "".join(mapping.get(character, character) for character in token)


_PERSIAN_TO_ARABIC_PAIRS = tuple(zip(PERSIAN_DIGITS, ARABIC_INDIC_DIGITS, strict=True))


def _persian_to_arabic_indic_fast(text: str, ctx: Context) -> str:
    # Every Persian digit is rewritten, whatever is around it: a str.replace per digit present.
    for persian, arabic in _PERSIAN_TO_ARABIC_PAIRS:
        if persian in text:
            text = text.replace(persian, arabic)
    return text


@substitution(
    "digits.persian_to_arabic_indic",
    f"[{PERSIAN_DIGITS[0]}-{PERSIAN_DIGITS[-1]}]+",
    code="D4",
    trigger=PERSIAN_DIGITS,
    skip_when=("not_arabic_confident",),
    enabled_if=_digits_are("keep"),
    produces=ARABIC_INDIC_DIGITS,
    fast=_persian_to_arabic_indic_fast,
)
def persian_to_arabic_indic(match: re.Match[str], ctx: Context) -> str:
    """With ``digits="keep"``, write Persian digits ۰-۹ in Arabic text as Arabic-Indic ٠-٩.

    ۴ ۵ ۶ look different from ٤ ٥ ٦: in Arabic text they are keyboard intruders.  Persian
    and Urdu documents keep them.

    >>> from arnorm.chars.digits import persian_to_arabic_indic
    >>> persian_to_arabic_indic("عام ۲۰۲۳", digits="keep", lang="ar")
    'عام ٢٠٢٣'
    """
    return "".join(_TO_ARABIC_DIGITS[character] for character in match.group())


RULES = (to_latin, to_arabic, unify_mixed, persian_to_arabic_indic)
