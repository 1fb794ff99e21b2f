"""Encoding repair (E): mojibake undone before anything else looks at the text.

These are document rules, run before NFC.  ``encoding.utf8_as_cp1256`` (E1) repairs UTF-8 that
was decoded as Windows-1256 (``ط§ظ„ط¹ط±ط¨ظٹط©``), which ftfy cannot do; it must run before
``encoding.utf8_as_latin`` (E2), ftfy with an encoding-only configuration (ftfy's defaults
also change correct text: they straighten curly quotes).  ``encoding.cp1256_as_latin1`` (E3,
opt-in) repairs legacy Windows-1256 pages read as Latin-1.  ``encoding.replacement_char``
(E4) changes nothing: it reports the U+FFFD left after the repairs (characters lost for good)
in :func:`arnorm.explain`, and costs :func:`arnorm.clean` nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from itertools import islice
from typing import Any

import ftfy

from arnorm.chars import ftfy_shortcut
from arnorm.chars.forms import NOMINAL, SPACED_FORMS, to_nominal
from arnorm.chars.ftfy_shortcut import decoded_directly
from arnorm.chars.punctuation import ASCII_QUOTE
from arnorm.chars.spaces import BREAKS, CARRIED_MARKS, newlines
from arnorm.chars.tables import (
    ASTRAL_NON_STARTER_CLASS,
    LETTER_CLASS,
    MARK_CLASS,
    NON_STARTER_CLASS,
    SOFT_HYPHEN,
    class_body,
    expand_class,
)
from arnorm.chars.unicode import composed as composed_nfc
from arnorm.chars.unicode import to_nfc
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.report import Edit
from arnorm.rule import Phase, Rule, rewrite

OPTIONS = (
    Option(
        "legacy_cp1256",
        False,
        (True, False),
        "Also repair legacy Windows-1256 pages that were read as Latin-1 (ÇáÚÑÈíÉ → العربية; "
        "rule E3). Off by default: a run of accented capitals could look the same.",
        example='clean("ÇáÚÑÈíÉ áÛÉ ÌãíáÉ", legacy_cp1256=True) gives "العربية لغة جميلة"',
    ),
)

# UTF-8 lead bytes C2–F4 and continuation bytes 80–BF, as Windows-1256 decodes them.
_LEAD = bytes(range(0xC2, 0xF5)).decode("cp1256")
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1256")
_PAIR = re.compile(f"[{re.escape(_LEAD)}][{re.escape(_CONTINUATION)}]")
# Every Arabic letter's mojibake has a continuation character; the ones that are also common
# in real Arabic (، ؛ ؟ « » NBSP ZWNJ ZWJ) cannot be the only ones in a mojibake document.
_TRIGGER = "".join(
    c for c in _CONTINUATION if c not in "\u060c\u061b\u061f\u00ab\u00bb\u00a0\u200c\u200d"
)
# The two characters NFC writes as a continuation character (singletons: Greek ano teleia is
# the middle dot, Greek oxia the acute accent): E1 decides before U1, and reads them as what
# U1 will write (ط + U+0387 was left, and repaired on the next run; found by the mutation
# search, ninth session; tests/test_hardening.py checks the list).
NFC_CONTINUATIONS = {"\u0387": "\u00b7", "\u1ffd": "\u00b4"}
# The characters the search profile's NFKC (S6, a document rule after E1) writes with E1's
# material, a lead or a continuation character: ︱ is —, 𞸈 is ط, ℃ is °C, ﷺ is spelled out (the
# presentation forms E1 reads as their letters already).  S6 wrote "ف—" from "ف︱" after two
# pairs of "ط§", and the next run found three pairs and repaired (mutation search, seed 27,
# fourteenth session).  When S6 rewrites one, the pipeline asks E1 about the output
# (Context.apply_again).  A class with the unassigned code points between them;
# tests/test_hardening.py checks it against unicodedata2.
LATER_E1_MATERIAL = (
    "\u0675\u0676\u0678\u2103\u2109\ua7f9\ufdf0\ufdf1\ufdfa-\ufdfc\ufe31\ufe32\ufe58"
    "\uffe0-\uffe2\uffe4\uffe5\U0001ee00-\U0001eebb"
)
# The continuation characters of _TRIGGER a presentation form is written with (ﭖ: پ, byte 81).
_CONTINUATIONS_OF_FORM = {
    form: letters
    for form, nominal in NOMINAL.items()
    if (letters := "".join(c for c in nominal if c in _TRIGGER))
}
# E1's trigger: the continuation characters, as they are written or as U1 and U2 will write
# them.  Without the forms, a page whose only continuation characters were forms (ظﭖ) was not
# looked at, and the next run, after U2, repaired it (tools/fuzz.py --combine, seed 55).
_WRITTEN_TRIGGER = _TRIGGER + "".join(NFC_CONTINUATIONS)
_TRIGGER_E1 = _WRITTEN_TRIGGER + "".join(_CONTINUATIONS_OF_FORM)
_FORM = re.compile("[" + "".join(sorted(NOMINAL)) + "]")
# What a later rule may delete between the characters of a sequence: the marks (M rules, the
# search profile's S5), tatweel (T1 and the search profile; E1's count deletes it first), the
# invisible and bidi characters (I rules), the combining marks of other scripts, the
# variation selectors, and the isolated haraka forms U2 writes as marks.
# Deleted, they would make a pair the next run repairs (ط + LRM + ³ is س once I3 has run):
# E1 counts and repairs a sequence across them (found by a random search in the sixth
# session).  ZWNJ and ZWJ, which I4 and I5 delete before a character that does not join, and
# the soft hyphen I2 deletes, are continuation characters too (9D, 9E, AD): in a sequence they
# are between its bytes when another continuation character follows them, and its last byte
# when none does.
_DELETED_BYTES = "\u200c\u200d" + SOFT_HYPHEN
_DELETED_INVISIBLE = (
    "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff"
)
_DELETED_LATER = f"{MARK_CLASS}\u0640\u0300-\u036f\ufe20-\ufe2f{_DELETED_INVISIBLE}"
# The characters that are never bytes of a sequence, then all of them.  With the isolated
# haraka forms, those U2 writes as tatweel and marks (ﹹ is ـُ): E1 counts the letters U2
# writes, so its repair reads across them too.  It did not: a page of "طﹹ§" was judged
# mojibake and left as it was, and the next run, after U2, repaired "طـُ§" (found by
# tools/fuzz.py --mutate, seed 46, twentieth session).
_NEVER_BYTES_WRITTEN = "".join(c for c in expand_class(_DELETED_LATER) if c not in _CONTINUATION)
_NEVER_BYTES_WRITTEN_SET = frozenset(_NEVER_BYTES_WRITTEN)
_NEVER_BYTES = (
    _NEVER_BYTES_WRITTEN
    + SPACED_FORMS
    + "".join(
        sorted(
            form
            for form, nominal in NOMINAL.items()
            if form not in SPACED_FORMS and _NEVER_BYTES_WRITTEN_SET.issuperset(nominal)
        )
    )
)
_BETWEEN = _NEVER_BYTES + _DELETED_BYTES
_ARABIC_LETTERS = re.compile(f"[{LETTER_CLASS}]")
# Runs of characters Windows-1256 can encode, split on ASCII whitespace only (NBSP is mojibake
# material): an invisible character inside a token (an isolate, a BOM) does not hide the rest.
_CP1256_CHARACTERS = "".join(
    sorted(set(bytes(range(0x80, 0x100)).decode("cp1256")) - set("\u00a0") | {"\u00a0"})
)
# The presentation forms of one character Windows-1256 has (ﭖ is پ, byte 81; ﻃ is ط, byte D8):
# E1 decides on the letters U2 will write (_letter_pairs), so its repair reads them as those
# bytes too.  It read them as no byte: a page of "ظﭖ" was judged mojibake and left as it was,
# and the next run, after U2, repaired "ظپ" (found by tools/fuzz.py --combine, seed 55,
# nineteenth session).  The isolated haraka forms are characters of _BETWEEN, as their marks.
_FORM_BYTES = {
    form: nominal
    for form, nominal in NOMINAL.items()
    if len(nominal) == 1 and nominal in _CP1256_CHARACTERS
}
_FORM_BYTES_TABLE = str.maketrans(_FORM_BYTES)
_TOKEN = re.compile("[!-~" + re.escape(_CP1256_CHARACTERS + _BETWEEN + "".join(_FORM_BYTES)) + "]+")
# What a repaired token may contain: ASCII, general punctuation, NBSP, Arabic punctuation and
# guillemets, and the letters, marks and digits of the Arabic blocks.
_PLAUSIBLE = re.compile(
    "[\x00-\x7f\u2000-\u206f\u00a0\u060c\u061b\u061f\u00ab\u00bb"
    "\u0620-\u064a\u064b-\u065f\u0660-\u0669\u066e-\u06d3\u06d5-\u06ed\u06f0-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff]*"
)


# Every Arabic letter is a lead character, so real Arabic is full of pairs with ، ؛ ؟ « »
# ("كتبنا، قرأنا"): only pairs with another continuation character count as evidence.  They are
# found from their second character (rare in real Arabic, so the scan runs in C between them; a
# pattern that starts with the lead class tries every Arabic letter): _ANY_LETTER_PAIR.
# The two most frequent Arabic letters: their count is a lower bound of the letter count.
_FREQUENT_LETTERS = ("\u0627", "\u0644")


def _decodes_to_letter(pair: str) -> bool:
    try:
        decoded = pair.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return False
    return _ARABIC_LETTERS.fullmatch(decoded) is not None


# The pairs that are the mojibake of an Arabic letter: only they are evidence.  A pair that
# would decode to a mark, a digit or a Latin letter is what real text also has: Persian "ظک"
# (D9 98 is the mark U+0658) or "اک" (C7 98 is ǘ) must not make "ظکاکاک" mojibake.
_LETTER_PAIRS = frozenset(
    lead + continuation
    for lead in _LEAD
    for continuation in _TRIGGER
    if _decodes_to_letter(lead + continuation)
)


# The continuation characters that end a letter pair.
_PAIR_ENDS = "".join(sorted({pair[1] for pair in _LETTER_PAIRS}))
# The letter pairs, found from their continuation character (one alternative each, with the
# leads that make a letter with it): counted by the engine, not by a Python test per pair
# (0.12 s for 1 MB of pairs).  The pairs across characters of _BETWEEN are counted apart
# (_pairs_across): one more alternative, a class, made the scan 9x slower on the noisy corpus.
_ANY_LETTER_PAIR = re.compile(
    "|".join(
        f"{re.escape(continuation)}(?<=[{''.join(map(re.escape, leads))}]{re.escape(continuation)})"
        for continuation in sorted(_TRIGGER)
        if (leads := sorted(pair[0] for pair in _LETTER_PAIRS if pair[1] == continuation))
    )
)
# Those that end a pair across characters of _BETWEEN: not one of _DELETED_BYTES, which is a
# byte only where no other continuation character follows (as E1's repair reads them).  So
# the runs walked back over end at different characters, and the count stays linear (every
# soft hyphen of a run, walked back from, was quadratic; the adversarial survey found it).
_ACROSS_ENDS = "".join(c for c in _PAIR_ENDS if c not in _DELETED_BYTES)
_AFTER_BETWEEN = re.compile(f"[{re.escape(_ACROSS_ENDS)}](?<=[{re.escape(_BETWEEN)}].)")


def _pair_across(text: str, at: int) -> bool:
    """Whether the continuation character at ``at``, after characters of _BETWEEN, makes a
    letter pair with the character before them."""
    if text[at] in _DELETED_BYTES:
        return False
    before = at - 1
    while before >= 0 and text[before] in _BETWEEN:
        before -= 1
    return before >= 0 and text[before] + text[at] in _LETTER_PAIRS


# The same for one continuation character: a literal first, which the engine finds at the
# speed of ``str.find`` (the class of _AFTER_BETWEEN is tested at every position: 2.6 ms a
# megabyte, 7% of the time of a 1 MB document with curly quotes, eighth session).  Each is
# walked back from; past _WALKED of them, the pairs across one character of _BETWEEN are
# counted by a pattern, and only those across two or more walked back (a page of "ٔپ", each
# پ after a hamza above, was 200,000 walks, half the time of its clean).
_WALKED = 64
_BETWEEN_SET = frozenset(_BETWEEN)


def _after_one_between(end: str) -> re.Pattern[str] | None:
    """The letter pairs ending with ``end`` across one character of _BETWEEN (``None``: no
    lead makes a letter with it)."""
    leads = "".join(
        pair[0] for pair in sorted(_LETTER_PAIRS) if pair[1] == end and pair[0] not in _BETWEEN_SET
    )
    if not leads:
        return None
    between = re.escape(_BETWEEN)
    return re.compile(f"{re.escape(end)}(?<=[{re.escape(leads)}][{between}]{re.escape(end)})")


def _after_between(end: str, before: str) -> re.Pattern[str]:
    # ``end`` after ``before`` and a character of _BETWEEN.
    between = re.escape(_BETWEEN)
    return re.compile(f"{re.escape(end)}(?<={before}[{between}]{re.escape(end)})")


_ACROSS_ENDS_SET = frozenset(_ACROSS_ENDS)


@cache
def _one_after_between(
    end: str,
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    """``end`` after a character of _BETWEEN; the pairs across one; ``end`` after two or more.
    (Compiled when first needed: the classes are long, and compiling them for every end at
    import cost a fifth of the time of ``import arnorm``.)"""
    return (
        _after_between(end, ""),
        _after_one_between(end),
        _after_between(end, f"[{re.escape(_BETWEEN)}]"),
    )


def _pairs_across(text: str, ends: Iterable[str] | None = None) -> int:
    """The letter pairs of ``text`` with characters of _BETWEEN inside them; ``ends``: the
    continuation characters ``text`` has, when the caller knows them."""
    if ends is None:
        found = _AFTER_BETWEEN.finditer(text)
        return sum(_pair_across(text, match.start()) for match in found)
    pairs = 0
    for end in ends:
        if end not in _ACROSS_ENDS_SET:
            continue
        after_any, after_one, after_more = _one_after_between(end)
        first = list(islice(after_any.finditer(text), _WALKED))
        if len(first) < _WALKED:
            pairs += sum(_pair_across(text, match.start()) for match in first)
            continue
        if after_one is not None:
            pairs += len(after_one.findall(text))
        pairs += sum(_pair_across(text, match.start()) for match in after_more.finditer(text))
    return pairs


# Up to this many continuation characters, their letter pairs are counted one by one ...
_COUNTED_TRIGGERS = 3
# ... and up to this many occurrences of them, each is looked at.
_LOOKED_AT = 64
# The letter pairs by their continuation character.
_LETTER_PAIRS_BY_TRIGGER: dict[str, tuple[str, ...]] = {
    continuation: tuple(sorted(pair for pair in _LETTER_PAIRS if pair[1] == continuation))
    for continuation in _TRIGGER
}


def _is_cp1256_mojibake(
    text: str, has_forms: bool = True, triggers: Iterable[str] | None = None
) -> bool:
    """E1's decision on a bare text in one call (the gate, ``is_cp1256_mojibake``, and E1's
    passes take its two steps apart, to know when removing lines cannot change it): the
    reference the tests compare their shortcuts with.  ``triggers``: the continuation
    characters ``text`` has, when the caller knows them."""
    pairs, text = _letter_pairs(text, has_forms, triggers)
    return pairs >= 3 and _decided(pairs, text)


def _decided(pairs: int, text: str) -> bool:
    """Whether ``pairs`` letter pairs (3 or more) make up half of the letters of ``text``."""
    # Letters only (not digits, marks, tatweel or signs, which later rules change), so the
    # next run decides the same.  Most real text is decided by the lower bound, without
    # counting every letter.
    if 4 * pairs < sum(text.count(letter) for letter in _FREQUENT_LETTERS):
        return False
    return 2 * pairs >= 0.5 * _count(_ARABIC_LETTERS, text)


def _letter_pairs(text: str, has_forms: bool, triggers: Iterable[str] | None) -> tuple[int, str]:
    """The letter pairs of ``text`` (0 when fewer than 3 may be there), and the text they were
    counted on."""
    # Tatweel is not mojibake material (byte DC is ـ, never a continuation), and T1 deletes it
    # between letters: count as if it were gone, so the next run decides the same.
    text = text.replace("\u0640", "")
    for singleton, written in NFC_CONTINUATIONS.items():
        if singleton in text:  # (two replaces in C: a translate looks each character up)
            text = text.replace(singleton, written)
    if has_forms and _FORM.search(text):
        # Presentation forms count as the letters U2 will write, an isolated haraka form as
        # the mark it writes after a letter (every lead of a letter pair is one).
        text = to_nominal(text, haraka_attached=True)
    pairs = 0
    if triggers is not None:
        # A few continuation characters (curly quotes, dashes): each pair ends with one.
        triggers = list(triggers)
        occurrences = sum(text.count(continuation) for continuation in triggers)
        if occurrences < 3:
            return 0, text
        if occurrences <= _LOOKED_AT:  # look at the letter before each
            for continuation in triggers:
                pairs_ending = _LETTER_PAIRS_BY_TRIGGER[continuation]
                at = text.find(continuation, 1)
                while at > 0:
                    if text[at - 1 : at + 1] in pairs_ending or (
                        text[at - 1] in _BETWEEN and _pair_across(text, at)
                    ):
                        pairs += 1
                    at = text.find(continuation, at + 1)
        else:  # count their letter pairs
            for continuation in triggers:
                for pair in _LETTER_PAIRS_BY_TRIGGER[continuation]:
                    pairs += text.count(pair)
            pairs += _pairs_across(text, triggers)
    else:
        pairs = len(_ANY_LETTER_PAIR.findall(text)) + _pairs_across(text)
    return pairs, text


def _cp1256(first: int, last: int, but: str = "") -> str:
    """The class body of the bytes ``first``-``last`` as Windows-1256 decodes them (less the
    characters of ``but``), and of the presentation forms of those characters (_FORM_BYTES)."""
    characters = "".join(c for c in bytes(range(first, last + 1)).decode("cp1256") if c not in but)
    forms = "".join(form for form, nominal in _FORM_BYTES.items() if nominal in characters)
    return re.escape(characters + forms)


# One UTF-8 character as cp1256 text: a lead byte and exactly as many continuation bytes as the
# lead byte announces.  Decoding character by character (not token by token) keeps the repair
# the same whatever the neighbours are (a digit, a mark, an NBSP that later rules change).
# A character of _BETWEEN inside one is kept after the character the sequence decodes to.
# A byte (a group of the pattern, which says where it is) is a continuation character after a
# run of _BETWEEN (_DELETED_BYTES included), or else one of _DELETED_BYTES after a run of the
# others.  The runs are possessive: a long one is read once, not once per way to split it.
_NOT_DELETED_BYTES = _cp1256(0x80, 0xBF, but=_DELETED_BYTES)
_BYTE = (
    f"(?:[{re.escape(_BETWEEN)}]*+([{_NOT_DELETED_BYTES}])"
    f"|[{re.escape(_NEVER_BYTES)}]*+([{re.escape(_DELETED_BYTES)}]))"
)
_SEQUENCE = re.compile(
    f"[{_cp1256(0xC2, 0xDF)}]{_BYTE}"
    f"|[{_cp1256(0xE0, 0xEF)}]{_BYTE}{_BYTE}"
    f"|[{_cp1256(0xF0, 0xF4)}]{_BYTE}{_BYTE}{_BYTE}"
)


def _repair_cp1256_token(match: re.Match[str]) -> str:
    """The token with each sequence repaired (:func:`_repair_cp1256`).

    A token that is valid UTF-8 read as cp1256 throughout and decodes to plausible text is
    decoded whole: that is each sequence decoded, with no Python call per letter (a page of
    mojibake took 7x the time of ordinary text, a call per letter).  A character of _BETWEEN
    inside a sequence is no continuation byte there (it is not one, or, ZWNJ, ZWJ and the soft
    hyphen, it is one the pattern takes as a byte only where no other follows it, which UTF-8
    would then read as a byte too many), so such a token does not decode and goes the slow way;
    a sequence of four bytes decodes beyond the BMP, which is not plausible: the slow way too.
    """
    token = match.group()
    try:
        decoded = token.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return _SEQUENCE.sub(_repair_cp1256, token)
    return decoded if _PLAUSIBLE.fullmatch(decoded) else _SEQUENCE.sub(_repair_cp1256, token)


def _token_repairs() -> Callable[[re.Match[str]], str]:
    """:func:`_repair_cp1256_token` with each distinct token repaired once (a page repeats its
    words: 1.5x faster on 100 articles as mojibake, 4x on one short word repeated, the survey's
    `_PAIR: matches-spaced`; the repair of a token depends on the token alone)."""
    memo: dict[str, str] = {}

    def repair(match: re.Match[str]) -> str:
        token = match.group()
        repaired = memo.get(token)
        if repaired is None:
            repaired = memo[token] = _repair_cp1256_token(match)
        return repaired

    return repair


def _repair_cp1256(match: re.Match[str]) -> str:
    sequence = match.group()
    between = ""
    if len(sequence) > 2:  # (3 or 4 bytes, or characters of _BETWEEN among them)
        start = match.start()
        groups = range(1, _SEQUENCE.groups + 1)  # (the bytes after the lead, where they are)
        at = {match.start(group) - start for group in groups if match.start(group) >= 0}
        if len(at) + 1 < len(sequence):
            between = "".join(c for i, c in enumerate(sequence) if i and i not in at)
            sequence = sequence[0] + "".join(sequence[i] for i in sorted(at))
    try:
        decoded = sequence.translate(_FORM_BYTES_TABLE).encode("cp1256").decode("utf-8")
    except UnicodeError:
        return match.group()
    return decoded + between if _PLAUSIBLE.fullmatch(decoded) else match.group()


# How many times E1 repairs a document at most (see utf8_as_cp1256).
_MAX_PASSES = 4


@rewrite(
    "encoding.utf8_as_cp1256",
    code="E1",
    trigger=_TRIGGER_E1,
    phase=Phase.DOCUMENT,
    # The decision is a gate (``Context.not_cp1256_mojibake``), kept across the document rules
    # after it: the pipeline cleans again when the lines it was read on are removed (found by
    # the atheris fuzzing run, with and without S6 changing the text after E1).
    skip_when=("not_cp1256_mojibake",),
    produces=None,
)
def utf8_as_cp1256(text: str, ctx: Context) -> str:
    """Repair UTF-8 that was decoded as Windows-1256 (ftfy cannot: 1256 is not in its charmaps).

    Only when the document is mostly such mojibake (≥ 3 lead/continuation pairs, and they make
    up at least half of its Arabic-block characters); then each token with a pair is re-decoded
    and kept only if the result is plausible Arabic text.  Real Arabic that happens to contain
    a pair (``ضغط، ثم``) does not qualify.  A mark or an invisible character inside a sequence,
    which a later rule may delete, does not hide it: it is kept after the repaired letter.

    >>> from arnorm.chars.encoding import utf8_as_cp1256
    >>> utf8_as_cp1256("ط§ظ„ط¹ط±ط¨ظٹط©")
    'العربية'
    >>> utf8_as_cp1256("ضغط، ثم اضغط، ثم ضغط، ثم")
    'ضغط، ثم اضغط، ثم ضغط، ثم'
    """
    # Decomposed input (آ as ا + madda) is not what a decoder wrote: compose it first.
    composed = composed_nfc(text, ctx)
    repair = _token_repairs()
    repaired = _TOKEN.sub(repair, composed)
    # A repair can write a character that makes a new pair with its neighbour (ع before the
    # "…" that "â€¦" decodes to), and the next run would repair that: repair again while the
    # result is still judged mojibake (found by a random search in the sixth session).  Each
    # pass shortens the text; chains of new pairs end within a few (a decoded letter is rarely
    # a continuation character again).
    for _ in range(_MAX_PASSES - 1):
        if repaired == composed:
            break
        composed = to_nfc(repaired)
        pairs, counted = _letter_pairs(composed, True, None)
        if pairs < 3:
            break  # (removing lines cannot make 3)
        if not _decided(pairs, counted):
            # Pairs are left that the rest of the document outweighs: when the line rules
            # remove lines, or a later rule shifts the letters counted, the next run may
            # decide otherwise: the pipeline asks again about its output
            # (Context.apply_again_if_counts_shift).  Doubly encoded lines beside a line of a
            # user's phrase were repaired once, and again by the next run, once the line was
            # gone (found by tools/fuzz.py --combine, seed 47, seventeenth session).
            ctx.apply_again_if_counts_shift.add(utf8_as_cp1256.id)
            break
        repaired = _TOKEN.sub(repair, composed)
    return text if repaired == text else repaired


def is_cp1256_mojibake(ctx: Context) -> bool:
    """E1's decision on the document of ``ctx``: is it mostly UTF-8 read as Windows-1256?

    Decided on the text as it is: NFC writes no continuation character (but the two of
    NFC_CONTINUATIONS, read as what it writes), no lead of a letter pair (ط ظ ع غ) and no
    letter it does not take away (ا + madda is آ, one letter either way), so the decision on
    its NFC is the same, without a pass to compose the text.  When it finds
    fewer than 3 pairs, removing lines cannot change it (``Context.removal_stable``).
    """
    has_forms = ctx.has_presentation_forms
    triggers = None
    if ctx.present is not None:
        written = ctx.present.intersection(_WRITTEN_TRIGGER)
        found = frozenset(NFC_CONTINUATIONS.get(c, c) for c in written)
        # The continuation characters the forms present will be counted as (ﭖ is پ): left
        # out, E1 found 2 pairs where the next run, after U2, found 3 (found by a mutation
        # search in the ninth session).  Forms of other letters add none.
        of_forms = (
            frozenset().union(*(_CONTINUATIONS_OF_FORM.get(c, "") for c in ctx.present))
            if has_forms
            else frozenset()
        )
        if not of_forms and (
            # Fewer than 3 continuation characters cannot make 3 pairs, nor can curly quotes
            # alone (each pair ends with one; a form of a lead, ﻁ, only makes a lead).
            (len(found) < 3 and sum(map(ctx.text.count, written)) < 3)
            or not any(_LETTER_PAIRS_BY_TRIGGER[continuation] for continuation in found)
        ):
            ctx.removal_stable.add("not_cp1256_mojibake")
            return False
        found |= of_forms
        # A few (curly quotes, dashes) are counted pair by pair; more are scanned for.
        if len(found) <= _COUNTED_TRIGGERS:
            triggers = sorted(found)
    pairs, text = _letter_pairs(ctx.text, has_forms, triggers)
    if pairs < 3:
        # Removing lines never adds a pair: the pipeline need not decide again after the line
        # phase (three decisions a document were 10% of the time on the benchmark corpora).
        ctx.removal_stable.add("not_cp1256_mojibake")
        return False
    return _decided(pairs, text)


_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
# The characters UTF-8 lead bytes become in Latin-1, Windows-1252 and MacRoman (plus the C1
# controls and surrogates ftfy repairs): without one of them ftfy has nothing to do.
_LATIN_MOJIBAKE = (
    "".join(chr(c) for c in range(0xC2, 0xF5))
    + "\u00ff\u0178\u2044\u0152\u0153\u2030"
    + "".join(chr(c) for c in range(0x80, 0xA0))
)
# E2 gives ftfy only the lines with one of them: ftfy also decodes from Windows-1250, 1251,
# 1253, 1257 and others, and "Ų©" (1257) after two U+FFFD was repaired when a Latin-1
# character elsewhere in the document ran E2, and left when none did (found by a mutation
# search in the ninth session: the pipeline's fast path and its reference path disagreed).
_LATIN_MOJIBAKE_LINE = re.compile(f"[{re.escape(_LATIN_MOJIBAKE)}]")

# The characters a later rule writes as one of them: U1's NFC (the angstrom sign is Å) and the
# search profile's NFKC from U+0370 (𐞃 is æ, ⅐ is 1⁄7, ꟹ is œ).  The pipeline judges E2 again
# on its output only when the input had one of its triggers; S6 wrote æ after "\ufffd\ufffdŲ",
# E2 repaired "Ųæ" (Windows-1257: D8 BF, ؿ) on the next run (mutation search, seed 25,
# thirteenth session).  tests/test_hardening.py checks the list against unicodedata2.
LATER_E2_TRIGGERS = (
    "\u1d2d\u1d9e\u212b\u2150\u2151\u2152\u2153\u2154\u2155\u2156\u2157\u2158\u2159"
    "\u215a\u215b\u215c\u215d\u215e\u215f\u2189\ua7f9\U00010783\U0001d6a6\U0001df95"
)
# The trigger has the accents of those characters too: E2 composes its text first (Ù written
# as U + U+0300 is mojibake too), and without them U1 composed it and the next run repaired.
_TRIGGER_E2 = (
    _LATIN_MOJIBAKE
    + "".join(
        sorted({accent for c in _LATIN_MOJIBAKE for accent in unicodedata.normalize("NFD", c)[1:]})
    )
    + LATER_E2_TRIGGERS
)


# What ftfy reads of a line: Arabic is in none of its charmaps, so a run of it only parts the
# sequences around it (a search fold inside it changes nothing ftfy sees; deleting it all joins
# them).
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def _ftfy_reads(line: str) -> str:
    """What ftfy reads of ``line``: each run of Arabic as one placeholder."""
    return _ARABIC_RUN.sub("\x00", line)


@rewrite(
    "encoding.utf8_as_latin",
    code="E2",
    trigger=_TRIGGER_E2,
    phase=Phase.DOCUMENT,
    produces=None,
    # ftfy reads each line as a whole: a mark M5c deletes between Ø and §, a tatweel S5
    # deletes elsewhere in the line, an NBSP U2 writes after Ù change what it decides, and the
    # next run repaired (found by a random search in the sixth session).
    judged_on_output=_ftfy_reads,
)
def utf8_as_latin(text: str, ctx: Context) -> str:
    """Repair UTF-8 decoded as Latin-1, Windows-1252 or MacRoman (ftfy, encoding fixes only).

    ftfy runs with an encoding-only configuration, never its defaults, which would also change
    correct text (curly quotes, ligatures, full-width characters, line separators).  Its repair
    is kept only when it brings back Arabic letters: Latin-script mojibake (``cafÃ©``) is left
    to ftfy itself.

    >>> from arnorm.chars.encoding import utf8_as_latin
    >>> utf8_as_latin("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©")
    'العربية'
    >>> utf8_as_latin("“مقدمة” café")
    '“مقدمة” café'
    """
    # Decomposed input (Ù as U + grave) is not what a decoder wrote: compose it first.  A
    # soft hyphen that does not follow a lead byte (Ø + U+00AD is ح) is a real one, which I2
    # deletes later: ftfy must not see it, or the next run would judge differently.
    composed = composed_nfc(text, ctx)
    if SOFT_HYPHEN in composed:
        composed = _REAL_SOFT_HYPHEN.sub("", composed)
    # The same for an NBSP (Ø + NBSP is ؠ): a real one becomes a space later (I7) anyway.
    if "\u00a0" in composed:
        composed = _REAL_NBSP.sub(" ", composed)
    # And for NEL, which I8 turns into a line break.
    if "\u0085" in composed:
        composed = _REAL_NEL.sub("\n", composed)
    # ftfy judges a line at a time: it sees the lines I8 makes of CR, CRLF, LS and PS (with
    # "Ų©" + CR, it left the line that the next run repaired; found by the atheris run, eighth
    # session).
    composed = newlines(composed, _BREAKS_BUT_NEL)
    if ctx.options.get("quotes") == "ascii":
        # P4 will write every quote as " anyway: ftfy sees them so, as the next run will.
        composed = ASCII_QUOTE.sub('"', composed)
    # ftfy's repair is kept only when it brings back Arabic letters, and only a line with one of
    # _MAY_BECOME_LETTER can gain one (see there): ftfy runs on those lines first, and on the
    # others only when one of them gained (their repairs are then kept too).  A Latin-script
    # line ("l’été", "é" + NEL + "—") is given to ftfy only when some line gains; in a text
    # without one of them, no line is looked at.
    repairs = _Repairs()
    fixed = (
        _fix_with_quotes_aside(composed, repairs)
        if _MAY_BECOME_LETTER.search(composed)
        else composed
    )
    # (``composed`` has the letters of ``text``: what is set aside above is no letter, and NFC
    # composes a letter of U+0621-U+064A only from one, ا + U+0654 = أ.  Counted on the lines
    # ftfy changed: two counts of the whole text were 12% of the noisy bench corpus's time.)
    if fixed != composed and _gains_letters(composed, fixed):
        if repairs.deferred:  # (the second pass: every line; those of the first not redone)
            repairs.deferred = None
            fixed = _fix_with_quotes_aside(composed, repairs)
        # Keep the repair only when it brings back Arabic: on Latin-script text ftfy's
        # judgement flips with the characters around a sequence (² ß ¢, « Â), so a later rule
        # could make the next run repair what this one left: cleaning would not be idempotent.
        # What it writes can make pairs E1 decided without ("â€¦" after ظ is ظ…, the
        # mojibake of م): E1's gate is read again at the end, when it wrote more; and when E1
        # ran (a page of mojibake of both kinds), E1 is asked about the output, which is
        # cleaned again if it repairs more (ط§ then Ù\x81¦: E2 wrote ف before the ¦, and the
        # next run repaired ف¦; found by tools/fuzz.py --combine, seed 56, nineteenth session).
        if makes_letter_pairs(text, fixed):
            ctx.judge_again.add("not_cp1256_mojibake")
            ctx.apply_again.add(utf8_as_cp1256.id)
        text = fixed
    # (If ftfy changed nothing, ``composed`` differs from ``text`` only by the characters set
    # aside above and by NFC, which change no letter of U+0621-U+064A: no Arabic gained.)
    # What it leaves is what it judged (see Rule.judged_on_output): its own result included.
    ctx.memo[utf8_as_latin.id] = text
    return text


def _changed_lines(before: str, after: str) -> tuple[str, str]:
    """The lines of ``before`` and of ``after`` that differ, each joined by newlines (the texts
    themselves when they have not as many lines)."""
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return before, after
    changed = [
        i for i, (old, new) in enumerate(zip(old_lines, new_lines, strict=True)) if old != new
    ]
    return "\n".join(old_lines[i] for i in changed), "\n".join(new_lines[i] for i in changed)


def makes_letter_pairs(before: str, after: str) -> bool:
    """Whether ``after`` has more letter pairs for E1 than ``before``, counted on the lines
    that differ (a rule after E1 that writes continuation characters asks, E2 and P4: most
    lines of a document are the same)."""
    before, after = _changed_lines(before, after)
    made = _letter_pairs(after, True, None)[0]
    return made > 0 and made > _letter_pairs(before, True, None)[0]


# Quotes that do not follow a lead byte are real quotes; ftfy judges a sequence differently
# next to one (« Ø¤), and the search profile rewrites them (S7): ftfy must not see them.
# (After Â, a curly quote would decode to a C1 control: it is a real quote there too.)
REAL_QUOTE = re.compile(  # (the quote first, so the scan runs in C between quotes)
    "[\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019](?<![\u00c2-\u00f4][\u00ab\u00bb])"
    "(?<![\u00c3-\u00f4][\u201c\u201d\u201e\u2018\u2019])"
)
_PLACEHOLDER = "\x00"


def _fix_with_quotes_aside(text: str, repairs: _Repairs | None = None) -> str:
    """ftfy's encoding repair of the lines with a character of _LATIN_MOJIBAKE, with the real
    quotes set aside and put back afterwards (``repairs``: see :func:`fix_text`)."""
    quotes = REAL_QUOTE.findall(text)
    if not quotes or _PLACEHOLDER in text:
        return fix_text(text, _LATIN_MOJIBAKE_LINE, repairs)
    fixed = fix_text(REAL_QUOTE.sub(_PLACEHOLDER, text), _LATIN_MOJIBAKE_LINE, repairs)
    pieces = fixed.split(_PLACEHOLDER)
    if len(pieces) != len(quotes) + 1:
        return fix_text(text, _LATIN_MOJIBAKE_LINE, repairs)
    return "".join(piece + quote for piece, quote in zip(pieces, [*quotes, ""], strict=True))


# ftfy repairs a text line by line ("\n" ends a line; ftfy.fix_text), each line on its own, and
# leaves a line of these characters as it is: ASCII, the Arabic blocks and presentation forms
# (no encoding ftfy considers decodes bytes to them: 1256 is not among them), and the NBSP,
# quotes, guillemets, dashes and ellipsis of Arabic text, which are never the continuation
# byte a lead byte needs (they are lead bytes in MacRoman, continuation bytes in Windows-1252
# whose lead bytes, Â-ô, are not here), and the invisible, bidi and line-separator characters
# of U+200B-U+200F, U+2028-U+202E and U+2060-U+2069 (no encoding ftfy tries has them: a line
# of one separator a letter made ftfy run once per line, 20x ordinary text).  Such lines, most
# of a document, are not given to ftfy (tests/test_encoding_lines.py checks both facts).
_FTFY_SAFE = (
    "\x00-\x7f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
)
_FTFY_UNSAFE = re.compile(f"[^{_FTFY_SAFE}]")


# A line with other characters is still left as it is when ftfy has nothing to decode in it
# (Latin-script text: "café", a line of "é é é", which ftfy's detector reads at ~5 MB/s).
# With _FTFY_CONFIG, ftfy changes a line only by
# - decoding it again from one of its single-byte charmaps (``chardata.CHARMAP_ENCODINGS``) as
#   UTF-8: that needs a lead byte followed by a continuation byte; or, for
#   ``replace_lossy_sequences``, a lead byte followed by "?" or 0x1A (U+FFFD in the sloppy
#   charmaps), or a 0x1A of its own, which it writes as U+FFFD; or, for ``restore_byte_a0``,
#   one of the lead bytes it looks for (C2 C3 C5 CE D0 D9 E2 E3 F0) followed by a space (not
#   in MacRoman): _MAY_DECODE, with the characters of those bytes in any of the charmaps (one
#   test, not one per charmap, which was slower than ftfy on a line of "éééé"; an Arabic
#   letter is a byte of none of them), and U+001A in _C1_OR_SURROGATE;
# - decoding the sequences of ``chardata.UTF8_DETECTOR_RE`` on their own: _MAY_BE_INCONSISTENT
#   is that pattern without its look-behind (it matches wherever the detector does);
# - C1 controls and surrogates, which it rewrites: _C1_OR_SURROGATE.
# When none of these is in a line, no step changes it, so none follows: ftfy would return it
# as it is (tests/test_encoding_lines.py compares the two).  A line that has one of them is
# given to ftfy, which decides.
def _characters_of(values: Iterable[int], encodings: list[str]) -> set[str]:
    """The characters the bytes ``values`` decode to in any of ``encodings`` (ftfy's charmaps)."""
    characters = {
        bytes([value]).decode(encoding, errors="ignore")
        for value in values
        for encoding in encodings
    }
    characters.discard("")
    return characters


def _class_body(characters: Iterable[str]) -> str:
    return "".join(re.escape(character) for character in sorted(characters))


def _byte_characters(values: Iterable[int], encodings: list[str]) -> str:
    """The characters ``values`` decode to in any of ``encodings`` (ftfy's charmaps), as the
    body of a class."""
    return _class_body(_characters_of(values, encodings))


_BEFORE_A0 = [0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE2, 0xE3, 0xF0]  # restore_byte_a0's leads


def _may_decode(encodings: list[str]) -> re.Pattern[str]:
    """Whether a line may have something to decode from one of ``encodings`` (see above)."""
    # (ftfy restores no byte A0 in MacRoman: "– " is D0 and a space there, and is left)
    restoring = [encoding for encoding in encodings if encoding != "macroman"]
    before_a0 = _byte_characters(_BEFORE_A0, restoring)
    return re.compile(
        f"[{_byte_characters([0xC0, *range(0xC2, 0xF5)], encodings)}]"
        f"(?:[{_byte_characters(range(0x80, 0xC0), encodings)}?\\x1a\\ufffd]"
        + (f"|(?<=[{before_a0}]) )" if before_a0 else ")")
    )


# One test for all the charmaps, then one per charmap on the lines it passes: ftfy decodes a
# line from one charmap at a time, so the lead and the byte after it must be characters of the
# same one.  A line of "é" passed the first (é is a lead in Latin-1, a continuation byte in
# MacRoman) and ftfy was called on it (4-5x ordinary text in the adversarial survey).
_MAY_DECODE = _may_decode(list(ftfy.chardata.CHARMAP_ENCODINGS))
_MAY_DECODE_IN = tuple(_may_decode([encoding]) for encoding in ftfy.chardata.CHARMAP_ENCODINGS)
_CLUES = ftfy.chardata.UTF8_CLUES
_MAY_BE_INCONSISTENT = re.compile(
    f"[{_CLUES['utf8_first_of_2']}{_CLUES['utf8_first_of_3']}{_CLUES['utf8_first_of_4']}]"
    f"(?:(?<=[{_CLUES['utf8_first_of_2']}])[{_CLUES['utf8_continuation']}]"
    f"|(?<=[{_CLUES['utf8_first_of_3']}])[{_CLUES['utf8_continuation']}]{{2}}"
    f"|(?<=[{_CLUES['utf8_first_of_4']}])[{_CLUES['utf8_continuation']}]{{3}})"
)
_C1_OR_SURROGATE = re.compile("[\x1a\x80-\x9f\ud800-\udfff]")


def _nothing_to_decode(line: str) -> bool:
    """No decoding step of ftfy can fire on ``line`` (see above): in no charmap a lead byte
    followed by what ftfy decodes or restores after one, and no sequence of its detector."""
    first = _MAY_DECODE.search(line)
    # (a charmap's match is a match of _MAY_DECODE too: none starts before its first)
    return (
        first is None or not any(pattern.search(line, first.start()) for pattern in _MAY_DECODE_IN)
    ) and _MAY_BE_INCONSISTENT.search(line) is None


def _ftfy_may_change(line: str) -> bool:
    return _C1_OR_SURROGATE.search(line) is not None or not _nothing_to_decode(line)


# ftfy's ``fix_c1_controls`` as one translate: a C1 control becomes the Windows-1252 character
# of its byte (the five bytes Windows-1252 leaves undefined stay as they are).  ftfy calls a
# Python function per control: a line of them was 22x ordinary text in the adversarial survey.
_C1_AS_WINDOWS_1252 = {
    code: bytes([code]).decode("sloppy-windows-1252") for code in range(0x80, 0xA0)
}
_NOT_ONLY_C1 = re.compile("[\x1a\ufffd\ud800-\udfff]")


def _may_become(values: Iterable[int], encodings: list[str]) -> str:
    """The characters that ftfy may turn, in one step or more, into a byte of ``values`` of a
    text it decodes as UTF-8, as the body of a class.

    ftfy writes a character only by decoding it as UTF-8 from bytes that one of its charmaps
    (``encodings``) gave (the whole line's, or a sequence's of its detector: a character of
    U+0080 or more comes from its lead byte there), or by rewriting a C1 control as the
    Windows-1252 character of its byte; the bytes it restores or replaces are A0 and U+FFFD's,
    a continuation byte and EF, which gives U+FFFD, a byte of no charmap.  So a character that
    becomes one of the bytes is one of theirs in a charmap, or a C1 control rewritten as one,
    or the lead byte of one of those in a charmap, and so on: the fixed point.
    """
    leads = set(values)
    characters: set[str] = set()
    while True:
        found = _characters_of(leads, encodings)
        found |= {chr(code) for code, written in _C1_AS_WINDOWS_1252.items() if written in found}
        more = {character.encode("utf-8", "surrogatepass")[0] for character in found}
        if found == characters and more <= leads:
            return _class_body(characters)
        characters, leads = found, leads | more


# The characters of a line that may gain an Arabic letter of U+0621-U+064A in ftfy's repair: in
# UTF-8, such a letter starts with byte D8 or D9, and ftfy writes one only from those (a line
# without one of these keeps its Arabic letters too: no charmap has them, and ftfy decodes
# only sequences of charmap characters).  With the characters that become C0, which ftfy's
# "utf-8-variants" decodes with 80 as a NUL: the placeholder of a quote set aside
# (_fix_with_quotes_aside), which would change how the other lines are repaired.
# (Ø Ù, Ã Â â, Greek capitals, Cyrillic, the en dash of MacRoman…: tests/test_encoding_lines.py
# checks against ftfy that a line without one of them gains no letter.)
_MAY_BECOME_LETTER = re.compile(
    f"[{_may_become([0xC0, 0xD8, 0xD9], list(ftfy.chardata.CHARMAP_ENCODINGS))}]"
)


def c1_controls_rewritten(line: str) -> str | None:
    r"""``ftfy.fix_text(line, _FTFY_CONFIG)`` when ftfy decodes nothing in the line: the line
    with its C1 controls rewritten as ftfy's ``fix_c1_controls`` does (the line itself when it
    has none); else ``None`` (ftfy must decide).

    ftfy decodes nothing when :func:`_nothing_to_decode` finds nothing ("§": no lead byte)
    or, exactly, when ``ftfy_shortcut.decodes_nothing`` says so ("l’été": é and ’ are a lead
    byte and a continuation byte in Windows-1252, but the line is not UTF-8 in any charmap),
    both before and after the C1 controls are rewritten ("€§" may be MacRoman for U+06E4); and
    the line has no surrogate, U+001A or U+FFFD (which ftfy's other repairs read).  Then, along
    ftfy 6.3's ``fix_text``: its encoding step decodes nothing, its detector of embedded
    sequences finds none, and it either rewrites the C1 controls (``fix_c1_controls``, or
    Latin-1 read as Windows-1252, the same text) or, when the line is not "bad", leaves them to
    ``fix_c1_controls`` in its loop of fixers.  The rewritten line has nothing to decode either
    and no C1 control but the five Windows-1252 leaves undefined, which ftfy keeps: its loops
    stop there (tests/test_encoding_lines.py compares with ftfy).  Off with another ftfy than
    6.3.

    >>> c1_controls_rewritten("ا") if ftfy_shortcut.ENABLED else "“ا”"
    '“ا”'
    >>> c1_controls_rewritten("l’été") if ftfy_shortcut.ENABLED else "l’été"
    'l’été'
    >>> c1_controls_rewritten("§") is None  # ("€§" may be MacRoman: ftfy decides)
    True
    """
    return _c1_rewritten(line, not _nothing_to_decode(line))


def _c1_rewritten(line: str, decodes: bool) -> str | None:
    # c1_controls_rewritten; ``decodes``: whether _nothing_to_decode found something in the line.
    if not ftfy_shortcut.ENABLED or _NOT_ONLY_C1.search(line):
        return None
    if decodes and not ftfy_shortcut.decodes_nothing(line):
        return None
    if ftfy.chardata.C1_CONTROL_RE.search(line) is None:  # (what fix_c1_controls rewrites)
        return line
    rewritten = line.translate(_C1_AS_WINDOWS_1252)
    if _nothing_to_decode(rewritten) or ftfy_shortcut.decodes_nothing(rewritten):
        return rewritten
    return None


def _fix_line(line: str, decodes: bool) -> str:
    """ftfy's repair of ``line`` without the spaces and tabs at its ends, which stay as they
    are: W1 trims them, and ftfy judges a sequence differently beside a space (``Ø³Ø `` is
    left, ``Ø³Ø`` repaired: the next run repaired; found by the long hypothesis run in the
    seventh session).  ``decodes``: whether the line may have something to decode (if not,
    nor has the part of it ftfy reads)."""
    content = line[:-1] if line.endswith("\n") else line
    core = content.strip(" \t")
    if not core:
        return line
    start = len(content) - len(content.lstrip(" \t"))
    # (ftfy's answer without ftfy where it can be shown: nothing decoded, or the commonest
    # mojibake; each returns None at once on most lines of the other kind)
    fixed = _c1_rewritten(core, decodes)
    if fixed is None:
        fixed = decoded_directly(core)
    if fixed is None:
        fixed = ftfy.fix_text(core, _FTFY_CONFIG)
    return line[:start] + fixed + line[start + len(core) :]


class _Repairs:
    """E2's two passes over a text (see :func:`utf8_as_latin`): the repair of each line given
    to ftfy, and how many lines the first pass left for the second (``None``: in the second)."""

    __slots__ = ("deferred", "lines")

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}
        self.deferred: int | None = 0


def fix_text(
    text: str, only: re.Pattern[str] | None = None, repairs: _Repairs | None = None
) -> str:
    """``ftfy.fix_text(text, _FTFY_CONFIG)``, with ftfy called only on the lines it may change
    (and, with ``only``, on those with a match of it).  With ``repairs`` in its first pass, a
    line without a character of _MAY_BECOME_LETTER is left and counted; a line repaired once
    is not repaired again."""
    pieces: list[str] = []
    done = 0  # the text before this is in ``pieces``
    unsafe = _FTFY_UNSAFE.search(text)
    while unsafe is not None:
        start = text.rfind("\n", done, unsafe.start()) + 1 or done
        end = text.find("\n", unsafe.start()) + 1 or len(text)
        line = text[start:end]
        if only is None or only.search(line):
            fixed = None if repairs is None else repairs.lines.get(line)
            if fixed is None:
                if (
                    repairs is not None
                    and repairs.deferred is not None
                    and not _MAY_BECOME_LETTER.search(line)
                ):
                    repairs.deferred += 1
                    unsafe = _FTFY_UNSAFE.search(text, end)
                    continue
                decodes = not _nothing_to_decode(line)
                if decodes or _C1_OR_SURROGATE.search(line) is not None:  # (_ftfy_may_change)
                    fixed = _fix_line(line, decodes)
                else:
                    fixed = line
                if repairs is not None:
                    repairs.lines[line] = fixed
            if fixed is not line:
                pieces.append(text[done:start])
                pieces.append(fixed)
                done = end
        unsafe = _FTFY_UNSAFE.search(text, end)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# (Each starts with its character, so the scan runs in C between them; the look-behind then
# reads the character before it.)
_REAL_SOFT_HYPHEN = re.compile(f"{SOFT_HYPHEN}(?<![\u00c2-\u00f4]{SOFT_HYPHEN})")
# (After à or ð, byte 85 cannot continue a UTF-8 character: E0 needs A0-BF, F0 needs 90-BF.)
_BREAKS_BUT_NEL = tuple(line_break for line_break in BREAKS if line_break != "\u0085")
_REAL_NEL = re.compile("\u0085(?<![\u00c2-\u00df\u00e1-\u00ef\u00f1-\u00f4]\u0085)")
_REAL_NBSP = re.compile(f"\u00a0(?<![\u00c2-\u00f4]\u00a0)(?![{CARRIED_MARKS}])")


def _gains_letters(before: str, after: str) -> bool:
    """Whether ``after`` has more letters of U+0621-U+064A than ``before`` (counted on the
    lines that differ)."""
    before, after = _changed_lines(before, after)
    return _count(_ARABIC_LETTER, after) > _count(_ARABIC_LETTER, before)


def _count(characters: re.Pattern[str], text: str) -> int:
    # How many characters of a class the text has, without a list of them (findall made E1
    # peak at 37x the input's size on 2 MB of Arabic).
    return len(text) - len(characters.sub("", text))


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


# The Latin-1 letters (a legacy token is made of them), and the characters a later rule writes as
# one of them: U1's NFC writes the angstrom sign as Å, and the search profile's NFKC (S6)
# writes the others (test_hardening checks the list against unicodedata2).  A token decodes
# them as the letter they become.
_LATIN1_LETTERS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_AS_LATIN1 = {
    "\u1d2d": "\u00c6",  # ᴭ MODIFIER LETTER CAPITAL AE: Æ
    "\u1d9e": "\u00f0",  # ᶞ MODIFIER LETTER SMALL ETH: ð
    "\u212b": "\u00c5",  # Å ANGSTROM SIGN: Å
    "\U00010783": "\u00e6",  # 𐞃 MODIFIER LETTER SMALL AE: æ
    "\U000107a2": "\u00f8",  # 𐞢 MODIFIER LETTER SMALL O WITH STROKE: ø
    "\U0001d6a6": "\u00df",  # MATHEMATICAL ITALIC SMALL LIGATURE LONG S WITH DESCENDER S: ß
    "\U0001df95": "\u00df",  # LATIN SMALL LIGATURE LONG S WITH DESCENDER S: ß
}
LATER_LATIN1_LETTERS = "".join(_AS_LATIN1)
_AS_LATIN1_TABLE = str.maketrans(_AS_LATIN1)
# What a later rule may delete between a token's letters (the Arabic marks, tatweel, the
# invisible and bidi characters, the soft hyphen), and the presentation forms U2 writes as
# them (ﹷ is tatweel and fatha): a token reads across them, or the next run would decode the
# token their deletion makes (ð ZWJ ðÆ, found by atheris in the eighth session).  Not the
# combining accents: U1 composes them (A + U+0300 is À).  Nor ZWSP and WORD JOINER: between
# two letters I6 keeps them and the search profile's S7 writes a space, so they end a token (E3
# read across them: "Ç" ZWSP "áÚ", repeated, was one token, judged too few to decode, and the
# next run decoded the tokens S7's spaces had made; found by tools/fuzz.py --combine, seed 59,
# twenty-second session).
_ENDS_TOKEN = "\u200b\u2060"
_DELETED_INSIDE = f"{MARK_CLASS}{SOFT_HYPHEN}\u0640" + class_body(
    c for c in expand_class(_DELETED_INVISIBLE) if c not in _ENDS_TOKEN
)
_INSIDE_TOKEN = _DELETED_INSIDE + "".join(
    sorted(c for c, nominal in NOMINAL.items() if re.fullmatch(f"[{_DELETED_INSIDE}]+", nominal))
)
_LEGACY_TOKEN = re.compile(
    f"(?<![A-Za-z])[{_LATIN1_LETTERS}{LATER_LATIN1_LETTERS}]"
    f"(?:[{_INSIDE_TOKEN}]*+[{_LATIN1_LETTERS}{LATER_LATIN1_LETTERS}]){{2,}}(?![A-Za-z])"
)
_INSIDE = re.compile(f"[{_INSIDE_TOKEN}]+")
# A run of what a later rule deletes and of combining marks: what in it comes before its last
# accent goes, as the later rules' deletions let NFC compose the accent with its letter.
# (A character beyond the BMP is tested against the class of ~120 ranges only once one range
# test has found it beyond the BMP.)
_MARK_RUN = re.compile(
    f"(?:[{_INSIDE_TOKEN}{NON_STARTER_CLASS}]"
    f"|[\U00010000-\U0010ffff](?<=[{ASTRAL_NON_STARTER_CLASS}]))+"
)
_ACCENT = re.compile("[\u0300-\u036f]")


def _composed_as_later(text: str) -> str:
    """``text`` in NFC as U1 and the rules that delete leave it around an accent: what they
    delete between a letter and its accent gone (A + U+0654 + U+0300 is À once M5c has deleted
    the hamza), in the canonical order U1 puts the marks in first (A + U+0654 + U+1BC9E +
    U+0300: the hamza comes next to the accent; found by the mutation search, ninth session)."""
    text = to_nfc(text)
    if not _ACCENT.search(text):
        return text

    def without_deleted(match: re.Match[str]) -> str:
        run = match.group()
        accents = [accent.start() for accent in _ACCENT.finditer(run)]
        if not accents:
            return run
        return _INSIDE.sub("", run[: accents[-1]]) + run[accents[-1] :]

    return to_nfc(_MARK_RUN.sub(without_deleted, text))


def _legacy_enabled(options: Options) -> bool:
    return options["legacy_cp1256"] is True


@rewrite(
    "encoding.cp1256_as_latin1",
    code="E3",
    trigger="".join(chr(c) for c in range(0xC0, 0x100)),
    phase=Phase.DOCUMENT,
    profiles=("repair", "search"),
    enabled_if=_legacy_enabled,
    # Real Arabic is judged on letters, which no later rule takes away (a "۹" beside the tokens
    # turned the rule off, D1 wrote "9", and the next run decoded them), and as a gate, so that
    # the document is cleaned again when removed lines took its Arabic with them (both found
    # by the atheris fuzzing run).
    skip_when=("real_arabic",),
    produces=None,
)
def cp1256_as_latin1(text: str, ctx: Context) -> str:
    """Repair legacy Windows-1256 text read as Latin-1 (opt-in: ``legacy_cp1256=True``).

    Only when the document has no real Arabic (letters or presentation forms; Arabic digits
    and punctuation do not count) and at least 3 tokens made entirely of accented Latin-1
    letters (French or Spanish words also contain plain ASCII letters) that decode to Arabic;
    a token whose decoding would mix Arabic with the Latin letters Windows-1256 keeps
    (à ç é ...) is not Arabic and stays as it is.

    A token reads across what later rules delete between its letters (marks, tatweel,
    invisible and bidi characters, the soft hyphen), which stay where they are, but not across
    a ZWSP or WORD JOINER, which stay between letters (or become a space), and is read
    in NFC (the text is returned in NFC when tokens are decoded; U1 runs next): the next run
    never finds a token this one did not.

    >>> from arnorm.chars.encoding import cp1256_as_latin1
    >>> cp1256_as_latin1("ÇáÚÑÈíÉ áÛÉ ÌãíáÉ", legacy_cp1256=True)
    'العربية لغة جميلة'
    >>> cp1256_as_latin1("ÇáÚÑÈíÉ áÛÉ ÌãíáÉ ÞßàáâãäåæçèéêëìíîïðñòóôÿŸ", legacy_cp1256=True)
    'العربية لغة جميلة ÞßàáâãäåæçèéêëìíîïðñòóôÿŸ'
    >>> cp1256_as_latin1("Ç\u200dáÚÑÈíÉ áÛÉ ÌãíáÉ", legacy_cp1256=True) == "ا\u200dلعربية لغة جميلة"
    True
    """
    # Judged and decoded in NFC, as U1 will leave the text, with what a later rule deletes
    # between a letter and its accent gone: the next run must not find tokens this one did not.
    repaired, decoded = _decode_tokens(_composed_as_later(text))
    return repaired if decoded >= 3 else text


def _decode_tokens(text: str) -> tuple[str, int]:
    """``text`` with its legacy tokens decoded, and how many were."""
    cache: dict[str, str | None] = {}
    decoded = 0

    def decode(match: re.Match[str]) -> str:
        nonlocal decoded
        token = match.group()
        if token not in cache:
            cache[token] = _decode_legacy(token)
        arabic = cache[token]
        if arabic is None:
            return token
        decoded += 1
        return arabic

    return _LEGACY_TOKEN.sub(decode, text), decoded


# What a legacy token must decode to: characters of the Arabic block (and the LRM and RLM that
# Windows-1256 has at FD and FE), and an Arabic letter (two scans: no backtracking).
_LEGACY_ARABIC = re.compile("[\u0600-\u06ff\u200e\u200f]*")


def _decode_legacy(token: str) -> str | None:
    """The Arabic a legacy token decodes to, or None when it does not decode to Arabic only.

    Windows-1256 keeps à â ç è é ê ë î ï ô ù û ü at their Latin-1 places, and Arabic words
    never contain them: a token that would decode to Arabic mixed with them is not Arabic.
    """
    letters = _INSIDE.sub("", token).translate(_AS_LATIN1_TABLE)
    try:
        arabic = letters.encode("latin-1").decode("cp1256")
    except UnicodeError:
        return None
    if not (_LEGACY_ARABIC.fullmatch(arabic) and _ARABIC_LETTER.search(arabic)):
        return None
    if len(letters) == len(token):
        return arabic
    # Each letter decodes to one character; what is between them stays where it is.
    decoded = iter(arabic)
    return "".join(c if _INSIDE.fullmatch(c) else next(decoded) for c in token)


class ReportOnly(Rule):
    """A rule that never changes the text and reports what its function finds.

    ``apply`` is the identity (the pipeline's clean path pays only for the trigger test);
    ``edits``, which only :meth:`~arnorm.pipeline.Pipeline.explain` calls, returns the edits
    the function finds, each replacing a span by itself: the report counts them, and replaying
    the report still gives the output.
    """

    def __init__(self, function: Callable[[str, Context], list[Edit]], phase: Phase, **kwargs: Any):
        super().__init__(function, **kwargs)
        self.phase = phase

    def apply(self, text: str, ctx: Context) -> str:
        return text

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        found: list[Edit] = self.function(text, ctx)
        return found


def report_only(
    id: str, *, code: str, trigger: str, phase: Phase
) -> Callable[[Callable[[str, Context], list[Edit]]], ReportOnly]:
    """Make a :class:`ReportOnly` rule from a function ``(text, ctx) -> [Edit]``."""

    def decorate(function: Callable[[str, Context], list[Edit]]) -> ReportOnly:
        return ReportOnly(
            function, phase, id=id, code=code, trigger=trigger, profiles=("repair", "search"),
            produces="",
        )  # fmt: skip

    return decorate


_REPLACEMENT_RUN = re.compile("\ufffd+")


@report_only("encoding.replacement_char", code="E4", trigger="\ufffd", phase=Phase.DOCUMENT)
def replacement_char(text: str, ctx: Context) -> list[Edit]:
    """Report each run of U+FFFD left after the encoding repairs; the text is not changed.

    U+FFFD marks characters lost for good (ف was byte 81, which Windows-1252 leaves undefined:
    ``و�ي``); no letter is guessed.  Each run is one change in :func:`arnorm.explain`, with
    the run as both its before and after text, so ``Report.counts()`` and ``--report`` count
    where text was lost.  :func:`arnorm.clean` pays nothing for it: the rule's clean path is
    the identity, run only when U+FFFD is present.

    >>> from arnorm import Pipeline
    >>> from arnorm.chars.encoding import replacement_char
    >>> report = Pipeline([replacement_char]).explain("و\ufffdي و\ufffd\ufffd")
    >>> report.output == "و\ufffdي و\ufffd\ufffd", report.counts()["encoding.replacement_char"]
    (True, 2)
    >>> Pipeline([replacement_char]).explain("وفي").counts()
    Counter()
    """
    return [Edit(*match.span(), match.group()) for match in _REPLACEMENT_RUN.finditer(text)]


RULES = (utf8_as_cp1256, utf8_as_latin, cp1256_as_latin1, replacement_char)
