"""Code-point sets and maps shared by the character rules.

Every set is written with ``\\N{...}`` names or ``\\uXXXX`` escapes so a reviewer can read it,
and built once at import time.  Sets ending in ``_CLASS`` are the body of a regular-expression
character class (no brackets), usable with the standard :mod:`re` module, which scans
character classes several times faster than :mod:`regex` (see ``docs/performance.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


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


def class_body(characters: Iterable[str]) -> str:
    """The character-class body of ``characters``, runs of code points as ranges (the inverse
    of :func:`expand_class`; each character escaped).

    >>> class_body("cbad+")
    '\\\\+a-d'
    """
    codes = sorted({ord(character) for character in characters})
    parts: list[str] = []
    index = 0
    while index < len(codes):
        end = index
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        first, last = re.escape(chr(codes[index])), re.escape(chr(codes[end]))
        parts.append(first if end == index else f"{first}-{last}")
        index = end + 1
    return "".join(parts)


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

# Arabic-script letters by Unicode joining type (ArabicShaping.txt, Unicode 15), for I4/I5.
# Dual-joining letters join on both sides; right-joining ones (ا د ذ ر ز و ة ...) only to the
# letter before them.  Join-causing: tatweel and ZWJ.  Everything else does not join.
DUAL_JOINING_CLASS = (
    "\u0620\u0626\u0628\u062a-\u062e\u0633-\u063f\u0641-\u0647\u0649-\u064a\u066e-\u066f"
    "\u0678-\u0687\u069a-\u06bf\u06c1-\u06c2\u06cc\u06ce\u06d0-\u06d1\u06fa-\u06fc\u06ff"
    "\u0712-\u0714\u071a-\u071d\u071f-\u0727\u0729\u072b\u072d-\u072e\u074e-\u0758"
    "\u075c-\u076a\u076d-\u0770\u0772\u0775-\u0777\u077a-\u077f\u07ca-\u07ea\u0841-\u0845"
    "\u0848\u084a-\u0853\u0855\u0860\u0862-\u0865\u0868\u0886\u0889-\u088d\u088f"
    "\u08a0-\u08a9\u08af-\u08b0\u08b3-\u08b8\u08ba-\u08c8"
)
RIGHT_JOINING_CLASS = (
    "\u0622-\u0625\u0627\u0629\u062f-\u0632\u0648\u0671-\u0673\u0675-\u0677\u0688-\u0699"
    "\u06c0\u06c3-\u06cb\u06cd\u06cf\u06d2-\u06d3\u06d5\u06ee-\u06ef\u0710\u0715-\u0719"
    "\u071e\u0728\u072a\u072c\u072f\u074d\u0759-\u075b\u076b-\u076c\u0771\u0773-\u0774"
    "\u0778-\u0779\u0840\u0846-\u0847\u0849\u0854\u0856-\u0858\u0867\u0869-\u086a"
    "\u0870-\u0882\u088e\u08aa-\u08ac\u08ae\u08b1-\u08b2\u08b9"
)
JOIN_CAUSING = "\u0640\u07fa\u0883\u0884\u0885\u200d"

# Invisible and format characters (I family).
BOM = "\N{ZERO WIDTH NO-BREAK SPACE}"
SOFT_HYPHEN = "\N{SOFT HYPHEN}"
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
ZWJ = "\N{ZERO WIDTH JOINER}"
ZWSP = "\N{ZERO WIDTH SPACE}"
WORD_JOINER = "\N{WORD JOINER}"
# Bidi controls (an allow-list: never "all Cf": U+0600–0605, U+06DD, U+0890–0891, U+08E2 are
# visible number signs).  LRM RLM ALM, the embeddings and overrides, the isolates.
BIDI_CONTROLS_CLASS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"

# Marks the M rules act on (CORE): tanween, short vowels, shadda, sukun, dagger alef.
CORE_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
SUPERSCRIPT_ALEF = "\N{ARABIC LETTER SUPERSCRIPT ALEF}"
HAMZA_ABOVE = "\N{ARABIC HAMZA ABOVE}"
ALEF_WITH_HAMZA_ABOVE = "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
ALEF_WITH_HAMZA_BELOW = "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"
ALEF_WITH_MADDA = "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
ALEF_WASLA = "\N{ARABIC LETTER ALEF WASLA}"
YEH = "\N{ARABIC LETTER YEH}"
HEH = "\N{ARABIC LETTER HEH}"
KAF = "\N{ARABIC LETTER KAF}"

# Letters of Persian, Urdu, Kurdish and other languages that Arabic never uses: a token that
# contains one is left whole by the look-alike rules (L).
# پ چ ژ گ ٹ ڈ ڑ ں ے ۀ ێ ۆ ڵ ڕ
NON_ARABIC_LETTERS = (
    "\u067e\u0686\u0698\u06af\u0679\u0688\u0691\u06ba\u06d2\u06c0\u06ce\u06c6\u06b5\u0695"
)
FARSI_YEH = "\N{ARABIC LETTER FARSI YEH}"
KEHEH = "\N{ARABIC LETTER KEHEH}"
# Heh look-alikes (heh goal, heh doachashmee, ae) and teh marbuta goal.
HEH_LOOKALIKES = "\u06c1\u06be\u06d5"
AE = "\N{ARABIC LETTER AE}"  # ە, the one of them that joins no letter after it
TEH_MARBUTA_GOAL = "\N{ARABIC LETTER TEH MARBUTA GOAL}"

# Presentation forms (U2): the blocks, and what stays as it is (honorific word ligatures, the
# rial sign, Quranic stop signs, ornate parentheses and the other symbols NFKC would spell out
# wrongly or not at all, noncharacters).
PRESENTATION_FORMS_CLASS = "\ufb50-\ufdcf\ufdf0-\ufdff\ufe70-\ufefe"
PRESENTATION_KEEP = (
    "\ufdfa\ufdfb\ufdfc\ufdf0\ufdf1\ufdfd\ufdfe\ufdff\ufd3e\ufd3f"
    + "".join(chr(c) for c in range(0xFD40, 0xFD50))
    + "\ufdcf"
)

# Punctuation and symbols that can stand before a stray mark (M5a): ASCII, Latin-1, general
# punctuation, Arabic punctuation, CJK punctuation.  U+25CC (dotted circle) is not in it.
# Closed under the rules after M5a: D1 writes ؉ as ‰ (so ؉ is in it, and ؊ with it), P2/P3
# swap ، ؛ ؟ ٪ and , ; ? %.  M5a reads the character right before a mark, so a character
# whose decomposition is one character is in it if and only if that one is: the Greek signs
# NFC writes as ; · ` ´ and the angle brackets it writes as 〈 〉 (seventeenth session: with U1
# disabled, "x " + U+0387 + fatha + "ب" kept its fatha, and the next run, reading the · the
# final NFC wrote, deleted it).  A character that decomposes to more (≠ is = and U+0338) is
# not: decomposed, a non-Arabic mark stands before the Arabic one (tests/test_fast_paths.py).
PUNCTUATION_CLASS = (
    r"!-/:-@\[-`{-~"
    "\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u0609\u060a\u060c\u061b\u061f"
    "\u066a-\u066d"
    "\u06d4\u2e00-\u2e7f\u3001-\u303f\ufd3e\ufd3f"
    "\u037e\u0387\u1fef\u1ffd\u2329\u232a"
)
# Non-Arabic letters and digits that CORE marks cannot belong to (M5c): the digits of the
# three systems D rules write, and the letters (Lu, Ll, Lt, Lo) of Latin (up to Latin
# Extended-B, IPA, Latin Extended Additional), Greek (and Greek Extended), Cyrillic, and the
# three letter-like symbols NFC writes as letters (Ω, K, Å).  Letters only, closed under
# canonical equivalence: a character is in it if and only if the first character of its
# decomposition is (tests/test_fast_paths.py checks both).  Until the seventeenth session the
# Greek and Cyrillic blocks were taken whole (the Cyrillic marks U+0483-U+0487 were bases) and
# ạ, ἀ, Ω (U+2126) were not: with U1 disabled, "Ω" + fatha kept its fatha, which the final
# NFC put on Ω (U+03A9), and the next run deleted it.
FOREIGN_BASE_CLASS = (
    "0-9\u0660-\u0669\u06f0-\u06f9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6"
    "\u00f8-\u02af\u0370-\u0373\u0376\u0377\u037b-\u037d\u037f\u0386\u0388-\u038a"
    "\u038c\u038e-\u03a1\u03a3-\u03f5\u03f7-\u0481\u048a-\u04ff\u1e00-\u1f15"
    "\u1f18-\u1f1d\u1f20-\u1f45\u1f48-\u1f4d\u1f50-\u1f57\u1f59\u1f5b\u1f5d\u1f5f-\u1f7d"
    "\u1f80-\u1fb4\u1fb6-\u1fbc\u1fbe\u1fc2-\u1fc4\u1fc6-\u1fcc\u1fd0-\u1fd3\u1fd6-\u1fdb"
    "\u1fe0-\u1fec\u1ff2-\u1ff4\u1ff6-\u1ffc\u2126\u212a\u212b"
)
# Modifier combining marks (UAX #53): the marks drawn closest to the letter, which the display
# order (M6) puts first in their combining class.  The list of HarfBuzz
# (src/hb-ot-shaper-arabic.cc, modifier_combining_marks).
MODIFIER_COMBINING_MARKS = (
    "\u0654\u0655\u0658\u06dc\u06e3\u06e7\u06e8\u08ca\u08cb\u08cd\u08ce\u08cf\u08d3\u08f3"
)
COMBINING_GRAPHEME_JOINER = "\N{COMBINING GRAPHEME JOINER}"

# Letters after which fathatan + support alef cannot move (M4): alef forms, ة and ى.
NO_FATHATAN_MOVE = "\u0627\u0623\u0625\u0622\u0671\u0629\u0649"


# Every character of the Basic Multilingual Plane with a canonical combining class above 0
# (generated from unicodedata2, the pinned Unicode version; tests/test_fast_paths.py checks
# it).  NFC reorders these among themselves, so a rule that judges a run of marks must take
# them all in: a Syriac mark between two fathas was a border for M1, and the final NFC then put
# the fathas side by side for the next run to judge (found by the atheris fuzzing run).  The
# ~250 beyond U+FFFF (Brahmi, musical notation...) are left out: the engine tests a class with
# ranges beyond the BMP range by range, which made M1 5x slower on every run of marks.
NON_STARTER_CLASS = (
    "\u0300-\u034e\u0350-\u036f\u0483-\u0487\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5"
    "\u05c7-\u05c9\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
    "\u06ea-\u06ed\u0711\u0730-\u074a\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823"
    "\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0897-\u089f\u08ca-\u08e1\u08e3-\u08ff\u093c"
    "\u094d\u0951-\u0954\u09bc\u09cd\u09fe\u0a3c\u0a4d\u0abc\u0acd\u0b3c\u0b4d\u0bcd\u0c3c"
    "\u0c4d\u0c55\u0c56\u0cbc\u0ccd\u0d3b\u0d3c\u0d4d\u0dca\u0e38-\u0e3a\u0e48-\u0e4b"
    "\u0eb8-\u0eba\u0ec8-\u0ecb\u0f18\u0f19\u0f35\u0f37\u0f39\u0f71\u0f72\u0f74"
    "\u0f7a-\u0f7d\u0f80\u0f82-\u0f84\u0f86\u0f87\u0fc6\u1037\u1039\u103a\u108d"
    "\u135d-\u135f\u1714\u1715\u1734\u17d2\u17dd\u18a9\u1939-\u193b\u1a17\u1a18\u1a60"
    "\u1a75-\u1a7c\u1a7f\u1ab0-\u1abd\u1abf-\u1af0\u1b34\u1b44\u1b6b-\u1b73\u1baa\u1bab"
    "\u1be6\u1bf2\u1bf3\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce0\u1ce2-\u1ce8\u1ced\u1cf4"
    "\u1cf8\u1cf9\u1dc0-\u1dff\u20d0-\u20dc\u20e1\u20e5-\u20f0\u2cef-\u2cf1\u2d7f"
    "\u2de0-\u2dff\u302a-\u302f\u3099\u309a\ua66f\ua674-\ua67d\ua69e\ua69f\ua6f0\ua6f1"
    "\ua806\ua82c\ua8c4\ua8e0-\ua8f1\ua92b-\ua92d\ua953\ua9b3\ua9c0\uaab0\uaab2-\uaab4"
    "\uaab7\uaab8\uaabe\uaabf\uaac1\uaaf6\uabed\ufb1e\ufe20-\ufe2f"
)
# The ~250 non-starters beyond the BMP, for the few patterns that test them only after a form
# or an NBSP (U2's marks after a form, I7's carrier), where a class with these ranges costs
# nothing on ordinary text: a Brahmi virama (class 9) after the marks U2 wrote went in front
# of them in the final NFC, and the next run judged them again (found by the mutation search,
# ninth session; tests/test_fast_paths.py checks the list).
ASTRAL_NON_STARTER_CLASS = (
    "\U000101fd\U000102e0\U00010376-\U0001037a\U00010a0d\U00010a0f\U00010a38-\U00010a3a"
    "\U00010a3f\U00010ae5-\U00010ae6\U00010d24-\U00010d27\U00010d69-\U00010d6d"
    "\U00010eab-\U00010eac\U00010ecb-\U00010ecf\U00010ef0-\U00010efb\U00010efd-\U00010eff"
    "\U00010f46-\U00010f50\U00010f82-\U00010f85\U00011046\U00011070\U0001107f"
    "\U000110b9-\U000110ba\U00011100-\U00011102\U00011133-\U00011134\U00011173\U000111c0"
    "\U000111ca\U00011235-\U00011236\U000112e9-\U000112ea\U0001133b-\U0001133c\U0001134d"
    "\U00011366-\U0001136c\U00011370-\U00011374\U000113ce-\U000113d0\U00011442\U00011446"
    "\U0001145e\U000114c2-\U000114c3\U000115bf-\U000115c0\U0001163f\U000116b6-\U000116b7"
    "\U0001172b\U00011839-\U0001183a\U0001193d-\U0001193e\U00011943\U000119e0\U00011a34"
    "\U00011a47\U00011a99\U00011c3f\U00011d42\U00011d44-\U00011d45\U00011d97"
    "\U00011f41-\U00011f42\U0001612f\U00016af0-\U00016af4\U00016b30-\U00016b36"
    "\U00016ff0-\U00016ff1\U0001bc9e\U0001d127-\U0001d128\U0001d165-\U0001d169"
    "\U0001d16d-\U0001d172\U0001d17b-\U0001d182\U0001d185-\U0001d18b\U0001d1aa-\U0001d1ad"
    "\U0001d242-\U0001d244\U0001d250-\U0001d252\U0001d25b-\U0001d25c\U0001d25f"
    "\U0001d280-\U0001d281\U0001e000-\U0001e006\U0001e008-\U0001e018\U0001e01b-\U0001e021"
    "\U0001e023-\U0001e024\U0001e026-\U0001e02a\U0001e08f\U0001e130-\U0001e136\U0001e2ae"
    "\U0001e2ec-\U0001e2ef\U0001e4ec-\U0001e4ef\U0001e5ee-\U0001e5ef\U0001e6e3\U0001e6e6"
    "\U0001e6ee-\U0001e6ef\U0001e6f5\U0001e8d0-\U0001e8d6\U0001e944-\U0001e94a"
)
# The marks a cluster takes in: the Arabic marks and every other combining mark NFC reorders
# among them (M1's runs of marks, U2's marks around the forms).
CLUSTER_MARK_CLASS = MARK_CLASS + NON_STARTER_CLASS
# The same with the non-starters beyond the BMP: only where the class is tested after a form,
# a mark or an NBSP (see ASTRAL_NON_STARTER_CLASS).
ALL_CLUSTER_MARK_CLASS = CLUSTER_MARK_CLASS + ASTRAL_NON_STARTER_CLASS
# The starters NFC composes with the character before them (NFC_Quick_Check=Maybe and class
# 0): Hangul vowels and final consonants, and the second half of a few Indic and other vowel
# signs (tests/test_fast_paths.py checks the list against the pinned unicodedata2).
COMPOSING_STARTER_CLASS = (
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0cc2\u0cd5\u0cd6\u0d3e\u0d57\u0dcf\u0ddf"
    "\u102e\u1161-\u1175\u11a8-\u11c2\u1b35\U00011127\U0001133e\U00011357\U000113b8"
    "\U000113bb\U000113c2\U000113c9\U000114b0\U000114ba\U000114bd\U000115af\U00011930"
    "\U0001611e-\U00016120\U00016129\U00016d67"
)
# The non-starters NFC composes with a starter before them (the second half of a primary
# composite: U+0301 in é, U+0654 in أ).  Where a text in NFC has none, NFC composes nothing
# across a starter (arnorm.chars.forms; tests/test_fast_paths.py checks the list).
COMPOSING_NON_STARTER_CLASS = (
    "\u0300-\u0304\u0306-\u030c\u030f\u0311\u0313-\u0314\u031b\u0323-\u0328\u032d-\u032e"
    "\u0330-\u0331\u0338\u0342\u0345\u0653-\u0655\u093c\u0c56\u0dca\u3099-\u309a\U000110ba"
)
# The characters of the BMP that NFC replaces (NFC_Quick_Check=No): singletons (U+212B Å,
# the CJK compatibility ideographs) and composites excluded from composition (U+0958, the
# Hebrew presentation forms); tests/test_fast_paths.py checks the list.  With the composing
# starters and non-starters, they are what NFC's quick check cannot pass
# (arnorm.chars.unicode.to_nfc).
NFC_REPLACED_CLASS = (
    "\u0340-\u0341\u0343-\u0344\u0374\u037e\u0387\u0958-\u095f\u09dc-\u09dd\u09df\u0a33"
    "\u0a36\u0a59-\u0a5b\u0a5e\u0b5c-\u0b5d\u0f43\u0f4d\u0f52\u0f57\u0f5c\u0f69\u0f73"
    "\u0f75-\u0f76\u0f78\u0f81\u0f93\u0f9d\u0fa2\u0fa7\u0fac\u0fb9\u1f71\u1f73\u1f75\u1f77"
    "\u1f79\u1f7b\u1f7d\u1fbb\u1fbe\u1fc9\u1fcb\u1fd3\u1fdb\u1fe3\u1feb\u1fee-\u1fef\u1ff9"
    "\u1ffb\u1ffd\u2000-\u2001\u2126\u212a-\u212b\u2329-\u232a\u2adc\uf900-\ufa0d\ufa10"
    "\ufa12\ufa15-\ufa1e\ufa20\ufa22\ufa25-\ufa26\ufa2a-\ufa6d\ufa70-\ufad9\ufb1d\ufb1f"
    "\ufb2a-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufb4e"
)
# The characters of the BMP that NFKC replaces (NFKC_Quick_Check=No: NFC's and every
# compatibility character, the NBSP and the presentation forms among them; tests/
# test_fast_paths.py checks the list).  For arnorm.chars.unicode.in_form, as above.
NFKC_REPLACED_CLASS = (
    "\xa0\xa8\xaa\xaf\xb2-\xb5\xb8-\xba\xbc-\xbe\u0132-\u0133\u013f-\u0140\u0149\u017f"
    "\u01c4-\u01cc\u01f1-\u01f3\u02b0-\u02b8\u02d8-\u02dd\u02e0-\u02e4\u0340-\u0341"
    "\u0343-\u0344\u0374\u037a\u037e\u0384-\u0385\u0387\u03d0-\u03d6\u03f0-\u03f2"
    "\u03f4-\u03f5\u03f9\u0558\u0587\u058b-\u058c\u0675-\u0678\u0958-\u095f\u09dc-\u09dd"
    "\u09df\u0a33\u0a36\u0a59-\u0a5b\u0a5e\u0b5c-\u0b5d\u0e33\u0eb3\u0edc-\u0edd\u0f0c"
    "\u0f43\u0f4d\u0f52\u0f57\u0f5c\u0f69\u0f73\u0f75-\u0f79\u0f81\u0f93\u0f9d\u0fa2\u0fa7"
    "\u0fac\u0fb9\u10fc\u1d2c-\u1d2e\u1d30-\u1d3a\u1d3c-\u1d4d\u1d4f-\u1d6a\u1d78"
    "\u1d9b-\u1dbf\u1e9a-\u1e9b\u1f71\u1f73\u1f75\u1f77\u1f79\u1f7b\u1f7d\u1fbb"
    "\u1fbd-\u1fc1\u1fc9\u1fcb\u1fcd-\u1fcf\u1fd3\u1fdb\u1fdd-\u1fdf\u1fe3\u1feb"
    "\u1fed-\u1fef\u1ff9\u1ffb\u1ffd-\u1ffe\u2000-\u200a\u2011\u2017\u2024-\u2026\u202f"
    "\u2033-\u2034\u2036-\u2037\u203c\u203e\u2047-\u2049\u2057\u205f\u2070-\u2071"
    "\u2074-\u208e\u2090-\u209f\u20a8\u2100-\u2103\u2105-\u2107\u2109-\u2113\u2115-\u2116"
    "\u2119-\u211d\u2120-\u2122\u2124\u2126\u2128\u212a-\u212d\u212f-\u2131\u2133-\u2139"
    "\u213b-\u2140\u2145-\u2149\u2150-\u217f\u2189\u222c-\u222d\u222f-\u2230\u2329-\u232a"
    "\u2460-\u24ea\u2a0c\u2a74-\u2a76\u2adc\u2c7c-\u2c7d\u2d6f\u2e9f\u2ef3\u2f00-\u2fd5"
    "\u3000\u3036\u3038-\u303a\u309b-\u309c\u309f\u30ff\u3131-\u318e\u3192-\u319f"
    "\u3200-\u321e\u3220-\u3247\u3250-\u327e\u3280-\u33ff\ua69c-\ua69d\ua770\ua7f1-\ua7f4"
    "\ua7f8-\ua7f9\uab5c-\uab5f\uab69\uf900-\ufa0d\ufa10\ufa12\ufa15-\ufa1e\ufa20\ufa22"
    "\ufa25-\ufa26\ufa2a-\ufa6d\ufa70-\ufad9\ufb00-\ufb06\ufb13-\ufb17\ufb1d\ufb1f-\ufb36"
    "\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufbb1\ufbd3-\ufd3d\ufd50-\ufd8f"
    "\ufd92-\ufdc7\ufdf0-\ufdfc\ufe10-\ufe19\ufe30-\ufe44\ufe47-\ufe52\ufe54-\ufe66"
    "\ufe68-\ufe6b\ufe70-\ufe72\ufe74\ufe76-\ufefc\uff01-\uffbe\uffc2-\uffc7\uffca-\uffcf"
    "\uffd2-\uffd7\uffda-\uffdc\uffe0-\uffe6\uffe8-\uffee"
)
# What NFC may compose with, or put in front of, what comes before it: every non-starter and
# the composing starters.  A text in NFC stays in NFC when a rule deletes characters that no
# such character follows (arnorm.chars.unicode.recompose).
COMPOSES_WITH_PREVIOUS_CLASS = (
    NON_STARTER_CLASS + ASTRAL_NON_STARTER_CLASS + COMPOSING_STARTER_CLASS
)
