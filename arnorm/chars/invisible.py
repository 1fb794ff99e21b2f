"""Invisible characters (I): BOM, soft hyphen, bidi controls, and joiners that do nothing.

These run in the document phase, after NFC and before the protected spans are found: an
invisible character next to a URL or a Latin token changes where that span starts or ends, so
deleting it later (outside the spans) could change what is protected on the next run.  They are
removed inside URLs too, where they never belong.

Deleting a format character between two combining marks can leave them out of canonical order,
so these rules re-compose to NFC when they delete something (rarely: their triggers are rare).
Visible format characters are never touched: the prepended number signs U+0600–0605, U+06DD,
U+0890–0891 and U+08E2, CGJ, variation selectors, emoji tags.  ZWJ in emoji sequences stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from arnorm.chars.forms import NOMINAL
from arnorm.chars.tables import (
    BIDI_CONTROLS_CLASS,
    BOM,
    DUAL_JOINING_CLASS,
    JOIN_CAUSING,
    MARK_CLASS,
    RIGHT_JOINING_CLASS,
    SOFT_HYPHEN,
    WORD_JOINER,
    ZWJ,
    ZWNJ,
    ZWSP,
    expand_class,
)
from arnorm.chars.unicode import is_nfc, to_nfc
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import Phase, rewrite, substitution

OPTIONS = (
    Option(
        "keep_bidi",
        False,
        (True, False),
        "Keep bidi control characters (LRM, RLM, ALM, embeddings, isolates) instead of deleting "
        "them: for text meant for display rather than NLP or search.",
        example='clean("\\u200fمرحبا", keep_bidi=True) keeps the RLM',
    ),
    Option(
        "strip_zwnj",
        False,
        (True, False),
        "Also delete ZWNJ where it does break a join, in confidently Arabic documents (Arabic "
        "has no use for it; Persian does, so Persian documents keep it).",
        example='clean("ب\\u200cت", strip_zwnj=True, lang="ar") gives "بت"',
    ),
)

_LEFT_JOINS = re.compile(f"[{DUAL_JOINING_CLASS}{JOIN_CAUSING}]")  # joins the next character
_RIGHT_JOINS = re.compile(f"[{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}{JOIN_CAUSING}]")
_MARK_RUN = re.compile(f"[{MARK_CLASS}\u0300-\u036f]")


def _delete(pattern: re.Pattern[str], text: str, replacement: str = "") -> str:
    result = pattern.sub(replacement, text)
    if result != text and not is_nfc(result):
        result = to_nfc(result)
    return result


def _base_before(text: str, index: int) -> str:
    """The character before ``index``, skipping combining marks ('' at the start).

    A presentation form counts as the letter it shows (U2 maps it later): the decision must
    be the same before and after that mapping.
    """
    while index > 0 and _MARK_RUN.match(text, index - 1):
        index -= 1
    return NOMINAL.get(text[index - 1], text[index - 1])[-1:] if index > 0 else ""


def _character_after(text: str, index: int) -> str:
    """The character at ``index`` ('' at the end), a presentation form as its first letter."""
    return NOMINAL.get(text[index], text[index])[:1] if index < len(text) else ""


def _joins_forward(character: str) -> bool:
    return bool(character) and _LEFT_JOINS.match(character) is not None


def _joins_backward(character: str) -> bool:
    return bool(character) and _RIGHT_JOINS.match(character) is not None


_BOM = re.compile(BOM)


@rewrite("invisible.bom", code="I1", trigger=BOM, phase=Phase.DOCUMENT, produces="")
def bom(text: str, ctx: Context) -> str:
    """Delete the byte-order mark U+FEFF wherever it is (it is not Arabic and not a space).

    >>> from arnorm.chars.invisible import bom
    >>> bom("\\ufeffنص")
    'نص'
    """
    return _delete(_BOM, text)


_SOFT_HYPHEN = re.compile(SOFT_HYPHEN)


@rewrite("invisible.soft_hyphen", code="I2", trigger=SOFT_HYPHEN, phase=Phase.DOCUMENT, produces="")
def soft_hyphen(text: str, ctx: Context) -> str:
    """Delete the soft hyphen U+00AD (an invisible hyphenation hint that splits words).

    >>> from arnorm.chars.invisible import soft_hyphen
    >>> soft_hyphen("مع\\u00adلومات")
    'معلومات'
    """
    return _delete(_SOFT_HYPHEN, text)


_BIDI = re.compile(f"[{BIDI_CONTROLS_CLASS}]+")


def _bidi_enabled(options: Options) -> bool:
    return options["keep_bidi"] is False


@rewrite(
    "invisible.bidi_controls",
    code="I3",
    trigger=expand_class(BIDI_CONTROLS_CLASS),
    phase=Phase.DOCUMENT,
    enabled_if=_bidi_enabled,
    produces="",
)
def bidi_controls(text: str, ctx: Context) -> str:
    """Delete the bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates), all of them.

    All of them, never one of a pair.  ``keep_bidi=True`` keeps them.  The prepended number
    signs (U+0600–0605, U+06DD) are visible and are not bidi controls: they stay.

    >>> from arnorm.chars.invisible import bidi_controls
    >>> bidi_controls("\\u200fمرحبا\\u200e 2023\\u202c")
    'مرحبا 2023'
    """
    return _delete(_BIDI, text)


_ZWNJ_RUN = re.compile(f"{ZWNJ}+")


def _zwnj_has_effect(text: str, start: int, end: int) -> bool:
    before = _base_before(text, start)
    after = _character_after(text, end)
    return _joins_forward(before) and _joins_backward(after)


@rewrite("invisible.zwnj", code="I4", trigger=ZWNJ, phase=Phase.DOCUMENT, produces="")
def zwnj(text: str, ctx: Context) -> str:
    """Delete a ZWNJ that breaks no join; keep one where it really stops two letters joining.

    A ZWNJ has an effect only between a character that joins forward (a dual-joining letter,
    tatweel, ZWJ) and one that joins backward; next to a space, punctuation, a text edge or a
    right-joining letter such as ة it does nothing.  A run of them counts as one.  Persian
    ``می\\u200cخواهم`` keeps its ZWNJ.

    >>> from arnorm.chars.invisible import zwnj
    >>> zwnj("كلمة\\u200c أخرى")
    'كلمة أخرى'
    >>> zwnj("ب\\u200cت") == "ب\\u200cت"
    True
    """

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if end < len(text) and _MARK_RUN.match(text, end):
            return match.group()  # a mark on the ZWNJ: leave the oddity alone
        return ZWNJ if _zwnj_has_effect(text, start, end) else ""

    return _delete_with(replace, _ZWNJ_RUN, text)


def _delete_with(
    function: Callable[[re.Match[str]], str], pattern: re.Pattern[str], text: str
) -> str:
    """``pattern.sub(function, text)``, put back in NFC if a deletion joined two mark runs."""
    result = pattern.sub(function, text)
    if result != text and not is_nfc(result):
        result = to_nfc(result)
    return result


def _strip_zwnj_enabled(options: Options) -> bool:
    return options["strip_zwnj"] is True


@rewrite(
    "invisible.join_breaking_zwnj",
    code="I4",
    trigger=ZWNJ,
    phase=Phase.DOCUMENT,
    enabled_if=_strip_zwnj_enabled,
    produces="",
)
def join_breaking_zwnj(text: str, ctx: Context) -> str:
    """Delete every ZWNJ in a confidently Arabic document (opt-in: ``strip_zwnj=True``).

    Arabic orthography has no use for a join-breaking ZWNJ; Persian does, so only documents
    the language gate finds Arabic (or ``lang="ar"``) lose it.

    >>> from arnorm.chars.invisible import join_breaking_zwnj
    >>> join_breaking_zwnj("ب\\u200cت", strip_zwnj=True, lang="ar")
    'بت'
    """
    # A document rule sees the context of the text before NFC: ask the gate about this text.
    if not Context(text, ctx.options).arabic_confident:
        return text
    return _delete(_ZWNJ_RUN, text)


# Emoji neighbours: a ZWJ between them builds one emoji (👨‍👩‍👧) and must stay.
EMOJI = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\ufe0f\U0001f000-\U0001faff"
    "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)
_ZWJ_RUN = re.compile(f"{ZWJ}+")
_LETTER_JOINS_FORWARD = re.compile(f"[{DUAL_JOINING_CLASS}]")
_LETTER_JOINS_BACKWARD = re.compile(f"[{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}]")


@rewrite("invisible.zwj", code="I5", trigger=ZWJ, phase=Phase.DOCUMENT, produces="")
def zwj(text: str, ctx: Context) -> str:
    """Delete a redundant ZWJ: a doubled one, or one between two letters that join anyway.

    Kept: emoji sequences (👨\\u200d👩), and a ZWJ that shows a joining form on its own
    (``\\u200dه\\u200d``, ``ع\\u200d`` at a word end).

    >>> from arnorm.chars.invisible import zwj
    >>> zwj("ب\\u200dت")
    'بت'
    >>> zwj("ع\\u200d ") == "ع\\u200d "
    True
    """

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start > 0 else ""
        after = _character_after(text, end)
        if (before and EMOJI.match(before)) or (after and EMOJI.match(after)):
            return ZWJ
        if after and _MARK_RUN.match(after):
            return ZWJ
        base = _base_before(text, start)
        if (
            base
            and after
            and _LETTER_JOINS_FORWARD.match(base)
            and _LETTER_JOINS_BACKWARD.match(after)
        ):
            return ""
        return ZWJ

    return _delete_with(replace, _ZWJ_RUN, text)


_ZERO_WIDTH_SPACE = re.compile(
    f"(?:(?<=\\s)|^)[{ZWSP}{WORD_JOINER}]+|[{ZWSP}{WORD_JOINER}]+(?=\\s|$)"
)


@substitution(
    "invisible.zero_width_space",
    _ZERO_WIDTH_SPACE,
    code="I6",
    trigger=ZWSP + WORD_JOINER,
    phase=Phase.DOCUMENT,
    produces="",
)
def zero_width_space(match: re.Match[str], ctx: Context) -> str:
    """Delete ZWSP and WORD JOINER next to whitespace or a text edge, where they do nothing.

    Between two non-space characters they stay: a ZWSP there may be the only word separator.
    (Next to whitespace, deleting one never brings two marks together: no NFC step needed.)

    >>> from arnorm.chars.invisible import zero_width_space
    >>> zero_width_space("كلمة\\u200b أخرى")
    'كلمة أخرى'
    >>> zero_width_space("كلمة\\u200bأخرى") == "كلمة\\u200bأخرى"
    True
    """
    return ""


RULES = (bom, soft_hyphen, bidi_controls, zwnj, join_breaking_zwnj, zwj, zero_width_space)
