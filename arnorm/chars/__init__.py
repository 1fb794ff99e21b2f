"""Document and character rules, one module per family, in pipeline order.

The order is the rulebook's (ORTHOGRAPHY.md §2): encoding repair (E), NFC (U1), the search
profile's NFKC and mark deletion (S6, S5), invisible characters (I1–I6, in the document phase:
see :mod:`arnorm.chars.invisible`), the search profile's joiners (S7), then, outside
protected spans, presentation forms (U2), spaces (I7), look-alike letters (L), tatweel (T),
the search profile's letter folds (S1-S4: the mark rules judge the letters they write), marks
(M), digits (D), punctuation (P), the search profile's ASCII punctuation (S7), and a final
NFC; with
``mark_order="display"`` (opt-in, M6) the marks are then put in display order, after the NFC.
"""

from __future__ import annotations

from arnorm.chars import (
    digits,
    encoding,
    forms,
    invisible,
    letters,
    marks,
    punctuation,
    search,
    spaces,
    tatweel,
    unicode,
)

RULES = (
    *encoding.RULES,
    *unicode.RULES,
    spaces.line_breaks,
    *search.FOLDS_BEFORE_INVISIBLE,
    *invisible.RULES,
    *search.FOLDS_AFTER_INVISIBLE,
    *forms.RULES,
    spaces.nbsp_to_space,
    *letters.RULES,
    *tatweel.RULES,
    *search.LETTER_FOLDS,
    *letters.LATER_RULES,
    *marks.RULES,
    *digits.RULES,
    *punctuation.RULES,
    *search.RULES,
    *unicode.LAST_RULES,
    *marks.LAST_RULES,
)
OPTIONS = (
    *encoding.OPTIONS,
    *invisible.OPTIONS,
    *forms.OPTIONS,
    *letters.OPTIONS,
    *tatweel.OPTIONS,
    *marks.OPTIONS,
    *digits.OPTIONS,
    *punctuation.OPTIONS,
)
