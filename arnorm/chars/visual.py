"""Visual-order (reversed) Arabic detection (V1): the text is flagged and left alone.

PDF extraction and legacy "visual" pages store Arabic in display order, left to right
(``ةيبرعلا`` for ``العربية``).  Undoing that is not unique (digits, brackets, line order), so
arnorm only detects it; the ``visual`` gate then turns off the rules that would damage such
text: presentation forms (positional forms are evidence) and marks (they come first there).
"""

from __future__ import annotations

import re

from arnorm.chars.tables import (
    LETTER_CLASS,
    MARK_CLASS,
    PRESENTATION_FORMS_CLASS,
    TATWEEL,
    ZWJ,
    ZWNJ,
    expand_class,
)

# A word is a run of letters with the marks, tatweels, joiners and presentation forms inside
# it: the score must be the same before and after the rules that delete or map those.
_WORD = re.compile(f"[{LETTER_CLASS}{MARK_CLASS}{TATWEEL}{ZWJ}{ZWNJ}{PRESENTATION_FORMS_CLASS}]+")
_NOT_LETTER = re.compile(f"[^{LETTER_CLASS}]")
_FORM = re.compile(f"[{PRESENTATION_FORMS_CLASS}]")
# Look-alikes the letter rules map (ۃ → ة; a final ی → ى): counted as what they become.
_FINAL_ONLY = "\u0629\u0649\u06c3"
_FINAL_SIGNAL = _FINAL_ONLY + "\u06cc"
# Signals need at least this many tokens before the score decides anything.
MIN_SIGNALS = 5


def visual_order_score(text: str) -> float | None:
    """The share of reversed-order signals among all order signals, or None when too few.

    Forward signals: words that start with ``ال`` or end with ``ة``/``ى``.  Reversed signals:
    words (4 letters or more) that end with ``لا``, and words that start with ``ة``/``ى``, two
    letters that only ever end a word.

    >>> visual_order_score("ةيبرعلا ةغللا يف ةسردملا ةلاسرلا ةمكحملا")
    1.0
    >>> visual_order_score("العربية اللغة في المدرسة الرسالة المحكمة")
    0.0
    >>> visual_order_score("نص قصير") is None
    True
    """
    forward = reversed_ = 0
    for run in _WORD.findall(text):
        if _FORM.search(run):
            from arnorm.chars.forms import NOMINAL

            run = "".join(NOMINAL.get(character, character) for character in run)
        word = _NOT_LETTER.sub("", run)
        if len(word) < 2:
            continue
        if word.startswith("\u0627\u0644"):
            forward += 1
        if word[-1] in _FINAL_SIGNAL:
            forward += 1
        if len(word) >= 4 and word.endswith("\u0644\u0627"):
            reversed_ += 1
        if word[0] in _FINAL_ONLY:
            reversed_ += 1
    total = forward + reversed_
    if total < MIN_SIGNALS:
        return None
    return reversed_ / total


_WORD_CHARACTERS = frozenset(
    expand_class(f"{LETTER_CLASS}{MARK_CLASS}{TATWEEL}{ZWJ}{ZWNJ}{PRESENTATION_FORMS_CLASS}")
)
_FINAL_LETTER = re.compile(f"[{_FINAL_ONLY}]")


def _has_reversed_candidates(text: str) -> bool:
    """At least 3 places that may be reversed signals (a superset of them): without them the
    score cannot exceed 0.5 with 5 signals, and the word-by-word count is skipped.  Literal
    scans and a check of the neighbours: far faster than a pattern with lookbehinds."""
    if _FORM.search(text):
        return True
    found = 0
    for match in _FINAL_LETTER.finditer(text):
        start = match.start()
        if start == 0 or text[start - 1] not in _WORD_CHARACTERS:
            found += 1
            if found >= 3:
                return True
    end_of_text = len(text)
    position = text.find("\u0644\u0627")
    while position >= 0:
        end = position + 2
        if (
            position >= 2
            and text[position - 1] in _WORD_CHARACTERS
            and text[position - 2] in _WORD_CHARACTERS
            and (end == end_of_text or text[end] not in _WORD_CHARACTERS)
        ):
            found += 1
            if found >= 3:
                return True
        position = text.find("\u0644\u0627", end)
    return False


def is_visual_order(text: str) -> bool:
    """Whether ``text`` looks like visual-order Arabic (score above 0.5, enough signals)."""
    if not text or not _has_reversed_candidates(text):
        return False
    score = visual_order_score(text)
    return score is not None and score > 0.5
