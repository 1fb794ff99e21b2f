"""Digit rules (D): one digit script, never inside URLs, e-mails or Latin tokens.

A number token is a run of digits of any script with the separators between them, and an
attached percent or per-mille sign (ORTHOGRAPHY.md §3.7).  Protected spans are excluded by the
pipeline before these rules see the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


def _to_latin_fast(text: str, ctx: Context) -> str:
    # Every Eastern digit is in a number that has an Eastern digit, so it always becomes its
    # Western digit: a str.replace per digit present (C speed, no call per number).  The signs
    # ٫ ٬ ٪ ؉ depend on their number: with one of them, the rule's pattern decides.
    if any(sign in text for sign in _EASTERN_SIGNS):
        return NUMBER.sub(_latin_number, text)
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
    text = match.string
    before = text[: match.start()].rstrip(_SPACES)[-1:]
    after = text[match.end() :].lstrip(_SPACES)[:1]
    return before, after


def _scripts(token: str) -> set[str]:
    scripts = set()
    for character in token:
        if character in WESTERN_DIGITS:
            scripts.add("latin")
        elif character in ARABIC_INDIC_DIGITS:
            scripts.add("arabic")
        elif character in PERSIAN_DIGITS:
            scripts.add("persian")
    return scripts


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


def _mixed_target(match: re.Match[str]) -> dict[str, str]:
    token = match.group()
    counts = {
        "latin": sum(token.count(d) for d in WESTERN_DIGITS),
        "arabic": sum(token.count(d) for d in ARABIC_INDIC_DIGITS),
        "persian": sum(token.count(d) for d in PERSIAN_DIGITS),
    }
    best = max(counts.values())
    leaders = [script for script, count in counts.items() if count == best]
    if len(leaders) > 1:
        # The line decides a tie (not the whole document: a paragraph must clean the same
        # alone or among others).
        text, start, end = match.string, match.start(), match.end()
        document = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or None)]
        totals = {
            script: sum(document.count(d) for d in digits)
            for script, digits in (
                ("latin", WESTERN_DIGITS),
                ("arabic", ARABIC_INDIC_DIGITS),
                ("persian", PERSIAN_DIGITS),
            )
            if script in leaders
        }
        # Ties in the document too: the order latin, arabic, persian decides.
        leaders = [max(leaders, key=lambda script: (totals[script], -leaders.index(script)))]
    target = {"latin": WESTERN_DIGITS, "arabic": ARABIC_INDIC_DIGITS, "persian": PERSIAN_DIGITS}[
        leaders[0]
    ]
    return {
        source[i]: target[i]
        for source in (WESTERN_DIGITS, ARABIC_INDIC_DIGITS, PERSIAN_DIGITS)
        for i in range(10)
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
    mapping = _mixed_target(match)
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
