"""Presentation forms (U2): contextual forms and ligatures become the letters they show.

Presentation forms are shapes of the same letters (the Unicode names list points to the Arabic
block as the preferred characters), and shapers regenerate them; they come from PDF extraction
and from keyboards whose lam-alef keys emit U+FEFB.  Each form is mapped by NFKC of that one
character, never wholesale NFKC (which is lossy: ﷺ, ﷼, NBSP, ², ﬁ ...).  Kept: the honorific
ligatures ﷺ ﷻ, the rial sign ﷼, Quranic stop signs, ornate parentheses and the other symbols.
Skipped for visual-order documents, where positional forms are evidence of the order.
"""

from __future__ import annotations

import re

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.chars.tables import (
    LETTER_CLASS,
    MARK_CLASS,
    PRESENTATION_FORMS_CLASS,
    PRESENTATION_KEEP,
    TATWEEL,
    expand_class,
)
from arnorm.chars.unicode import to_nfc
from arnorm.context import Context
from arnorm.rule import substitution


def _build_map() -> dict[str, str]:
    mapping = {}
    for character in expand_class(PRESENTATION_FORMS_CLASS):
        if character in PRESENTATION_KEEP:
            continue
        nominal: str = unicodedata2.normalize("NFKC", character)
        if nominal != character:
            mapping[character] = nominal
    return mapping


NOMINAL = _build_map()
_FORM = re.compile("[" + "".join(sorted(NOMINAL)) + "]")
_ATTACHES_TO = re.compile(f"[{LETTER_CLASS}{MARK_CLASS}{TATWEEL}]")


@substitution(
    "forms.presentation_forms",
    # The marks around the forms are part of the match, so the replacement can be put in NFC
    # on its own (an isolated fatha attached after a shadda, ﻻ followed by hamza above).
    f"[{MARK_CLASS}]*{_FORM.pattern}+[{MARK_CLASS}]*",
    code="U2",
    trigger="".join(sorted(NOMINAL)),
    skip_when=("quranic", "visual"),
    produces=None,
)
def presentation_forms(match: re.Match[str], ctx: Context) -> str:
    """Map presentation forms and lam-alef ligatures to the nominal letters (ﻻ → لا).

    An isolated haraka form (ﹶ) attaches to the letter before it; with no letter before it,
    its carrier is an NBSP (the Unicode recommendation for a mark shown alone), not a space.

    >>> from arnorm.chars.forms import presentation_forms
    >>> presentation_forms("ﻻ يوجد ﺍﻟﻌﺮﺒﻴﺔ")
    'لا يوجد العربية'
    >>> presentation_forms("ﷺ ﷼") == "ﷺ ﷼"
    True
    """
    text, start = match.string, match.start()
    out = []
    previous = text[start - 1] if start > 0 else ""
    for character in match.group():
        nominal = NOMINAL.get(character, character)
        if nominal.startswith(" "):
            attach = previous in NOMINAL or (
                bool(previous) and _ATTACHES_TO.match(previous) is not None
            )
            nominal = nominal[1:] if attach else "\u00a0" + nominal[1:]
        out.append(nominal)
        previous = character
    return to_nfc("".join(out))


RULES = (presentation_forms,)
