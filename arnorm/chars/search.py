"""Search folding (S): lossy, opt-in rules of the ``search`` profile, for indexes and queries.

They erase distinctions on purpose (أن/إن/آن, على/علي, مدرسة/مدرسه), which is why no other
profile includes them.  Each folds with chained ``str.replace``: on Arabic text that is an
order of magnitude faster than ``str.translate`` (see ``docs/performance.md``).
"""

from __future__ import annotations

import re

from arnorm.chars.tables import MARK_CLASS, SPACE_LIKE_CLASS, TATWEEL, expand_class
from arnorm.context import Context
from arnorm.rule import Phase, rewrite, substitution

ALEF_VARIANTS = "\u0623\u0625\u0622\u0671\u0672\u0673"  # أ إ آ ٱ ٲ ٳ


def _fold(text: str, sources: str, target: str) -> str:
    for source in sources:
        if source in text:
            text = text.replace(source, target)
    return text


@rewrite(
    "search.fold_alef",
    code="S1",
    trigger=ALEF_VARIANTS,
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces="\u0627",
)
def fold_alef(text: str, ctx: Context) -> str:
    """Fold the alef variants أ إ آ ٱ ٲ ٳ to a bare alef ا.

    >>> from arnorm.chars.search import fold_alef
    >>> fold_alef("أحمد إلى آخر")
    'احمد الى اخر'
    """
    return _fold(text, ALEF_VARIANTS, "\u0627")


@rewrite(
    "search.fold_teh_marbuta",
    code="S2",
    trigger="\u0629",
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces="\u0647",
)
def fold_teh_marbuta(text: str, ctx: Context) -> str:
    """Fold teh marbuta ة to heh ه.

    >>> from arnorm.chars.search import fold_teh_marbuta
    >>> fold_teh_marbuta("مدرسة")
    'مدرسه'
    """
    return text.replace("\u0629", "\u0647")


@rewrite(
    "search.fold_alef_maksura",
    code="S3",
    trigger="\u0649",
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces="\u064a",
)
def fold_alef_maksura(text: str, ctx: Context) -> str:
    """Fold alef maksura ى to yeh ي.

    >>> from arnorm.chars.search import fold_alef_maksura
    >>> fold_alef_maksura("على")
    'علي'
    """
    return text.replace("\u0649", "\u064a")


_MARKS_AND_TATWEEL = frozenset(expand_class(MARK_CLASS) + TATWEEL)


@substitution(
    "search.strip_diacritics",
    f"[{SPACE_LIKE_CLASS}]?[{MARK_CLASS}{TATWEEL}]+",  # any carrier spaces.nbsp_to_space keeps
    code="S5",
    trigger=expand_class(MARK_CLASS) + TATWEEL,
    profiles=("search",),
    produces=" ",
)
def strip_diacritics(match: re.Match[str], ctx: Context) -> str:
    """Delete every Arabic combining mark (harakat, tanween, shadda, Quranic marks) and tatweel.

    A mark shown on its own on an NBSP carrier goes with its carrier, which becomes a space.

    >>> from arnorm.chars.search import strip_diacritics
    >>> strip_diacritics("العَرَبِيَّة هـ")
    'العربية ه'
    """
    return "" if match.group()[0] in _MARKS_AND_TATWEEL else " "


RULES = (fold_alef, fold_teh_marbuta, fold_alef_maksura, strip_diacritics)
