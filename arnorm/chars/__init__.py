"""Document and character rules, one module per family, in pipeline order."""

from __future__ import annotations

from arnorm.chars import digits, marks, search, spaces, unicode

RULES = (
    *unicode.RULES,
    *spaces.RULES,
    *marks.RULES,
    *digits.RULES,
    *search.RULES,
    *unicode.LAST_RULES,
)
OPTIONS = (*digits.OPTIONS,)
