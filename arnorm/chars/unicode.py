"""Unicode normalisation rules (U): the output is always NFC.

NFC comes from ``unicodedata2``, pinned to one Unicode version, so a corpus cleaned under
Python 3.11 and 3.13 comes out the same (the standard library's tables follow the Python
version).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.chars.tables import (
    COMPOSES_WITH_PREVIOUS_CLASS,
    COMPOSING_NON_STARTER_CLASS,
    COMPOSING_STARTER_CLASS,
    NFC_REPLACED_CLASS,
    NFKC_REPLACED_CLASS,
    class_body,
    expand_class,
)
from arnorm.context import Context
from arnorm.rule import Phase, rewrite

# A long text is normalised a chunk at a time, each ending before a space, a newline, an ASCII
# letter or digit or an Arabic letter: starters that NFC leaves as they are and never composes
# with what comes before them (no canonical decomposition ends with one), so nothing composes
# or reorders across the place before them, and NFC of the whole is NFC of the chunks
# (tests/test_fast_paths.py checks the class against the Unicode data).  A chunk that passes
# the quick check costs a scan; one that fails it (marks typed in non-canonical order, shadda
# before the vowel: about one news article in twelve; a hamza below, U+0655, which the quick
# check cannot pass) is decomposed and recomposed, and the chunks keep that slow path short.
# (With spaces and newlines alone, a page with no space was one chunk: one U+0655 at its
# start had NFC decompose and recompose all of it, three times a clean.)
_CHUNK = 1024
STABLE_CLASS = " \nA-Za-z0-9\u0621-\u064a"
_STABLE = re.compile(f"[{STABLE_CLASS}]")


# A text with a character the quick check cannot pass (:func:`not_quick`) is decomposed and
# recomposed whole (0.05 µs a character): one hamza above after a heh (the Persian ezafe,
# "خانهٔ") in 500 characters made NFC of a page 30x slower.  Such a text is normalised window
# by window instead (:func:`by_windows`).
_NOT_QUICK_IN_BMP = class_body(
    character
    for character in expand_class(COMPOSING_STARTER_CLASS + COMPOSING_NON_STARTER_CLASS)
    if ord(character) < 0x10000
)
_FORM_REPLACES = {"NFC": NFC_REPLACED_CLASS, "NFKC": NFKC_REPLACED_CLASS}


@cache
def not_quick(form: Literal["NFC", "NFKC"]) -> re.Pattern[str]:
    """What the quick check of ``form`` cannot pass: the characters NFC composes with the one
    before them and those ``form`` replaces in the BMP (the NBSP and the presentation forms
    too, for NFKC), and any character beyond it.  (Compiled when first asked for: the class of
    NFKC has ~400 ranges, a few milliseconds of ``import arnorm``.)"""
    return re.compile(f"[{_NOT_QUICK_IN_BMP}{_FORM_REPLACES[form]}\U00010000-\U0010ffff]")


_STABLE_SET = frozenset(expand_class(STABLE_CLASS))
# by_windows gives up on the windows when they are no cheaper than one pass: when the windows
# so far, each counted as its length and _WINDOW_COST more characters (a window's calls), come
# to half of the text up to the end of the next one (after _SLACK characters).  One window that
# is the whole text (a match of U2 in a run of marks) is one pass.
# A window is read at most _WALK_BACK characters back and _WINDOW_MAX on: beyond, a run of
# marks has no place to cut, and one pass costs little more.
_WINDOW_COST = 16
_SLACK = 64
_WALK_BACK = 32
_WINDOW_MAX = 256


def to_nfc(text: str) -> str:
    """Return ``text`` in NFC (shared by every rule that must re-normalise after an edit).

    ``text`` itself is returned when it is already in NFC.
    """
    length = len(text)
    if length <= 2 * _CHUNK:
        return in_form(text, "NFC")
    # The pieces are kept from the first chunk NFC changes on: a text already in NFC (most
    # texts, and every output) costs one chunk at a time, not a copy of itself.
    windowed = has_seat_mark(text)  # (once: the chunks without one go straight on)
    pieces: list[str] | None = None
    start = 0
    while start < length:
        boundary = _STABLE.search(text, start + _CHUNK)
        end = boundary.start() if boundary is not None else length
        chunk = text[start:end]
        piece = in_form(chunk, "NFC") if windowed else unicodedata2.normalize("NFC", chunk)
        if pieces is None:
            if piece is chunk or piece == chunk:
                start = end
                continue
            pieces = [text[:start]]
        pieces.append(piece)
        start = end
    return text if pieces is None else "".join(pieces)


def has_seat_mark(text: str) -> bool:
    """Whether ``text`` has a mark NFC composes with an Arabic letter (U+0653-U+0655: madda,
    hamza above and below): three ``in`` tests, at memory speed (a class is tested character
    by character)."""
    return "\u0654" in text or "\u0653" in text or "\u0655" in text


def in_form(text: str, form: Literal["NFC", "NFKC"]) -> str:
    """``text`` in ``form`` (``text`` itself when it is already): by windows (:func:`by_windows`)
    when it is longer than _WINDOW_MAX and :func:`has_seat_mark` (looking for every character
    of :func:`not_quick` first cost ordinary text more than the quick check itself)."""
    if len(text) > _WINDOW_MAX and has_seat_mark(text):  # (a short text: one pass)
        return by_windows(text, form)
    return _same_or_new(text, unicodedata2.normalize(form, text))


def by_windows(text: str, form: Literal["NFC", "NFKC"]) -> str:
    """``text`` in ``form``; ``text`` itself when it is already.

    A text with nothing :func:`not_quick` finds costs the quick check (or one pass, for marks
    out of canonical order).  Otherwise each character it finds is normalised in a window,
    from the last character of _STABLE before it to the next one after it (the form of the
    whole is the form of the pieces between such places), and the rest passes the quick
    check.  When the windows are no cheaper than one pass (see _WINDOW_COST), or one would
    be longer than _WALK_BACK or _WINDOW_MAX characters allow (a page of marks), ``text`` is
    normalised whole."""
    normalize = unicodedata2.normalize
    search = not_quick(form).search
    found = search(text)
    if found is None:
        return _same_or_new(text, normalize(form, text))
    pieces = []
    done = 0  # the end of the last window: before a character of _STABLE, or the text's end
    spent = 0  # the windows' cost, in characters of normalisation
    while found is not None:
        position = found.start()
        start = position - 1
        while start > done and text[start] not in _STABLE_SET:
            if position - start > _WALK_BACK:
                return _same_or_new(text, normalize(form, text))
            start -= 1
        start = max(start, done)
        after = _STABLE.search(text, position + 1, position + _WINDOW_MAX)
        if after is None and len(text) > position + _WINDOW_MAX:
            return _same_or_new(text, normalize(form, text))  # (not read to a long run's end)
        end = after.start() if after is not None else len(text)
        spent += end - start + _WINDOW_COST
        if 2 * spent > end + _SLACK:
            return _same_or_new(text, normalize(form, text))
        if start > done:
            pieces.append(normalize(form, text[done:start]))  # (nothing not_quick finds)
        pieces.append(normalize(form, text[start:end]))
        done = end
        found = search(text, end)
    pieces.append(normalize(form, text[done:]))
    return _same_or_new(text, "".join(pieces))


def _same_or_new(text: str, result: str) -> str:
    return text if result == text else result


def recompose(
    result: str, text: str, ctx: Context | None = None, junctions: Junctions | None = None
) -> str:
    """``result`` (``text`` after a rule deleted characters), put back in NFC: deleting can bring
    a letter and a mark together that NFC composes (``u`` + ZWJ + U+0301), or two runs of marks.

    ``text`` itself when nothing changed: the pipeline tells a change by identity.

    With ``ctx``, the result is the text the context knows to be in NFC (``Context.nfc``).
    With ``junctions`` too, when ``text`` was that text and no deleted character stood before
    one NFC composes or reorders behind what comes before it, ``result`` is in NFC as it is:
    no pass over it.  (Seven rules that delete, each composing the whole text again, were half
    the time of the search profile on a text dense in what they delete.)
    """
    if result == text:
        return text
    if ctx is None:
        return to_nfc(result)  # (``result`` itself when it is in NFC)
    if junctions is None or ctx.nfc is not text or junctions.found_in(text):
        result = to_nfc(result)
    ctx.nfc = result
    return result


def kept_nfc(result: str, text: str, ctx: Context) -> str:
    """``result``, from a rule whose edits keep a text in NFC (I6, I8): if ``text`` was the
    text the context knows to be in NFC, ``result`` is now (see :func:`recompose`)."""
    if ctx.nfc is text:
        ctx.nfc = result
    return result


# What NFC may compose with, or put in front of, the character before it: an edit of a text in
# NFC keeps it in NFC when no such character follows a place where the text was cut.
COMPOSES_WITH_PREVIOUS = frozenset(expand_class(COMPOSES_WITH_PREVIOUS_CLASS))
# Beyond the BMP, the engine tests a class range by range: any character there counts.
_COMPOSES_WITH_PREVIOUS_IN_BMP = class_body(
    character for character in COMPOSES_WITH_PREVIOUS if ord(character) < 0x10000
)


class Junctions:
    """Where deleting the characters of a class may take a text out of NFC: one of them before a
    character of COMPOSES_WITH_PREVIOUS_CLASS.

    A text in NFC stays in NFC when no deleted character stands before such a character
    (:func:`recompose`): NFC changes a sequence only at a character that composes with, or is
    reordered behind, the one before it, and a deletion brings together only the characters
    on either side of it.
    The rules that use it delete (or write a space for) a few invisible characters, each
    looked for on its own: ``in`` and a pattern that starts with one literal find it at
    memory speed, where a class is tested character by character, which cost more than the
    NFC pass it saves (the quick check of a text in NFC is 2.4 ns a character).
    """

    __slots__ = ("_patterns",)

    def __init__(self, deleted: str):
        self._patterns = tuple(
            (
                character,
                re.compile(
                    f"{re.escape(character)}(?=[{_COMPOSES_WITH_PREVIOUS_IN_BMP}"
                    "\U00010000-\U0010ffff])"
                ),
            )
            for character in expand_class(deleted)
        )

    def found_in(self, text: str) -> bool:
        """Whether ``text`` has a deleted character before one NFC may compose backwards."""
        return any(c in text and p.search(text) is not None for c, p in self._patterns)


def composed(text: str, ctx: Context, last: bool = False) -> str:
    """``to_nfc(text)``, computed once per text of a document: E1, E2 and U1 compose the same
    text in turn when the first two change nothing (on marks NFC cannot skip, U+0653-U+0655,
    each pass decomposes and recomposes the whole text).  ``last``: the last rule to ask lets
    the texts go (memory)."""
    known = ctx.composed
    result = known[1] if known is not None and known[0] is text else to_nfc(text)
    ctx.composed = None if last else (text, result)
    return result


def is_nfc(text: str) -> bool:
    """Whether ``text`` is already in NFC (with the pinned Unicode version)."""
    return to_nfc(text) == text


@rewrite("unicode.nfc", code="U1", trigger=None, phase=Phase.DOCUMENT)
def nfc(text: str, ctx: Context) -> str:
    """Compose the text to NFC: decomposed hamza and madda join their letter, marks are ordered.

    With NFC a vowel comes before shadda (ORTHOGRAPHY.md §0.1): that is the stored order.

    >>> from arnorm.chars.unicode import nfc
    >>> nfc("ا\\u0654سد") == "أسد"
    True
    >>> nfc("\\u0631\\u0651\\u064e") == "\\u0631\\u064e\\u0651"  # shadda + fatha -> fatha + shadda
    True
    """
    result = composed(text, ctx, last=True)
    ctx.nfc = result  # (the rules after it that delete start from it: see recompose)
    return result


@rewrite("unicode.renormalize", code="U1", trigger=None, phase=Phase.CHARACTER)
def renormalize(text: str, ctx: Context) -> str:
    """Compose to NFC again after the character rules, which may delete or change marks.

    Deleting a mark can leave a sequence NFC would compose (``e`` + ``\u0654`` + ``\u0301``
    without the hamza is ``é``), so the output is NFC whatever the rules did.

    Disabled by name, it takes that promise with it, and idempotence where a rule wrote what
    NFC composes: the next run's U1 (``unicode.nfc``) composes it.  (U2 writes the kasra and
    shadda of ﱢ between ا and a hamza above; NFC makes them أ, kasra, shadda.)

    With ``unicode.nfc`` disabled instead, the rules judged marks in the order the input had
    them, which this NFC may change (a Latin mark between two shaddas): when it changes the
    text, the pipeline cleans its output again, in NFC now, as the next run would; and it
    composes the protected spans with the rest (this rule runs between them), which U1 would
    have composed (reported as this rule).

    >>> from arnorm.chars.unicode import renormalize
    >>> renormalize("e\u0301") == "\u00e9"
    True
    """
    if ctx.nfc is text:  # (the last rule that changed it kept it in NFC: see recompose)
        return text
    result = to_nfc(text)
    if result != text:  # (``result is text`` when nothing changes: no comparison)
        ctx.renormalized = True
    ctx.nfc = result  # (the pipeline judges an output it wrote without composing it again)
    return result


RULES = (nfc,)
LAST_RULES = (renormalize,)
