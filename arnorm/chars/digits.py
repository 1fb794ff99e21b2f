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
    PERSIAN_DIGITS,
)
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import substitution

OPTIONS = (
    Option(
        "digits",
        "latin",
        ("latin", "keep"),
        "Target digit script: 'latin' writes every number with 0-9 (٫ ٬ ٪ become . , %); "
        "'keep' leaves digits as they are.",
        example='clean("عام ٢٠٢٣", digits="keep") keeps ٢٠٢٣',
    ),
)

_ALL_DIGITS = (
    f"0-9{ARABIC_INDIC_DIGITS[0]}-{ARABIC_INDIC_DIGITS[-1]}{PERSIAN_DIGITS[0]}-{PERSIAN_DIGITS[-1]}"
)
_SEPARATORS = f".,{ARABIC_DECIMAL_SEPARATOR}{ARABIC_THOUSANDS_SEPARATOR}\u060c'"
_PERCENT = f"%{ARABIC_PERCENT_SIGN}\u2030{ARABIC_PER_MILLE_SIGN}"
NUMBER = re.compile(
    rf"[{_PERCENT}]?[{_ALL_DIGITS}]+(?:[{_SEPARATORS}][{_ALL_DIGITS}]+)*[{_PERCENT}]?"
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


@substitution(
    "digits.to_latin",
    NUMBER,
    code="D1",
    trigger=ARABIC_INDIC_DIGITS + PERSIAN_DIGITS,
    enabled_if=_digits_are("latin"),
    produces="0123456789.,%\u2030",
)
def to_latin(match: re.Match[str], ctx: Context) -> str:
    """Write numbers with Western digits: ٠-٩ and ۰-۹ become 0-9, ٫ ٬ ٪ become . , %.

    The Arabic comma between digits stays (``٣،٥``: a decimal or a list, it cannot be told).
    Numbers already in Western digits are untouched; a number mixing scripts is unified.

    >>> from arnorm.chars.digits import to_latin
    >>> to_latin("عام ٢٠٢٣ بنسبة ٣٫٥٪ من ١٬٠٠٠")
    'عام 2023 بنسبة 3.5% من 1,000'
    """
    token = match.group()
    return token.translate(_TO_LATIN) if _has_eastern_digit(token) else token


def _has_eastern_digit(token: str) -> bool:
    return any(character in DIGIT_TO_WESTERN for character in token)


RULES = (to_latin,)
