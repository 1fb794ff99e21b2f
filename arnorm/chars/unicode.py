"""Unicode normalisation rules (U): the output is always NFC.

NFC comes from ``unicodedata2``, pinned to one Unicode version, so a corpus cleaned under
Python 3.11 and 3.13 comes out the same (the standard library's tables follow the Python
version).
"""

from __future__ import annotations

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.context import Context
from arnorm.rule import Phase, rewrite


def to_nfc(text: str) -> str:
    """Return ``text`` in NFC (shared by every rule that must re-normalise after an edit)."""
    normalized: str = unicodedata2.normalize("NFC", text)
    return normalized


def is_nfc(text: str) -> bool:
    """Whether ``text`` is already in NFC (with the pinned Unicode version)."""
    return to_nfc(text) == text


@rewrite("unicode.nfc", code="U1", trigger=None, phase=Phase.DOCUMENT)
def nfc(text: str, ctx: Context) -> str:
    """Compose the text to NFC: decomposed hamza and madda join their letter, marks are ordered.

    With NFC a vowel comes before shadda (ORTHOGRAPHY.md §0.1): that is the stored order.

    >>> from arnorm.chars.unicode import nfc
    >>> nfc("ا\\u0654سد") == "أسد"
    True
    >>> nfc("\\u0631\\u0651\\u064e") == "\\u0631\\u064e\\u0651"  # shadda + fatha -> fatha + shadda
    True
    """
    return to_nfc(text)


@rewrite("unicode.renormalize", code="U1", trigger=None, phase=Phase.CHARACTER)
def renormalize(text: str, ctx: Context) -> str:
    """Compose to NFC again after the character rules, which may delete or change marks.

    Deleting a mark can leave a sequence NFC would compose (``e`` + ``\u0654`` + ``\u0301``
    without the hamza is ``é``), so the output is NFC whatever the rules did.

    >>> from arnorm.chars.unicode import renormalize
    >>> renormalize("e\u0301") == "\u00e9"
    True
    """
    return to_nfc(text)


RULES = (nfc,)
LAST_RULES = (renormalize,)
