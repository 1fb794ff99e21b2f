"""Hypothesis strategies: arbitrary text, and Arabic-heavy scraped-looking text."""

from __future__ import annotations

from hypothesis import strategies as st

# Every code point, lone surrogates included: clean() must never raise on any str.
any_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()))

ARABIC_PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئءٱ",  # letters
    *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0654\u0655",  # marks
    *"٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789٫٬٪%.,،؛؟",  # digits and separators
    *"یکہھۀپچژگ",  # Persian look-alikes
    "\u0640",
    "\u00a0",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200f",
    "\ufeff",
    "\r\n",
    " ",
    " ",
    " ",
    "\n",
    "\n",
    "\n\n",
    "\t",
    ":",
    "-",
    "https://example.com/٢٠٢٣",
    "user@mail.com",
    "COVID-١٩",
    "mp3",
    "iPhone 15",
    "قد يهمك:",
    "عن الكاتب:",
    "اترك رد",
    "اقرأ أيضاً",
    "تٌفرض",
    "كتابًا",
    "أيضاً",
    "وزير الدفاع الكوري الجنوبي شين وون سيك\n",
    "ﻻ",
    "ﺍﻟﻌﺮﺒﻴﺔ",
    "ﷺ",
    "é",
    "A",
    "z",
]
arabic_text = st.lists(st.sampled_from(ARABIC_PIECES), max_size=80).map("".join)
texts = st.one_of(any_text, arabic_text)
