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

from arnorm.chars.forms import ATTACHES_HARAKA, HOLDS_HARAKA_CLASS, NOMINAL, SPACED_FORMS
from arnorm.chars.tables import (
    ALL_CLUSTER_MARK_CLASS,
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
    class_body,
    expand_class,
)
from arnorm.chars.unicode import Junctions, kept_nfc, recompose
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

_MARKS = f"{MARK_CLASS}\u0300-\u036f"
# Skipped when looking for the letter before a joiner (read backwards): marks, and the isolated
# haraka forms where U2 attaches them as marks, after a letter, a mark of its cluster, a tatweel
# or a form (a ZWJ after ئﹰ stayed, and sat between two letters once U2 wrote ئً: found by a
# random search in the sixth session).  Elsewhere (after a joiner, a CGJ, a Syriac letter)
# U2 writes such a form on an NBSP: no mark.  A ZWSP or WORD JOINER just before such a form is
# skipped too: I6 deletes it, and U2 then attaches the form (ﺑ + ZWSP + ﱠ).
_SKIPPED_BEFORE = (
    f"(?:[{_MARKS}]|[{SPACED_FORMS}](?=[\u200b\u2060]*[{HOLDS_HARAKA_CLASS}])"
    f"|(?<=[{SPACED_FORMS}])[\u200b\u2060]+)*"
)
_MARK_CHARACTERS = frozenset(expand_class(_MARKS))


def _seen_as(joining_class: str, end: int, holding_forms: bool = False) -> str:
    """A class of the characters that count as one of ``joining_class`` next to a joiner.

    A presentation form counts as the letter it shows on that side (U2 maps it later: the
    decision must be the same before and after that mapping), ``end`` 0 for its first letter
    (the character after a joiner), -1 for its last (the one before).  Marks never count:
    they are skipped before the letter is looked at.  ``holding_forms``: only the characters
    U2 attaches an isolated haraka form to (not ZWJ, nor a Syriac letter).
    """
    joining = frozenset(expand_class(joining_class))
    if holding_forms:
        joining = frozenset(c for c in joining if ATTACHES_HARAKA.match(c))
    # (Its letters without the marks it writes: ﱝ is ى and a superscript alef, ى on its last
    # side; read as the mark, a ZWJ after it stayed and went on the next run, found by the
    # mutation search in the ninth session.)
    shown = {
        form
        for form, nominal in NOMINAL.items()
        if (letters := "".join(c for c in nominal if c not in _MARK_CHARACTERS))
        and letters[end] in joining
    }
    return class_body(((joining - NOMINAL.keys()) | shown) - _MARK_CHARACTERS)


# Around a ZWNJ: what joins the next character (before it), what joins the one before (after).
_JOINS_FORWARD_CLASS = _seen_as(f"{DUAL_JOINING_CLASS}{JOIN_CAUSING}", -1)
_JOINS_BACKWARD_CLASS = _seen_as(f"{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}{JOIN_CAUSING}", 0)


def _after_skipped(joining_class: str) -> str:
    """The character before what _SKIPPED_BEFORE skipped (read backwards: after it) that counts
    as one of ``joining_class``: any, after a mark (U2 attaches a form to a mark of any
    letter: ܒ + U+033A + ﹰ, a ZWJ after it stayed, then went; found by the mutation search,
    ninth session), and one U2 attaches a form to right after a form."""
    return (
        f"(?:(?<=[{_MARKS}])[{_seen_as(joining_class, -1)}]"
        f"|[{_seen_as(joining_class, -1, holding_forms=True)}])"
    )


# What joins the next character, isolated haraka forms between included (see _SKIPPED_BEFORE).
_JOINS_FORWARD = (
    f"[{_MARKS}]*[{_JOINS_FORWARD_CLASS}]|{_SKIPPED_BEFORE}"
    f"{_after_skipped(f'{DUAL_JOINING_CLASS}{JOIN_CAUSING}')}"
)
# Around a ZWJ: the letters that join anyway (tatweel and ZWJ are not letters).
_LETTER_JOINS_FORWARD_CLASS = _seen_as(DUAL_JOINING_CLASS, -1)
_LETTER_JOINS_BACKWARD_CLASS = _seen_as(f"{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}", 0)


def _delete(pattern: re.Pattern[str], text: str, ctx: Context, junctions: Junctions) -> str:
    return recompose(pattern.sub("", text), text, ctx, junctions)


# What the rules that delete a character and re-compose may write: any letter NFC composes
# from the letter before it and a mark after it (ا + LRM + ٓ → آ, which the search folds then
# rewrite), and anything NFC writes in a text that U1 did not put in NFC (``disable``).  So
# ``None``, unknown: after such a rule changes a text, the pipeline looks for triggers again.
_ANY_COMPOSED: str | None = None


_BOM = re.compile(BOM)
_BOM_JUNCTIONS = Junctions(BOM)


@rewrite("invisible.bom", code="I1", trigger=BOM, phase=Phase.DOCUMENT, produces=_ANY_COMPOSED)
def bom(text: str, ctx: Context) -> str:
    """Delete the byte-order mark U+FEFF wherever it is (it is not Arabic and not a space).

    >>> from arnorm.chars.invisible import bom
    >>> bom("\\ufeffنص")
    'نص'
    """
    return _delete(_BOM, text, ctx, _BOM_JUNCTIONS)


_SOFT_HYPHEN = re.compile(SOFT_HYPHEN)
_SOFT_HYPHEN_JUNCTIONS = Junctions(SOFT_HYPHEN)


@rewrite(
    "invisible.soft_hyphen",
    code="I2",
    trigger=SOFT_HYPHEN,
    phase=Phase.DOCUMENT,
    produces=_ANY_COMPOSED,
)
def soft_hyphen(text: str, ctx: Context) -> str:
    """Delete the soft hyphen U+00AD (an invisible hyphenation hint that splits words).

    >>> from arnorm.chars.invisible import soft_hyphen
    >>> soft_hyphen("مع\\u00adلومات")
    'معلومات'
    """
    return _delete(_SOFT_HYPHEN, text, ctx, _SOFT_HYPHEN_JUNCTIONS)


_BIDI = re.compile(f"[{BIDI_CONTROLS_CLASS}]+")
_BIDI_JUNCTIONS = Junctions(BIDI_CONTROLS_CLASS)


def _bidi_enabled(options: Options) -> bool:
    return options["keep_bidi"] is False


@rewrite(
    "invisible.bidi_controls",
    code="I3",
    trigger=expand_class(BIDI_CONTROLS_CLASS),
    phase=Phase.DOCUMENT,
    enabled_if=_bidi_enabled,
    produces=_ANY_COMPOSED,
)
def bidi_controls(text: str, ctx: Context) -> str:
    """Delete the bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates), all of them.

    All of them, never one of a pair.  ``keep_bidi=True`` keeps them.  The prepended number
    signs (U+0600–0605, U+06DD) are visible and are not bidi controls: they stay.

    >>> from arnorm.chars.invisible import bidi_controls
    >>> bidi_controls("\\u200fمرحبا\\u200e 2023\\u202c")
    'مرحبا 2023'
    """
    return _delete(_BIDI, text, ctx, _BIDI_JUNCTIONS)


_ZWNJ_RUN = re.compile(f"{ZWNJ}+")
_ZWNJ_JUNCTIONS = Junctions(ZWNJ)
# A ZWNJ with a combining mark after it is an oddity left alone: any mark, of any script and
# beyond the BMP (tested only after a ZWNJ).  With only the Arabic ones, ZWNJ + U+08E8 + ZWNJ +
# U+108D lost its second ZWNJ; NFC then put U+108D (class 220) before U+08E8 (230), and the
# next run deleted the first ZWNJ too (mutation search, seed 21, twelfth session).
_AFTER_A_KEPT_ZWNJ = f"{ZWNJ}{ALL_CLUSTER_MARK_CLASS}"
# A run of ZWNJ with no mark after it (from its first ZWNJ: the look-behind), written as one.
_ZWNJ_REPEATS = re.compile(f"{ZWNJ}(?<!{ZWNJ}{ZWNJ}){ZWNJ}+(?![{_AFTER_A_KEPT_ZWNJ}])")
# In the text read backwards, a single ZWNJ that breaks no join: the character before it
# (after it, forwards) does not join backward, or the first non-mark after it (before it,
# forwards) does not join forward.  Read backwards, the marks to skip are ahead of the joiner,
# where a look-ahead of any length may skip them, and the pattern starts with the ZWNJ itself.
_ZWNJ_WITHOUT_EFFECT_REVERSED = re.compile(
    f"{ZWNJ}(?<![{_AFTER_A_KEPT_ZWNJ}]{ZWNJ})"  # no ZWNJ or mark after it (forwards)
    f"(?:(?<![{_JOINS_BACKWARD_CLASS}]{ZWNJ})|(?!{_JOINS_FORWARD}))"
)


@rewrite("invisible.zwnj", code="I4", trigger=ZWNJ, phase=Phase.DOCUMENT, produces=_ANY_COMPOSED)
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
    # A run with a mark after it is an oddity left alone; any other run counts as one ZWNJ,
    # judged by the characters around it.  Both steps are substitutions by constants, with no
    # call to Python per joiner (ZWNJ between every two letters was 8x ordinary text).
    result = _ZWNJ_REPEATS.sub(ZWNJ, text) if ZWNJ + ZWNJ in text else text
    result = _ZWNJ_WITHOUT_EFFECT_REVERSED.sub("", result[::-1])[::-1]
    return recompose(result, text, ctx, _ZWNJ_JUNCTIONS)


def _strip_zwnj_enabled(options: Options) -> bool:
    return options["strip_zwnj"] is True


@rewrite(
    "invisible.join_breaking_zwnj",
    code="I4",
    trigger=ZWNJ,
    phase=Phase.DOCUMENT,
    enabled_if=_strip_zwnj_enabled,
    produces=_ANY_COMPOSED,
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
        # The pipeline does not know this gate was read: a later rule that writes a letter it
        # counts (S4: ئ → ي) may make the output confident, so ask again about the output
        # when the counts shifted (Context.apply_again_if_counts_shift; always asking cost
        # 10% on Persian text).  "ةى" ZWNJ "ئ" kept its ZWNJ, and the next run deleted it
        # (found by the combined search, seed 37, sixteenth session).
        ctx.apply_again_if_counts_shift.add(join_breaking_zwnj.id)
        return text
    return _delete(_ZWNJ_RUN, text, ctx, _ZWNJ_JUNCTIONS)


# Emoji neighbours: a ZWJ between them builds one emoji (👨‍👩‍👧) and must stay (I5 deletes a
# ZWJ only between letters, never emoji; S7 keeps one next to any of these).
EMOJI = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\ufe0f\U0001f000-\U0001faff"
    "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)
_ZWJ_REPEATS = re.compile(f"{ZWJ}{ZWJ}+")
_ZWJ_JUNCTIONS = Junctions(ZWJ)
# In the text read backwards, a single ZWJ between two letters that join anyway: after a
# letter that joins backward (before it, forwards), and before marks and a dual-joining letter
# (after them, forwards).  Read backwards, the look-ahead skips any number of marks.
_ZWJ_BETWEEN_LETTERS_REVERSED = re.compile(
    f"{ZWJ}(?<=[{_LETTER_JOINS_BACKWARD_CLASS}]{ZWJ})"
    f"(?=[{_MARKS}]*[{_LETTER_JOINS_FORWARD_CLASS}]|{_SKIPPED_BEFORE}"
    f"{_after_skipped(DUAL_JOINING_CLASS)})"
)


@rewrite("invisible.zwj", code="I5", trigger=ZWJ, phase=Phase.DOCUMENT, produces=_ANY_COMPOSED)
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
    return recompose(without_redundant_zwj(text), text, ctx, _ZWJ_JUNCTIONS)


def without_redundant_zwj(text: str) -> str:
    """``text`` without the ZWJs I5 deletes (before the final NFC)."""
    # A run counts as one ZWJ; it goes only between two letters (marks on the first) that
    # join anyway, so emoji (never letters) keep theirs, and so does a ZWJ before a mark.
    # Constant substitutions, no call to Python per joiner (one per ZWJ was 9x ordinary text).
    result = _ZWJ_REPEATS.sub(ZWJ, text) if ZWJ + ZWJ in text else text
    return _ZWJ_BETWEEN_LETTERS_REVERSED.sub("", result[::-1])[::-1]


# A run of ZWSP and WORD JOINER after whitespace or the start, or before whitespace or the end.
# The pattern starts with the character (the look-behinds after it test where its run starts),
# so the scan runs in C between them: a look-behind first was tried at every position.
# An isolated haraka form (ﹰ ﱟ) counts as the whitespace U2 writes for it (an NBSP carrier
# after a ZWSP): before it, the ZWSP stayed, and went on the next run (found by the atheris
# fuzzing run).  Deleted, the form follows the letter before and U2 attaches its mark there.
_ZERO_WIDTH = f"[{ZWSP}{WORD_JOINER}]"
_ZERO_WIDTH_SPACE = re.compile(
    f"{_ZERO_WIDTH}(?:(?<![^\\s]{_ZERO_WIDTH}){_ZERO_WIDTH}*"
    f"|(?<!{_ZERO_WIDTH}{_ZERO_WIDTH}){_ZERO_WIDTH}*(?![^\\s{SPACED_FORMS}]))"
)


def _zero_width_space_fast(text: str, ctx: Context) -> str:
    # I6 always deletes what its pattern finds: a constant, no call to Python per match.
    # (Deleting these keeps a text in NFC: see the rule.)
    return kept_nfc(_ZERO_WIDTH_SPACE.sub("", text), text, ctx)


@substitution(
    "invisible.zero_width_space",
    _ZERO_WIDTH_SPACE,
    code="I6",
    trigger=ZWSP + WORD_JOINER,
    phase=Phase.DOCUMENT,
    produces="",
    fast=_zero_width_space_fast,
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
