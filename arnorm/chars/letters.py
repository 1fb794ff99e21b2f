"""Look-alike letters (L): Persian and Urdu letters typed in Arabic text become Arabic letters.

A Persian keyboard types ی ک for Arabic ي ك, and Urdu text supplies ہ ھ ۃ; in Arabic text the
reader sees the same letters, so mapping them keeps what was read (Google Nisaba's Arabic
visual norm).  In Persian, Urdu or Kurdish these are different letters: the rules run only in
documents the language gate finds confidently Arabic (or with ``lang="ar"``), and a token that
contains a letter Arabic never uses (پ چ ژ گ ٹ ڈ ڑ ں ے ۀ ێ ۆ ڵ ڕ) is left whole (پاکستان), and
so are its neighbours (a quoted Persian phrase: پیداری اسلامی).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from arnorm.chars.invisible import without_redundant_zwj
from arnorm.chars.marks import CARRIES_MARKS, before_marks
from arnorm.chars.tables import (
    AE,
    ALEF_MAKSURA,
    FARSI_YEH,
    HAMZA_ABOVE,
    HEH,
    HEH_LOOKALIKES,
    KAF,
    KEHEH,
    LETTER_CLASS,
    MARK_CLASS,
    NON_ARABIC_LETTERS,
    TATWEEL,
    TEH_MARBUTA,
    TEH_MARBUTA_GOAL,
    YEH,
    ZWJ,
)
from arnorm.chars.unicode import to_nfc
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import Phase, rewrite

OPTIONS = (
    Option(
        "egyptian_yeh",
        False,
        (True, False),
        "Rewrite the Egyptian-style final ى of a few unambiguous function words (فى الذى التى "
        "هى, with their و ف ب ك ل prefixes) as ي, in confidently Arabic documents (rule L4).",
        example='clean("فى البيت", egyptian_yeh=True, lang="ar") gives "في البيت"',
    ),
)

_FOREIGN = re.compile(f"[{NON_ARABIC_LETTERS}]")
_TOKEN = re.compile(r"\S+")
_GATES = ("not_arabic_confident", "quranic")


def _outside_foreign_tokens(
    text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> str:
    """``pattern.sub(replace, text)``, except in tokens with a non-Arabic letter or next to one."""
    if not _FOREIGN.search(text):
        return pattern.sub(replace, text)

    # A Persian phrase quoted in Arabic text (پیداری اسلامی, رژیم صهیونیستی) is left whole:
    # a token next to one with a non-Arabic letter is left too.
    tokens = list(_TOKEN.finditer(text))
    foreign = [bool(_FOREIGN.search(token.group())) for token in tokens]
    pieces = []
    position = 0

    def foreign_neighbour(index: int, other: int) -> bool:
        if not 0 <= other < len(tokens) or not foreign[other]:
            return False
        start, end = sorted((tokens[index].end(), tokens[other].start()))
        return "\n" not in text[min(start, end) : max(start, end)]

    for index, token in enumerate(tokens):
        keep = foreign[index] or foreign_neighbour(index, index - 1)
        keep = keep or foreign_neighbour(index, index + 1)
        pieces.append(text[position : token.start()])
        pieces.append(token.group() if keep else pattern.sub(replace, token.group()))
        position = token.end()
    pieces.append(text[position:])
    return "".join(pieces)


_FARSI_YEH = re.compile(
    f"{FARSI_YEH}(?P<marks>[{MARK_CLASS}]*)(?P<next>(?=[{LETTER_CLASS}{TATWEEL}{ZWJ}]))?"
)


def _farsi_yeh(match: re.Match[str]) -> str:
    marks = match.group("marks")
    if HAMZA_ABOVE in marks:
        return to_nfc(YEH + marks)  # یٔ → ئ (NFC composes ي + ٔ, not ی + ٔ)
    return (YEH if match.group("next") is not None else ALEF_MAKSURA) + marks


@rewrite(
    "letters.farsi_yeh",
    code="L1",
    trigger=FARSI_YEH,
    phase=Phase.CHARACTER,
    skip_when=_GATES,
    produces=YEH + ALEF_MAKSURA + "\u0626",
)
def farsi_yeh(text: str, ctx: Context) -> str:
    """In Arabic text, write Farsi yeh ی as ي inside a word and as ى at its end (what was seen).

    A final ی is dotless, exactly like ى; ی with hamza above becomes ئ.

    >>> from arnorm.chars.letters import farsi_yeh
    >>> farsi_yeh("الأخیرة علی مسیٔول", lang="ar")
    'الأخيرة على مسئول'
    >>> farsi_yeh("این یک کتاب است") == "این یک کتاب است"
    True
    """
    return _outside_foreign_tokens(text, _FARSI_YEH, _farsi_yeh)


_KEHEH = re.compile(KEHEH)


@rewrite(
    "letters.keheh",
    code="L2",
    trigger=KEHEH,
    phase=Phase.CHARACTER,
    skip_when=_GATES,
    produces=KAF,
)
def keheh(text: str, ctx: Context) -> str:
    """In Arabic text, write keheh ک as kaf ك (a kaf typed on a Persian keyboard).

    >>> from arnorm.chars.letters import keheh
    >>> keheh("الکتاب", lang="ar")
    'الكتاب'
    """
    return _outside_foreign_tokens(text, _KEHEH, lambda match: KAF)


_HEH = re.compile(f"[{HEH_LOOKALIKES}{TEH_MARBUTA_GOAL}]")


@rewrite(
    "letters.heh_variants",
    code="L3",
    trigger=HEH_LOOKALIKES + TEH_MARBUTA_GOAL,
    phase=Phase.CHARACTER,
    skip_when=_GATES,
    produces=HEH + TEH_MARBUTA,
)
def heh_variants(text: str, ctx: Context) -> str:
    """In Arabic text, write heh goal ہ, heh doachashmee ھ and ae ە as ه, and ۃ as ة.

    ۀ and ۂ (heh with hamza) are ambiguous between ة and ه + hamza: they stay.

    A ZWJ after ە (kept by I5: ە joins no letter after it) that now stands between two letters
    that join anyway is deleted, as I5 would delete it.

    >>> from arnorm.chars.letters import heh_variants
    >>> heh_variants("ھذا اللہ مدرسۃ", lang="ar")
    'هذا الله مدرسة'
    """
    result = _outside_foreign_tokens(
        text, _HEH, lambda match: TEH_MARBUTA if match.group() == TEH_MARBUTA_GOAL else HEH
    )
    if ZWJ in result and AE in text and result != text:
        # (ﷺ + ە ZWJ ي took two runs; found by the mutation search, seed 14, eleventh session)
        return without_redundant_zwj(result)
    return result


# Not after a letter, nor after the marks of one; marks after a space, punctuation or a digit
# are stray (M5a and M5c delete them later), so the word starts after them.  Judged before
# they are deleted, "َهى" stayed, and the next run wrote هي (found by a random search in the
# sixth session).  Tatweel between the letters is read over: when L4 ran before T1, "فـى"
# stayed, and the next run wrote "في" (found by the random search, seed 1022, fourteenth
# session).  L4 now runs after T1 (LATER_RULES), but a tatweel T1 keeps does not hide the word
# either.  Each run of tatweel is taken whole (a letter follows it, never a tatweel).
_T = f"{TATWEEL}*+"
_EGYPTIAN_YEH = re.compile(
    f"(?<![{LETTER_CLASS}{TATWEEL}])"
    f"(?P<word>(?:[\u0648\u0641]{_T})?[\u0641\u0647]{_T}\u0649"  # (و|ف)? + فى / هى
    # ...الذى / التى
    f"|(?:[\u0648\u0641]{_T})?(?:[\u0628\u0643]{_T})?\u0627{_T}\u0644{_T}[\u0630\u062a]{_T}\u0649"
    f"|(?:[\u0648\u0641]{_T})?\u0644{_T}\u0644{_T}[\u0630\u062a]{_T}\u0649)"  # للذى / للتى
    f"(?![{LETTER_CLASS}{MARK_CLASS}{TATWEEL}])"
)


def _egyptian_yeh_enabled(options: Options) -> bool:
    return options["egyptian_yeh"] is True


@rewrite(
    "letters.egyptian_yeh",
    code="L4",
    trigger=ALEF_MAKSURA,
    phase=Phase.CHARACTER,
    skip_when=_GATES,
    enabled_if=_egyptian_yeh_enabled,
    produces=YEH,
)
def egyptian_yeh(text: str, ctx: Context) -> str:
    """Write the final ى of فى الذى التى هى as ي (opt-in: ``egyptian_yeh=True``).

    Only these unambiguous function words and their clitic forms; على إلى حتى مستشفى keep ى,
    and علي / إلي are never rewritten.  A tatweel between their letters (فـى) does not hide
    them.  Runs after the tatweel rules and the search's letter folds (``LATER_RULES``).

    >>> from arnorm.chars.letters import egyptian_yeh
    >>> egyptian_yeh("فى البيت الذى بناه وهى على", egyptian_yeh=True, lang="ar")
    'في البيت الذي بناه وهي على'
    """
    return _EGYPTIAN_YEH.sub(_egyptian_yeh, text)


def _egyptian_yeh(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    before = before_marks(text, start)
    if before < start - 1 and before >= 0 and CARRIES_MARKS.match(text, before):
        return match.group()  # (the marks of a letter before: inside a word)
    return match.group()[:-1] + YEH


RULES = (farsi_yeh, keheh, heh_variants)
# L4 runs after the tatweel rules and the search's letter folds, which write letters its words
# are made of: run before them, it judged "ؤهى", "ٱلذى" or "ةى" (with S4, S1 or S2 enabled in
# the repair profile), and the next run wrote ي in the "وهى", "الذى" or "هى" they wrote
# (found by the combined search of tools/fuzz.py and a probe, sixteenth session).  L4 writes
# ي for ى, both dual-joining: T1 and T2, which judge a tatweel by the joining of its
# neighbours, judge the same text either way.
LATER_RULES = (egyptian_yeh,)
