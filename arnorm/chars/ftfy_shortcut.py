"""ftfy's repair of the commonest mojibake line, computed in C when it is provably ftfy's.

``encoding.utf8_as_latin`` (E2) gives ftfy the lines of a document that may hold mojibake, one
at a time.  On the commonest kind, UTF-8 Arabic decoded as Windows-1252 or Latin-1
(``Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©``), ftfy's answer is the line encoded back and decoded as UTF-8, but it
gets there in Python: two nested loops, a dozen regular expressions and a codec lookup per
step, about 6 MB/s (it was 40% of the time of the noisy bench corpus).  :func:`decoded_directly`
returns that answer when it can show that it is ftfy's, and ``None`` otherwise: E2 then calls
ftfy, which decides.

What it shows, step by step along ftfy 6.3's ``fix_text`` with E2's configuration
(``encoding._FTFY_CONFIG``; tests/test_ftfy_shortcut.py checks every claim on the installed
ftfy, and the shortcut switches itself off for another ftfy version):

1. ftfy reads the line as one segment (no newline in it, at most ``max_decode_length``), and
   its encoding step tries to repair it: the line is not ASCII and ``is_bad`` finds mojibake.
2. The first charmap ftfy tries that fits is the one the shortcut uses: ftfy tries Latin-1
   (UTF-8 read as ISO-8859-1, what ``requests`` assumes of an HTML page without a charset: the
   bytes 80-9F become C1 controls), then sloppy Windows-1252 (its five undefined bytes kept as
   C1 controls, and U+FFFD written as byte 1A).  A line that encodes to both has the same bytes
   in both (a character both encode is ASCII, U+00A0-U+00FF or one of those five controls).
3. ftfy's byte repairs change those bytes as the shortcut does, or make bytes that are not
   UTF-8 (the shortcut then gives up at step 4).  ``replace_lossy_sequences`` (Windows-1252
   only) is ftfy's own function, run when the bytes have a 1A (a U+FFFD of the line): without
   one, its pattern matches only a "?" inside a UTF-8 sequence.  ``restore_byte_a0`` runs only
   where ``ALTERED_UTF8_RE`` matches: a space inside a UTF-8 sequence.
4. The bytes are UTF-8: ftfy's first step returns their decoding.  (ftfy decodes them with
   its "utf-8-variants" codec when they have a byte C0 or ED; on bytes that are UTF-8 that
   codec gives what UTF-8 gives, and C0 is never in them.)
5. That decoding is a fixed point of all that ftfy runs next, so its loops stop there: ftfy's
   ``is_bad`` finds nothing in it; then ``fix_c1_controls`` finds no C1
   control either (a branch of ftfy's BADNESS_RE is a C1 control alone), ``fix_surrogates`` no
   surrogate (UTF-8 has none), and E2's configuration switches every other fixer off.

``is_bad`` on clean Arabic reads the whole line through one large alternation (~170 ns a
character).  Step 5 asks it only when some branch of ``BADNESS_RE`` can match: the line has a
character of every set the branch must match, and the two it must match in a row side by side
(:func:`_may_be_bad`).  Most lines of clean Arabic have none of those characters.

:func:`decodes_nothing` tells, in C, the lines ftfy's encoding step decodes nothing in (its
detector of embedded UTF-8 and each charmap's decoding, as ftfy tries them): on those, ftfy
changes at most the C1 controls (``encoding.c1_controls_rewritten`` returns that answer).
"""

from __future__ import annotations

import re
import zlib
from functools import cache, lru_cache

import ftfy
import ftfy.bad_codecs  # (registers the "sloppy-windows-1252" codec)
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import ALTERED_UTF8_RE, CHARMAP_ENCODINGS, LOSSY_UTF8_RE, UTF8_DETECTOR_RE
from ftfy.fixes import replace_lossy_sequences, restore_byte_a0

# What the claims above were checked against: ftfy 6.3 and these two patterns.  Another version
# of ftfy (or patterns that differ) switches the shortcut off: E2 then calls ftfy on every line.
_ALTERED_CRC = 0x97709990
_LOSSY_CRC = 0x33BD56A3
_FIRST_CHARMAPS = ("latin-1", "sloppy-windows-1252")
_SEGMENT_MAX = 1_000_000  # ftfy's TextFixerConfig.max_decode_length (E2 keeps the default)


def ftfy_is_as_checked() -> bool:
    """Whether the installed ftfy is the one the claims of this module were checked against."""
    return (
        ftfy.__version__.startswith("6.3.")
        and tuple(CHARMAP_ENCODINGS[:2]) == _FIRST_CHARMAPS
        and zlib.crc32(ALTERED_UTF8_RE.pattern) == _ALTERED_CRC
        and zlib.crc32(LOSSY_UTF8_RE.pattern) == _LOSSY_CRC
    )


ENABLED = ftfy_is_as_checked()


def decoded_directly(line: str) -> str | None:
    """``ftfy.fix_text(line, encoding._FTFY_CONFIG)`` when the line is UTF-8 read as Latin-1 or
    Windows-1252 and nothing else ftfy repairs, else ``None`` (ftfy must decide).

    >>> decoded_directly("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©") if ENABLED else "العربية"  # (off: not ftfy 6.3)
    'العربية'
    >>> decoded_directly("café") is None  # nothing to repair: ftfy decides (it keeps it)
    True
    """
    if (
        not ENABLED
        or line.isascii()
        or len(line) > _SEGMENT_MAX
        or "\n" in line
        or not is_bad(line)
    ):
        return None
    for charmap in _FIRST_CHARMAPS:  # (the first that encodes the line: ftfy's order)
        try:
            data = line.encode(charmap)
        except UnicodeEncodeError:
            continue
        break
    else:
        return None
    if charmap != "latin-1" and 0x1A in data:  # (U+FFFD, written as byte 1A)
        data = replace_lossy_sequences(data)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # (ftfy may restore a byte A0, or try the next charmaps)
    if _may_be_bad(decoded):
        return None
    return decoded


def decodes_nothing(line: str) -> bool:
    """Whether ftfy's encoding step finds nothing to decode in ``line`` (``False`` when the
    shortcut is off): its detector of UTF-8 embedded in other text finds no sequence, and each
    of its charmaps that encodes the line gives bytes that are not UTF-8, after the byte repairs
    ftfy makes for that charmap.  That is ftfy 6.3's ``_fix_encoding_one_step_and_explain`` up
    to its decoding, without ``is_bad`` (whatever that says, nothing is decoded), in C: a
    line of Latin-script text with quotes and accents ("l’été", 6x ordinary text on a line
    of them) need not go through ftfy, which then changes at most its C1 controls.

    >>> decodes_nothing("l\u2019\u00e9t\u00e9") if ENABLED else True
    True
    >>> decodes_nothing("\u00d8\u00a7")  # UTF-8 read as Latin-1
    False
    """
    if not ENABLED or UTF8_DETECTOR_RE.search(line) is not None:
        return False
    if _IN_NO_CHARMAP.search(line) is not None:
        return True  # (an Arabic letter: no charmap encodes the line, none is tried)
    for charmap in CHARMAP_ENCODINGS:
        try:  # (what encodes is what ftfy's possible_encoding allows: a test checks)
            data = line.encode(charmap)
        except UnicodeEncodeError:
            continue
        # (each branch of ftfy's patterns for these repairs has a space, or a "?" or 1A: a
        # test checks; without one, no pass over the bytes)
        if charmap != "macroman" and b" " in data and ALTERED_UTF8_RE.search(data):
            data = restore_byte_a0(data)
        if charmap.startswith("sloppy") and (b"?" in data or b"\x1a" in data):
            data = replace_lossy_sequences(data)
        try:
            data.decode("utf-8-variants" if 0xED in data or 0xC0 in data else "utf-8")
        except UnicodeDecodeError:
            continue
        return False
    return True


# A character none of ftfy's charmaps has (what their 256 bytes decode to; its
# possible_encoding allows the same, a test checks).
_IN_NO_CHARMAP = re.compile(
    "[^"
    + "".join(
        map(
            re.escape,
            sorted(
                set().union(*(bytes(range(256)).decode(charmap) for charmap in CHARMAP_ENCODINGS))
            ),
        )
    )
    + "]"
)


def _may_be_bad(text: str) -> bool:
    """``is_bad(text)``, without reading ``text`` through BADNESS_RE when no branch of the
    pattern can match: a branch needs a character of each of its required sets, and two
    characters side by side where it has two items in a row (« right before U+FFFD, not only
    somewhere in the line)."""
    branches = _branches()
    if branches is None:
        return is_bad(text)
    candidates, suspects, _ = branches
    if candidates.search(text) is None:
        return False
    for pair in _live(suspects.intersection(text)):
        if pair is None or pair.search(text) is not None:
            return is_bad(text)  # (that branch may match: the pattern decides)
    return False


@lru_cache(maxsize=1024)
def _live(suspects: frozenset[str]) -> tuple[re.Pattern[str] | None, ...]:
    """The pairs of the branches whose every required set has one of ``suspects`` (the few
    characters of a text that the sets hold: the same few on most lines of a document)."""
    branches = _branches()
    assert branches is not None
    return tuple(
        pair
        for required, pair in branches[2]
        if all(not suspects.isdisjoint(characters) for characters in required)
    )


Branch = tuple[tuple[frozenset[str], ...], "re.Pattern[str] | None"]


@cache
def _branches() -> tuple[re.Pattern[str], frozenset[str], tuple[Branch, ...]] | None:
    """For each branch of BADNESS_RE, the character sets of the items it must match one
    character of (literals and classes without ASCII), and a pattern of two items in a row
    (the first of them such a set); with all the sets' characters, and a class of them.
    ``None`` if the pattern is not read so (then is_bad is always asked)."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - a Python without them
        return None
    if BADNESS_RE.flags & re.IGNORECASE:
        return None

    def characters_of(op: object, av: object) -> frozenset[str] | None:
        # The characters one item matches, if it is a literal or a class of them and ranges.
        if op is constants.LITERAL:
            return frozenset(chr(av))  # type: ignore[arg-type]
        if op is constants.IN and all(
            code in (constants.LITERAL, constants.RANGE)
            for code, _ in av  # type: ignore[attr-defined]
        ):
            codes: set[int] = set()
            for code, value in av:  # type: ignore[attr-defined]
                first, last = (value, value) if code is constants.LITERAL else value
                codes.update(range(first, last + 1))
            return frozenset(map(chr, codes))
        return None  # a repeat, a category, a look-around: no character it must have

    tree = list(parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags))
    if len(tree) == 1 and tree[0][0] is constants.BRANCH:
        branches = [list(branch) for branch in tree[0][1][1]]
    else:
        branches = [tree]
    each: list[Branch] = []
    for branch in branches:
        # (each item of a branch's sequence matches one character, in turn)
        items = [characters_of(op, av) for op, av in branch]
        required = tuple(item for item in items if item and min(map(ord, item)) >= 0x80)
        if not required:
            return None  # a branch that may match ASCII alone
        pair = next(
            (
                re.compile("".join(_class_of(item) for item in items[at : at + 2]))
                for at in range(len(items) - 1)
                if items[at] in required and items[at + 1] is not None
            ),
            None,
        )
        each.append((required, pair))
    every = frozenset().union(*(item for required, _ in each for item in required))
    return re.compile(_class_of(every)), every, tuple(each)


def _class_of(characters: frozenset[str] | None) -> str:
    return "[" + "".join(map(re.escape, sorted(characters or ()))) + "]"
