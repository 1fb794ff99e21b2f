"""Unicode normalisation rules (U): the output is always NFC.

NFC comes from ``unicodedata2``, pinned to one Unicode version, so a corpus cleaned under
Python 3.11 and 3.13 comes out the same (the standard library's tables follow the Python
version).
"""

from __future__ import annotations

import re

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.chars.tables import COMPOSES_WITH_PREVIOUS_CLASS, class_body, expand_class
from arnorm.context import Context
from arnorm.rule import Phase, rewrite

# A long text is normalised a chunk at a time, each ending before a space or a newline (two
# characters that never compose or reorder with their neighbours, so NFC of the whole is NFC
# of the chunks).  A chunk that passes the quick check costs a scan; one that fails it (marks
# typed in non-canonical order, shadda before the vowel: about one news article in twelve)
# is decomposed and recomposed, and the chunks keep that slow path short.
_CHUNK = 1024
_STABLE = re.compile("[ \n]")


def to_nfc(text: str) -> str:
    """Return ``text`` in NFC (shared by every rule that must re-normalise after an edit).

    ``text`` itself is returned when it is already in NFC.
    """
    length = len(text)
    if length <= 2 * _CHUNK:
        normalized: str = unicodedata2.normalize("NFC", text)
        return normalized
    # The pieces are kept from the first chunk NFC changes on: a text already in NFC (most
    # texts, and every output) costs one chunk at a time, not a copy of itself.
    pieces: list[str] | None = None
    start = 0
    while start < length:
        boundary = _STABLE.search(text, start + _CHUNK)
        end = boundary.start() if boundary is not None else length
        chunk = text[start:end]
        piece = unicodedata2.normalize("NFC", chunk)
        if pieces is None:
            if piece is chunk or piece == chunk:
                start = end
                continue
            pieces = [text[:start]]
        pieces.append(piece)
        start = end
    return text if pieces is None else "".join(pieces)


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


# Beyond the BMP, the engine tests a class range by range: any character there counts.
_COMPOSES_WITH_PREVIOUS_IN_BMP = class_body(
    character
    for character in expand_class(COMPOSES_WITH_PREVIOUS_CLASS)
    if ord(character) < 0x10000
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
    result = to_nfc(text)
    if result != text:  # (``result is text`` when nothing changes: no comparison)
        ctx.renormalized = True
    return result


RULES = (nfc,)
LAST_RULES = (renormalize,)
