"""Visual-order (reversed) Arabic detection (V1): the text is flagged and left alone.

PDF extraction and legacy "visual" pages store Arabic in display order, left to right
(``ةيبرعلا`` for ``العربية``).  Undoing that is not unique (digits, brackets, line order), so
arnorm only detects it; the ``visual`` gate then turns off the rules that would damage such
text: presentation forms (positional forms are evidence) and marks (they come first there).
"""

from __future__ import annotations

import re

from arnorm.chars.forms import NOMINAL, map_runs
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
_NOT_LETTER = re.compile(f"[^{LETTER_CLASS}]")
_FORM = re.compile(f"[{PRESENTATION_FORMS_CLASS}]")
# Look-alikes the letter rules map (ۃ → ة; a final ی → ى): counted as what they become.
_FINAL_ONLY = "\u0629\u0649\u06c3"
_FINAL_SIGNAL = _FINAL_ONLY + "\u06cc"
# The letters the score reads (ال starts a word, لا, ة, ى, ۃ or ی ends one, ة, ى or ۃ starts
# one): a rule that takes or writes one may change the score after the gate was read (S2
# folds ة), and the pipeline then reads the gate again (pipeline._shifts_signals).
SIGNAL_LETTERS = frozenset("\u0627\u0644" + _FINAL_SIGNAL)
# Signals need at least this many tokens before the score decides anything.
MIN_SIGNALS = 5

# The characters of a word that are not letters (marks, tatweel, joiners): deleted, so that
# each word is a run of letters.  Presentation forms are first written as their letters.
_NOT_LETTER_IN_WORD = re.compile(
    "["
    + "".join(
        re.escape(character)
        for character in sorted(
            set(expand_class(f"{MARK_CLASS}{TATWEEL}{ZWJ}{ZWNJ}")) - set(expand_class(LETTER_CLASS))
        )
    )
    + "]+"
)
# The signals in a text of letter runs (patterns start with their literal or a small class).
_STARTS_WITH_AL = re.compile(f"\u0627\u0644(?<![{LETTER_CLASS}]\u0627\u0644)")
_ENDS_WITH_FINAL = re.compile(
    f"[{_FINAL_SIGNAL}](?<=[{LETTER_CLASS}][{_FINAL_SIGNAL}])(?![{LETTER_CLASS}])"
)
_ENDS_WITH_LA = re.compile(
    f"\u0644\u0627(?<=[{LETTER_CLASS}]{{2}}\u0644\u0627)(?![{LETTER_CLASS}])"
)
_STARTS_WITH_FINAL = re.compile(
    f"[{_FINAL_ONLY}](?<![{LETTER_CLASS}][{_FINAL_ONLY}])(?=[{LETTER_CLASS}])"
)


# Each presentation form as the letters it stands for (a mark's form: nothing).
_FORM_LETTERS = {
    form: _NOT_LETTER.sub("", NOMINAL.get(form, form))
    for form in expand_class(PRESENTATION_FORMS_CLASS)
}


_FORM_LETTERS_TABLE = str.maketrans(_FORM_LETTERS)
_FORM_RUNS = re.compile(f"({_FORM.pattern}+)")


def _as_letters(text: str) -> str:
    """``text`` with each presentation form written as its letters (a mark's form: nothing),
    the runs of forms translated apart from the rest (:func:`arnorm.chars.forms.map_runs`)."""
    return map_runs(_FORM_RUNS, _FORM_LETTERS_TABLE, text, _FORM)


def visual_order_score(text: str) -> float | None:
    """The share of reversed-order signals among all order signals, or None when too few.

    Forward signals: words that start with ``ال`` or end with ``ة``/``ى``.  Reversed signals:
    words (4 letters or more) that end with ``لا``, and words that start with ``ة``/``ى``, two
    letters that only ever end a word.  A word is a run of letters, marks, tatweels, joiners
    and presentation forms; its signals are read from its letters (forms as their letters).

    >>> visual_order_score("ةيبرعلا ةغللا يف ةسردملا ةلاسرلا ةمكحملا")
    1.0
    >>> visual_order_score("العربية اللغة في المدرسة الرسالة المحكمة")
    0.0
    >>> visual_order_score("نص قصير") is None
    True
    """
    # Each word becomes its letters, in place: the words are then the runs of letters, and
    # each signal is counted by one scan (a loop over the words costs a call per word).
    if _FORM.search(text):
        text = _as_letters(text)
    letters = _NOT_LETTER_IN_WORD.sub("", text)
    forward = len(_STARTS_WITH_AL.findall(letters)) + len(_ENDS_WITH_FINAL.findall(letters))
    reversed_ = len(_ENDS_WITH_LA.findall(letters)) + len(_STARTS_WITH_FINAL.findall(letters))
    total = forward + reversed_
    if total < MIN_SIGNALS:
        return None
    return reversed_ / total


_WORD_CLASS = f"{LETTER_CLASS}{MARK_CLASS}{TATWEEL}{ZWJ}{ZWNJ}{PRESENTATION_FORMS_CLASS}"
_IN_WORD = _NOT_LETTER_IN_WORD.pattern[:-1]  # (the class of what the score deletes, no "+")
# Reversed-signal candidates in a text without presentation forms, found by patterns that
# start with a literal or a small class (so the scan runs in C between candidates) and check
# the neighbours by lookarounds.  They must find every signal the score counts, which reads
# the text with marks, tatweels and joiners deleted; so a candidate is rejected only by what
# the deletion keeps:
# ة/ى not right after a letter (a word that may start with them: "ـةبب" is one), one pattern
# per letter: a pattern that starts with a literal is scanned for at C speed, one that starts
# with a class is tried at every position (3.5 → 1.4 ms per MB of diacritised text) ...
_FINALS_AT_START = tuple(
    (final, re.compile(f"{final}(?<![{LETTER_CLASS}]{final})")) for final in _FINAL_ONLY
)
# ... and ل, marks, ا not right before a letter ("لاً" ends a word too), with at least two
# word characters before it (the two letters of a word of four).
_LA_AT_END = re.compile(
    f"\u0644(?<=[{_WORD_CLASS}]{{2}}\u0644){_IN_WORD}*\u0627(?![{LETTER_CLASS}])"
)


# The letters a reversed signal is made of (ة ى ۃ starting a word, the ل of a final لا), and
# the presentation forms written with one of them.
_REVERSED_LETTERS = _FINAL_ONLY + "\u0644"
_REVERSED_MATERIAL = re.compile(
    "["
    + _REVERSED_LETTERS
    + "".join(
        sorted(
            form
            for form, letters in _FORM_LETTERS.items()
            if any(letter in letters for letter in _REVERSED_LETTERS)
        )
    )
    + "]"
)


# The presentation forms that may add a reversed signal once written as their letters: those
# written with a letter of one or with an alef (ﻻ, ﺔ, ﺎ after a ل), and those written as no
# letter (ﹰ, ﷺ: gone from between the ل and ا of a final لا).  Each adds at most one.
_MAY_ADD_REVERSED = re.compile(
    "["
    + "".join(
        sorted(
            form
            for form, letters in _FORM_LETTERS.items()
            if not letters or any(letter in letters for letter in _REVERSED_LETTERS + "\u0627")
        )
    )
    + "]"
)


def _has_reversed_candidates(text: str, has_forms: bool | None = None) -> bool:
    """Whether the score may exceed 0.5 with enough signals; ``False`` only when it cannot.

    At least 3 places that may be reversed signals (a superset of them), and more of them than
    the sure forward signals (an ``ال`` after a space or a line break starts a word whatever is
    deleted): with fewer, the word-by-word count is skipped.  With presentation forms, the
    places found in the text as it is, plus each form that may add one once written as its
    letters (writing the others as letters only puts a letter where a candidate needed none).
    ``has_forms``: whether ``text`` has presentation forms, when the caller knows."""
    reversed_ = 0
    forward = None
    if has_forms or (has_forms is None and _FORM.search(text)):
        # With forms, no letter of a reversed signal and no form written with one (a text of
        # isolated harakat or ﷺ): no reversed signal, and no pass over it.
        if _REVERSED_MATERIAL.search(text) is None:
            return False
        # (A page of one ligature was scored word by word: 25 ms a megabyte.)  The forms are
        # counted only until there are enough (a page of ﻼ: a list of 333,000 of them, 36 ms).
        forward = _sure_forward(text)
        reversed_ = _count_up_to(_MAY_ADD_REVERSED, text, max(3, forward + 1))
    reversed_ += len(_LA_AT_END.findall(text))
    for final, pattern in _FINALS_AT_START:
        if final in text:
            reversed_ += len(pattern.findall(text))
    if reversed_ < 3:
        return False
    return reversed_ > (_sure_forward(text) if forward is None else forward)


def _sure_forward(text: str) -> int:
    """The ``ال`` that start a word whatever is deleted: after a space, a line break, or first."""
    return (
        text.count(" \u0627\u0644") + text.count("\n\u0627\u0644") + text.startswith("\u0627\u0644")
    )


_COUNT_BLOCK = 4096


def _count_up_to(pattern: re.Pattern[str], text: str, enough: int) -> int:
    """The matches of ``pattern`` (one character, no look-around: a block's edge changes none)
    in ``text``, counted block by block, blocks that double, until there are ``enough``."""
    count = 0
    start = 0
    size = _COUNT_BLOCK
    while start < len(text) and count < enough:
        count += len(pattern.findall(text, start, start + size))
        start += size
        size *= 2
    return count


def is_visual_order(text: str, has_forms: bool | None = None) -> bool:
    """Whether ``text`` looks like visual-order Arabic (score above 0.5, enough signals).

    ``has_forms`` says whether ``text`` has presentation forms, when the caller already knows.
    """
    if not text or not _has_reversed_candidates(text, has_forms):
        return False
    score = visual_order_score(text)
    return score is not None and score > 0.5
