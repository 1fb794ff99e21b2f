"""Code-point sets and maps shared by the character rules.

Every set is written with ``\\N{...}`` names or ``\\uXXXX`` escapes so a reviewer can read it,
and built once at import time.  Sets ending in ``_CLASS`` are the body of a regular-expression
character class (no brackets), usable with the standard :mod:`re` module, which scans
character classes several times faster than :mod:`regex` (see ``docs/performance.md``).
"""

from __future__ import annotations


def expand_class(body: str) -> str:
    """The characters of a character-class body with ``a-z`` ranges, for use as a trigger.

    >>> expand_class("a-c\u0640")
    'abc\u0640'
    """
    characters: list[str] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            characters.extend(chr(c) for c in range(ord(body[index]), ord(body[index + 2]) + 1))
            index += 3
        else:
            characters.append(body[index])
            index += 1
    return "".join(characters)


# Arabic letters: ≈ [\p{Arabic}&&\p{Lo}], tatweel excluded (ORTHOGRAPHY.md §1.1, LETTER).
LETTER_CLASS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u0870-\u0887\u0889-\u088f\u08a0-\u08c8"
)
# Arabic combining marks: ≈ [\p{scx=Arabic}&&\p{Mn}] (ARMARK).
MARK_CLASS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0897-\u089f\u08ca-\u08e1\u08e3-\u08ff"
)

FATHATAN = "\N{ARABIC FATHATAN}"
DAMMATAN = "\N{ARABIC DAMMATAN}"
KASRATAN = "\N{ARABIC KASRATAN}"
FATHA = "\N{ARABIC FATHA}"
DAMMA = "\N{ARABIC DAMMA}"
KASRA = "\N{ARABIC KASRA}"
SHADDA = "\N{ARABIC SHADDA}"
SUKUN = "\N{ARABIC SUKUN}"
TATWEEL = "\N{ARABIC TATWEEL}"
ALEF = "\N{ARABIC LETTER ALEF}"
HAMZA = "\N{ARABIC LETTER HAMZA}"
TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"

TANWEEN = FATHATAN + DAMMATAN + KASRATAN
SHORT_VOWELS = FATHA + DAMMA + KASRA
# Each tanween and the short vowel of its family (the neighbouring key on Arabic keyboards).
SHORT_VOWEL_OF_TANWEEN = {FATHATAN: FATHA, DAMMATAN: DAMMA, KASRATAN: KASRA}
# Letters that can only end a word: a tanween on them is never medial (M2 exception c).
ALWAYS_FINAL = TEH_MARBUTA + ALEF_MAKSURA

# Spaces that I7 turns into U+0020 (NBSP and the typographic spaces).
SPACE_LIKE_CLASS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

# Digits.
WESTERN_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "".join(chr(0x0660 + i) for i in range(10))  # ٠١٢٣٤٥٦٧٨٩
PERSIAN_DIGITS = "".join(chr(0x06F0 + i) for i in range(10))  # ۰۱۲۳۴۵۶۷۸۹ (Extended Arabic-Indic)
ARABIC_DECIMAL_SEPARATOR = "\N{ARABIC DECIMAL SEPARATOR}"  # ٫
ARABIC_THOUSANDS_SEPARATOR = "\N{ARABIC THOUSANDS SEPARATOR}"  # ٬
ARABIC_PERCENT_SIGN = "\N{ARABIC PERCENT SIGN}"  # ٪
ARABIC_PER_MILLE_SIGN = "\N{ARABIC-INDIC PER MILLE SIGN}"  # ؉
DIGIT_TO_WESTERN = {
    **{d: WESTERN_DIGITS[i] for i, d in enumerate(ARABIC_INDIC_DIGITS)},
    **{d: WESTERN_DIGITS[i] for i, d in enumerate(PERSIAN_DIGITS)},
}

# Line breaks other than LF that the whitespace family turns into LF.
LINE_BREAKS = "\r\u0085\u2028\u2029"
