"""Harakat and tanween rules (M), skipped for Quranic and visual-order documents.

A *cluster* is a base character and the combining marks after it (in NFC order).  A cluster
is word-final when the next base, skipping bare tatweels, is not an Arabic letter.
"""

from __future__ import annotations

import re

from arnorm.chars.tables import (
    ALEF,
    ALEF_MAKSURA,
    ALWAYS_FINAL,
    FATHATAN,
    HAMZA,
    LETTER_CLASS,
    MARK_CLASS,
    SHORT_VOWEL_OF_TANWEEN,
    SHORT_VOWELS,
    SUKUN,
    TANWEEN,
    TATWEEL,
)
from arnorm.context import Context
from arnorm.rule import substitution

# No tanween before the first one: a run of marks splits one way only (linear time).
_MARK_NOT_TANWEEN = MARK_CLASS.replace("\u064b-\u065f", "\u064e-\u065f")
_STRAY_TANWEEN = re.compile(
    rf"(?P<base>[{LETTER_CLASS}])(?P<marks>[{_MARK_NOT_TANWEEN}]*[{TANWEEN}][{MARK_CLASS}]*)"
    # not word-final: the next base (after bare tatweels) is a letter; look one letter further
    # to tell a word-final support alef or alef maksura (كتابًا، هُدًى) from a medial letter.
    rf"(?={TATWEEL}*(?P<next>[{LETTER_CLASS}])[{MARK_CLASS}]*(?P<after>[{LETTER_CLASS}{TATWEEL}])?)"
)


@substitution(
    "marks.stray_tanween",
    _STRAY_TANWEEN,
    code="M2",
    trigger=TANWEEN,
    skip_when=("quranic", "visual"),
    produces=SHORT_VOWELS,
)
def stray_tanween(match: re.Match[str], ctx: Context) -> str:
    """Turn a tanween that is not word-final into the short vowel of its family.

    Tanween is written only on the last letter of a word; inside a word it is a slip to the
    neighbouring key (ٌ for ُ).  Left alone: fathatan before a word-final support alef or
    alef maksura (كتابًا، هُدًى), tanween on ة or ى, fathatan on a bare alef and tanween on a
    hamza after alef (a missing space: شكراًجزيلاً، ماءٌبارد), and clusters with two vowels.

    >>> from arnorm.chars.marks import stray_tanween
    >>> stray_tanween("حيث تٌفرض على روسيا")
    'حيث تُفرض على روسيا'
    >>> stray_tanween("كتابًا") == "كتابًا"
    True
    """
    base, marks = match.group("base"), match.group("marks")
    tanween = [mark for mark in marks if mark in TANWEEN]
    if len(tanween) != 1 or any(mark in SHORT_VOWELS or mark == SUKUN for mark in marks):
        return match.group()
    if base in ALWAYS_FINAL:
        return match.group()
    if tanween[0] == FATHATAN:
        if base == ALEF:
            return match.group()
        # An alef followed by madda or hamza (a decomposed آ أ إ) is a letter, not a support.
        following = match.string[match.end("next") : match.end("next") + 1]
        if (
            match.group("next") in (ALEF, ALEF_MAKSURA)
            and match.group("after") is None
            and following not in ("\u0653", "\u0654", "\u0655")
        ):
            return match.group()
    if base == HAMZA and match.start() > 0 and match.string[match.start() - 1] == ALEF:
        return match.group()
    return base + marks.replace(tanween[0], SHORT_VOWEL_OF_TANWEEN[tanween[0]])


RULES = (stray_tanween,)
