"""Tatweel (T): the decorative stretch between two letters of a word is deleted.

Tatweel (kashida, U+0640) only lengthens a join; between two letters of one word it carries no
content.  Everywhere else it may mean something and stays: after a number (``1445 هـ``, the
Hijri abbreviation keeps its heh visibly non-final), at a word start (``ـها``, a suffix cited on
its own), before a quote, digit or space (``بـ"``, ``الـ17``), in runs used as a dash or rule,
and under marks (``كـُتب``, ``هـٰذا``: the tatweel carries the mark).
"""

from __future__ import annotations

import re

from arnorm.chars.tables import LETTER_CLASS, MARK_CLASS, TATWEEL
from arnorm.context import Context
from arnorm.rule import substitution

_LETTER = re.compile(f"[{LETTER_CLASS}]")
_MARK = re.compile(f"[{MARK_CLASS}]")


def _letter_before(text: str, index: int) -> bool:
    """Whether the base before ``index`` (skipping its marks) is an Arabic letter."""
    while index > 0 and _MARK.match(text, index - 1):
        index -= 1
    return index > 0 and _LETTER.match(text, index - 1) is not None


@substitution(
    "tatweel.decorative",
    f"{TATWEEL}+(?=[{LETTER_CLASS}])",
    code="T1",
    trigger=TATWEEL,
    skip_when=("quranic",),
    produces="",
)
def decorative(match: re.Match[str], ctx: Context) -> str:
    """Delete bare tatweel between two letters of a word (العـــربية → العربية).

    >>> from arnorm.chars.tatweel import decorative
    >>> decorative("العـــربية جميـل")
    'العربية جميل'
    >>> decorative("عام 1445 هـ والـ17") == "عام 1445 هـ والـ17"
    True
    """
    return "" if _letter_before(match.string, match.start()) else match.group()


RULES = (decorative,)
