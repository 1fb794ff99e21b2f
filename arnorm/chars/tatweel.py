"""Tatweel (T): the decorative stretch between two letters of a word is deleted.

Tatweel (kashida, U+0640) only lengthens a join; between two letters of one word it carries no
content.  Everywhere else it may mean something and stays: after a number (``1445 هـ``, the
Hijri abbreviation keeps its heh visibly non-final), at a word start (``ـها``, a suffix cited on
its own), before a quote, digit or space (``بـ"``, ``الـ17``), in runs used as a dash or rule,
and under marks (``كـُتب``, ``هـٰذا``: the tatweel carries the mark).  With
``move_tatweel_marks=True`` (opt-in, T2) the harakat on a tatweel inside a word move to the
bare letter before it (``كـُتب`` → ``كُتب``); a dagger alef stays on its tatweel (``هـٰذا``).
"""

from __future__ import annotations

import re

from arnorm.chars.tables import LETTER_CLASS, MARK_CLASS, TATWEEL
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import substitution

OPTIONS = (
    Option(
        "move_tatweel_marks",
        False,
        (False, True),
        "Move the harakat a tatweel carries inside a word onto the bare letter before it and "
        "delete the tatweel (كـُتب → كُتب; rule T2). Off by default: the tatweel is kept. A "
        "dagger alef on tatweel (هـٰذا) and a tatweel that names a mark (ـَ) always stay.",
        example='clean("كـُتب", move_tatweel_marks=True) gives "كُتب"',
    ),
)

_LETTER = re.compile(f"[{LETTER_CLASS}]")
_MARK = re.compile(f"[{MARK_CLASS}]")


def _letter_before(text: str, index: int) -> bool:
    """Whether the base before ``index`` (skipping its marks) is an Arabic letter."""
    while index > 0 and _MARK.match(text, index - 1):
        index -= 1
    return index > 0 and _LETTER.match(text, index - 1) is not None


# In the text read backwards, a run of tatweel with a letter before it (after it, forwards) and
# marks and a letter after it (before it, forwards): a look-ahead skips the marks, however many,
# and the scan runs in C from one tatweel to the next.
_DECORATIVE_REVERSED = re.compile(
    f"{TATWEEL}(?<=[{LETTER_CLASS}]{TATWEEL}){TATWEEL}*(?=[{MARK_CLASS}]*[{LETTER_CLASS}])"
)


def _decorative_fast(text: str, ctx: Context) -> str:
    # T1 with a constant replacement: no call to Python per run of tatweel (a tatweel between
    # every two letters was 4x ordinary text).  The text itself when nothing changes: the
    # pipeline tells a change by identity.
    result = _DECORATIVE_REVERSED.sub("", text[::-1])[::-1]
    return text if result == text else result


@substitution(
    "tatweel.decorative",
    # Only from the start of a run (the look-behind): a long run of tatweel with no letter
    # after it is then tried once, not once per tatweel (quadratic).
    f"{TATWEEL}(?<!{TATWEEL}{TATWEEL}){TATWEEL}*(?=[{LETTER_CLASS}])",
    code="T1",
    trigger=TATWEEL,
    skip_when=("quranic",),
    produces="",
    fast=_decorative_fast,
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


# The harakat T2 moves (tanween, short vowels, shadda, sukun): not the dagger alef, which the
# tatweel carries by design (هـٰذا), nor hamza or madda, which would make another letter.
_HARAKAT = "\u064b-\u0652"


def _move_tatweel_marks(options: Options) -> bool:
    return options["move_tatweel_marks"] is True


@substitution(
    "tatweel.move_marks",
    # From the first tatweel after a letter (the look-behind), then the harakat and a letter.
    f"{TATWEEL}(?<=[{LETTER_CLASS}]{TATWEEL}){TATWEEL}*(?P<marks>[{_HARAKAT}]+)"
    f"(?![{MARK_CLASS}])(?=[{LETTER_CLASS}])",
    code="T2",
    trigger=TATWEEL,
    skip_when=("quranic", "visual"),
    enabled_if=_move_tatweel_marks,
    produces="",
)
def move_marks(match: re.Match[str], ctx: Context) -> str:
    """Move the harakat on a tatweel inside a word onto the bare letter before it (opt-in).

    ``move_tatweel_marks=True``: كـُتب → كُتب.  Only when the letter before has no marks of
    its own and a letter follows; a dagger alef on tatweel (هـٰذا, its recommended encoding) and
    a tatweel that carries a mark to name it (``ـَ``) stay.

    >>> from arnorm.chars.tatweel import move_marks
    >>> move_marks("كـُتب الدرس", move_tatweel_marks=True)
    'كُتب الدرس'
    >>> move_marks("هـٰذا وكـُتب") == "هـٰذا وكـُتب"  # off by default
    True
    >>> move_marks("هـٰذا الفتحة ـَ", move_tatweel_marks=True) == "هـٰذا الفتحة ـَ"
    True
    """
    return match.group("marks")


RULES = (decorative, move_marks)
