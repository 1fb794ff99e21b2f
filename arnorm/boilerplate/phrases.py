"""The boilerplate lexicon: phrase lists as data files, matched after a light folding.

Each file in ``arnorm/boilerplate/phrases/`` holds one phrase a line (``#`` starts a comment).
Phrases and lines are compared after :func:`fold`, so spelling variants of one phrase
("اقرأ أيضاً", "إقرأ ايضا:", "اقرأ أيضًا") are one entry.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_LETTER_FOLDS = str.maketrans(
    {
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",  # أ إ آ ٱ → ا
        "\u0629": "\u0647",  # ة → ه
        "\u0649": "\u064a",  # ى → ي
    }
)


def fold(text: str) -> str:
    """Fold a line for phrase matching: no marks or tatweel, one alef, ه for ة, ي for ى,
    no punctuation at the edges, single spaces.

    >>> fold("إقرأ أيضاً:") == fold("اقرأ ايضا") == "اقرا ايضا"
    True
    """
    text = _DIACRITICS.sub("", text).translate(_LETTER_FOLDS)
    return _SPACES.sub(" ", _EDGE_PUNCTUATION.sub("", text))


@cache
def load(kind: str) -> frozenset[str]:
    """The folded phrases of one lexicon file (``trailer_headers``, ...)."""
    data = resources.files("arnorm.boilerplate").joinpath(f"phrases/{kind}.txt").read_text("utf-8")
    phrases = (line.split("#", 1)[0].strip() for line in data.splitlines())
    return frozenset(fold(phrase) for phrase in phrases if phrase)
