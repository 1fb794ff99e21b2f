"""Digit rules (D): one digit script, never inside URLs, e-mails or Latin tokens.

A number token is a run of digits of any script with the separators between them, and an
attached percent or per-mille sign (ORTHOGRAPHY.md §3.7).  Protected spans are excluded by the
pipeline before these rules see the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

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
from arnorm.rule import substitution

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
            return NUMBER.sub(_latin_number, text)
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


def _has_eastern_digit(token: str) -> bool:
    return any(character in DIGIT_TO_WESTERN for character in token)


_TO_ARABIC_DIGITS = {
    **{d: ARABIC_INDIC_DIGITS[i] for i, d in enumerate(WESTERN_DIGITS)},
    **{d: ARABIC_INDIC_DIGITS[i] for i, d in enumerate(PERSIAN_DIGITS)},
}
_ARABIC_CONTEXT = re.compile(f"[{LETTER_CLASS}{MARK_CLASS}\u0640\u060c\u061b\u061f]")
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


@substitution(
    "digits.unify_mixed",
    NUMBER,
    code="D3",
    trigger=ARABIC_INDIC_DIGITS + PERSIAN_DIGITS,
    enabled_if=_digits_are("keep"),
    produces=WESTERN_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS,
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


@substitution(
    "digits.persian_to_arabic_indic",
    f"[{PERSIAN_DIGITS[0]}-{PERSIAN_DIGITS[-1]}]+",
    code="D4",
    trigger=PERSIAN_DIGITS,
    skip_when=("not_arabic_confident",),
    enabled_if=_digits_are("keep"),
    produces=ARABIC_INDIC_DIGITS,
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
