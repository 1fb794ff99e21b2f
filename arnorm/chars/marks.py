"""Harakat and tanween rules (M), skipped for Quranic and visual-order documents.

A *cluster* is a base character and the combining marks after it (in NFC order).  A cluster
is word-final when the next base, skipping bare tatweels, is not an Arabic letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.anchored import Anchor, anchored_sub
from arnorm.chars.edges import ends_document
from arnorm.chars.tables import (
    ALEF,
    ALEF_MAKSURA,
    ALWAYS_FINAL,
    CLUSTER_MARK_CLASS,
    COMBINING_GRAPHEME_JOINER,
    CORE_MARKS,
    DAMMA,
    DAMMATAN,
    FATHA,
    FATHATAN,
    FOREIGN_BASE_CLASS,
    HAMZA,
    KASRA,
    KASRATAN,
    LETTER_CLASS,
    MARK_CLASS,
    MODIFIER_COMBINING_MARKS,
    NO_FATHATAN_MOVE,
    PUNCTUATION_CLASS,
    SHADDA,
    SHORT_VOWEL_OF_TANWEEN,
    SHORT_VOWELS,
    SPACE_LIKE_CLASS,
    SUKUN,
    TANWEEN,
    TATWEEL,
    TEH_MARBUTA,
    class_body,
    expand_class,
)
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import substitution

OPTIONS = (
    Option(
        "fathatan",
        "before",
        ("before", "on", "keep"),
        "Where fathatan goes in a word ending with a support alef: 'before' puts it on the "
        "letter before the alef (أيضًا, the classical form), 'on' on the alef (أيضاً), 'keep' "
        "leaves both forms. Persian-like documents always keep.",
        example='clean("أيضاً") gives "أيضًا"; clean("أيضًا", fathatan="on") gives "أيضاً"',
    ),
    Option(
        "drop_long_alef_marks",
        False,
        (False, True),
        "Delete the short vowels, shadda and sukun on a bare alef inside or at the end of a "
        "word (كتاَب → كتاب, the sukun-on-madd habit; rule M5d). Off by default. A word-initial "
        "alef keeps its vowel (hamzat al-wasl: اِستخدام), fathatan on an alef is M4's business, "
        "and alef wasla (ٱ) is never touched.",
        example='clean("كتاَب", drop_long_alef_marks=True) gives "كتاب"',
    ),
    Option(
        "reattach_tanween",
        False,
        (False, True),
        "Delete the space between a word ending in ا ة ى ء and a fathatan typed after it, "
        "before a space, punctuation or the end (شكرا ً → شكرًا; rule M7); fathatan then goes "
        "where the fathatan option says. Off by default: the mark may be shown on its own.",
        example='clean("شكرا ً", reattach_tanween=True) gives "شكرًا"',
    ),
    Option(
        "mark_order",
        "nfc",
        ("nfc", "display"),
        "The order of the marks on a letter: 'nfc' (the stored, canonical order: a vowel "
        "before shadda); 'display' reorders each run of marks as UAX #53 (AMTRA) does for "
        "rendering, shadda and then the modifier marks (hamza) first, as the very last step "
        "(rule M6) for renderers that do not. Output is then not NFC.",
        example='clean("مرَّة", mark_order="display") gives shadda, then fatha on the ر',
    ),
)
_GATES = ("quranic", "visual")
MARK_CLASS_CHARACTERS = expand_class(MARK_CLASS)
_MARK_CHARACTERS = frozenset(MARK_CLASS_CHARACTERS)
_LETTER = re.compile(f"[{LETTER_CLASS}]")
# Patterns start with a mark class (marks are rare next to letters), and check the base in
# Python: a pattern that starts with a letter class or a lookbehind tries every position.
# Every pattern takes a whole run of marks, so the rules do not depend on the marks' order.
_FOLLOWED_BY_LETTER = f"(?=(?P<next>{TATWEEL}*[{LETTER_CLASS}])?)"


def _base_is_letter(match: re.Match[str]) -> bool:
    start = match.start()
    return start > 0 and _LETTER.match(match.string, start - 1) is not None


# A run of marks in which a haraka, tanween, shadda or sukun comes twice, taken whole; tried
# only at the first mark of a run (the look-behind), so the many runs without a repeat (shadda
# and a vowel) cost no call to Python.  At most 9 core marks can be unrepeated, so the
# look-aheads stay linear in the run's length.
# The run takes every other combining mark in with the Arabic ones (NON_STARTER_CLASS): NFC
# reorders them among the harakat (a Latin grave, class 230, after a fatha, 30), so "ًً̀" and
# a fatha, a Syriac mark and a fatha must each be judged as one run whatever their order.
RUN_MARK_CLASS = CLUSTER_MARK_CLASS
_RUN_WITH_REPEAT = (
    # (the look-ahead first: most marks are alone, and are rejected by it at once)
    f"[{RUN_MARK_CLASS}](?=[{RUN_MARK_CLASS}])(?<![{RUN_MARK_CLASS}][{RUN_MARK_CLASS}])"
    f"(?:(?<=(?P<first>[{CORE_MARKS}]))(?=[{RUN_MARK_CLASS}]*?(?P=first))"
    f"|(?=[{RUN_MARK_CLASS}]*?(?P<repeated>[{CORE_MARKS}])[{RUN_MARK_CLASS}]*?(?P=repeated)))"
    f"[{RUN_MARK_CLASS}]+"
)


def _reattach_tanween(options: Options) -> bool:
    return options["reattach_tanween"] is True


# What Arabic marks sit on (a run of them after anything else is stray: M5a, M5c delete it).
CARRIES_MARKS = re.compile(f"[{LETTER_CLASS}{TATWEEL}]")


def before_marks(text: str, at: int) -> int:
    """The index of the character before the run of Arabic marks that ends at ``at`` (``at - 1``
    when no mark is there; -1 when the run starts the text)."""
    index = at - 1
    while index >= 0 and text[index] in _MARK_CHARACTERS:
        index -= 1
    return index


# The letters that end a word and can carry a detached fathatan (M7): a support alef, ة, ى and ء.
_TANWEEN_CARRIERS = ALEF + TEH_MARBUTA + ALEF_MAKSURA + HAMZA


# M7's fast path: a first space right after a word-final carrier (the rule keeps every other
# match), the space first so the scan runs in C between spaces.
_DETACHED_AFTER_CARRIER = re.compile(
    f" (?<=[{_TANWEEN_CARRIERS}] ) *{FATHATAN}(?=\\s|[{PUNCTUATION_CLASS}]|$)"
)


def _detached_tanween_fast(text: str, ctx: Context) -> str:
    return _DETACHED_AFTER_CARRIER.sub(lambda match: detached_tanween.function(match, ctx), text)


@substitution(
    "marks.detached_tanween",
    # Spaces then the fathatan (whitespace.collapse_spaces makes several spaces one, and the next
    # run must judge the same); a match starts only at the first space of a run (linear).
    f" (?<!  ) *{FATHATAN}(?=\\s|[{PUNCTUATION_CLASS}]|$)",
    code="M7",
    trigger=FATHATAN,
    skip_when=_GATES,
    enabled_if=_reattach_tanween,
    produces="",
    fast=_detached_tanween_fast,
)
def detached_tanween(match: re.Match[str], ctx: Context) -> str:
    """Reattach a fathatan typed after a space to the word before it (opt-in: شكرا ً → شكراً).

    ``reattach_tanween=True``: a word ending in ا ة ى ء with no marks of its own (nor a
    fathatan on the letter before its alef), then spaces and a fathatan that ends there; the
    spaces go, and M4 then places the fathatan (شكرا ً → شكرًا with the default
    ``fathatan="before"``).  Off by default: a mark after a space may be shown on its own.

    >>> from arnorm.chars.marks import detached_tanween
    >>> detached_tanween("شكرا ً جزيلا، مدرسة ً.", reattach_tanween=True)
    'شكراً جزيلا، مدرسةً.'
    >>> detached_tanween("شكرا ً") == "شكرا ً"  # off by default
    True
    >>> detached_tanween("شكرًا ً كتاب ً", reattach_tanween=True) == "شكرًا ً كتاب ً"
    True
    """
    text, start = match.string, match.start()
    if start == 0 or text[start - 1] not in _TANWEEN_CARRIERS:
        return match.group()
    if text[start - 1] == ALEF:
        # A fathatan already on the letter before the alef (M4's "before" form): this one
        # would be a second, and the next run must judge the same whatever M4 did.
        # (Only marks on a letter or a tatweel: a run at the start of a word is M5a's to
        # delete, and the next run would not see it; found by the atheris fuzzing run.)
        index = before_marks(text, start - 1)
        fathatan = FATHATAN in text[index + 1 : start - 1]
        if fathatan and index >= 0 and CARRIES_MARKS.match(text, index):
            return match.group()
    if match.end() == len(text) and not ends_document(ctx, text[start - 1 :]):
        return match.group()  # a protected span follows: the fathatan is glued to it
    return FATHATAN


# M1's fast path, for text with many runs to judge (a Python call each): a core mark typed
# again right after itself ("ُُ", the commonest repeat) is first dropped by ``str.replace``,
# then the rule's pattern judges what is left.  The rule keeps the first of each core mark of
# a run and drops the others, so dropping a copy right after one first changes nothing it
# decides.  (Runs of dammas between tatweels, U2's writing of "ُﹹ" repeated: 10x ordinary
# text in the adversarial survey.)  Text with a few such runs is judged run by run: the
# searches for each doubled mark cost more than the rule there (3x its time on plain text).
_DOUBLED = tuple((mark * 2, mark) for mark in CORE_MARKS)
_MANY_RUNS = 256


def _doubled_mark_fast(text: str, ctx: Context) -> str:
    pattern, function = doubled_mark.pattern, doubled_mark.function
    pieces: list[str] = []
    done = 0
    for count, match in enumerate(pattern.finditer(text)):
        if count == _MANY_RUNS:
            for doubled, mark in _DOUBLED:
                while doubled in text:
                    text = text.replace(doubled, mark)
            return pattern.sub(lambda match: function(match, ctx), text)
        pieces.append(text[done : match.start()])
        pieces.append(function(match, ctx))
        done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


@substitution(
    "marks.doubled_mark",
    _RUN_WITH_REPEAT,
    code="M1",
    trigger=CORE_MARKS,
    skip_when=_GATES,
    produces="",
    fast=_doubled_mark_fast,
    word_local=True,
)
def doubled_mark(match: re.Match[str], ctx: Context) -> str:
    """Keep one of a haraka, tanween, shadda or sukun typed twice on the same letter.

    Quranic marks outside these (repeated on purpose in some traditions) are not touched.

    >>> from arnorm.chars.marks import doubled_mark
    >>> doubled_mark("كتابُُ شدّّة")
    'كتابُ شدّة'
    """
    run = match.group()
    # Each core mark after its first: gone (a few string operations per mark that repeats,
    # not a loop over a long run).
    for mark in CORE_MARKS:
        first = run.find(mark)
        if first >= 0:
            run = run[: first + 1] + run[first + 1 :].replace(mark, "")
    return run


# Anchored on the tanween, a rare character, so the scan runs at C speed between tanweens
# (a pattern that starts with a letter class tries every letter).  Runs of marks are bounded
# (a real cluster has a few), so a long run of marks cannot make the match quadratic.
_CLUSTER_MARKS = 8
_STRAY_TANWEEN = re.compile(
    rf"[{TANWEEN}]"
    # not word-final: the next base (after bare tatweels) is a letter; look one letter further
    # to tell a word-final support alef or alef maksura (كتابًا، هُدًى) from a medial letter.
    rf"(?=(?P<rest>[{MARK_CLASS}]{{0,{_CLUSTER_MARKS}}}){TATWEEL}{{0,{_CLUSTER_MARKS}}}"
    rf"(?P<next>[{LETTER_CLASS}])(?P<next_marks>[{RUN_MARK_CLASS}]{{0,{_CLUSTER_MARKS}}})"
    rf"(?P<after>[{LETTER_CLASS}{TATWEEL}])?)"
)


_VOWELS_AND_SUKUN = frozenset(SHORT_VOWELS + SUKUN)
_MADDA_HAMZA = frozenset("\u0653\u0654\u0655")  # on an alef: آ أ إ decomposed


# The fast path's pattern: not a tanween right on a bare alef (its fathatan: شكراًجزيلاً, unless
# a madda or hamza among the marks after it makes it آ أ إ) or on ة ى, which the rule always
# keeps (a missing space), so they cost no call to Python.
_STRAY_TANWEEN_FAST = re.compile(
    f"[{TANWEEN}](?:(?<!{ALEF}{FATHATAN})|(?=[{MARK_CLASS}]{{0,{_CLUSTER_MARKS - 1}}}"
    f"[{''.join(sorted(_MADDA_HAMZA))}]))(?<![{ALWAYS_FINAL}][{TANWEEN}])"
    # (and only after a letter or a mark: the rule keeps a tanween on anything else)
    f"(?<=[{LETTER_CLASS}{MARK_CLASS}][{TANWEEN}])" + _STRAY_TANWEEN.pattern[len(f"[{TANWEEN}]") :]
)


def _simple_stray(tanween: str, not_before: str = "", not_next: str = "") -> re.Pattern[str]:
    # A tanween alone on a letter, right between two letters: the base is not one that keeps
    # its tanween (ة ى, a hamza that may follow alef, ``not_before``) and the next letter is not
    # one after which it stays (``not_next``).  Every such tanween becomes its short vowel.
    keeps = ALWAYS_FINAL + HAMZA + not_before
    return re.compile(
        f"{tanween}(?<=[{LETTER_CLASS}]{tanween})(?<![{keeps}]{tanween})"
        f"(?=[{LETTER_CLASS}])" + (f"(?![{not_next}])" if not_next else "")
    )


# (pattern, short vowel): fathatan before ا or ى, or on an alef, is left to the full rule.
_SIMPLE_STRAY = tuple(
    (_simple_stray(tanween, *exceptions), SHORT_VOWEL_OF_TANWEEN[tanween])
    for tanween, exceptions in (
        (FATHATAN, (ALEF, ALEF + ALEF_MAKSURA)),
        (DAMMATAN, ()),
        (KASRATAN, ()),
    )
)


def _stray_tanween_fast(text: str, ctx: Context) -> str:
    # The simple cases (a tanween alone between two letters: nearly every stray one) by
    # constant replacements in C, then the rule's pattern for the rest.  A simple case is on
    # its own letter, so replacing it first changes no other match's decision.
    for pattern, vowel in _SIMPLE_STRAY:
        text = pattern.sub(vowel, text)
    return _STRAY_TANWEEN_FAST.sub(lambda match: stray_tanween.function(match, ctx), text)


@substitution(
    "marks.stray_tanween",
    _STRAY_TANWEEN,
    code="M2",
    trigger=TANWEEN,
    skip_when=_GATES,
    produces=SHORT_VOWELS,
    fast=_stray_tanween_fast,
    word_local=True,
)
def stray_tanween(match: re.Match[str], ctx: Context) -> str:
    """Turn a tanween that is not word-final into the short vowel of its family.

    Tanween is written only on the last letter of a word; inside a word it is a slip to the
    neighbouring key (ٌ for ُ).  Left alone: fathatan before a word-final support alef or
    alef maksura (كتابًا، هُدًى), tanween on ة or ى, fathatan on a bare alef and tanween on a
    hamza after alef (a missing space: شكراًجزيلاً، ماءٌبارد), and clusters with two vowels.

    >>> from arnorm.chars.marks import stray_tanween
    >>> stray_tanween("حيث تٌفرض على روسيا")
    'حيث تُفرض على روسيا'
    >>> stray_tanween("كتابًا") == "كتابًا"
    True
    """
    text, position = match.string, match.start()
    base_at = position - 1
    while (
        base_at >= 0 and text[base_at] in _MARK_CHARACTERS and position - base_at <= _CLUSTER_MARKS
    ):
        base_at -= 1
    if base_at < 0 or not _LETTER.match(text, base_at):
        return match.group()
    base = text[base_at]
    tanween = match.group()
    marks = text[base_at + 1 : position] + tanween + match.group("rest")
    if sum(map(marks.count, TANWEEN)) != 1 or not _VOWELS_AND_SUKUN.isdisjoint(marks):
        return tanween
    if base in ALWAYS_FINAL:
        return tanween
    if tanween == FATHATAN:
        if base == ALEF and _MADDA_HAMZA.isdisjoint(marks):
            # (a bare alef; with a madda or hamza among its marks it is آ أ إ, NFC composes it)
            return tanween
        # An alef followed by madda or hamza (a decomposed آ أ إ) is a letter, not a support.
        if (
            match.group("next") in (ALEF, ALEF_MAKSURA)
            and match.group("after") is None
            and _MADDA_HAMZA.isdisjoint(match.group("next_marks"))
        ):
            return tanween
    if base == HAMZA and base_at > 0 and text[base_at - 1] == ALEF:
        return tanween
    return SHORT_VOWEL_OF_TANWEEN[tanween]


# A run of two or more marks with a tanween in it, taken whole.  The run is tried only at its
# first mark (the look-behind), so a long run without a tanween costs one pass (linear), and
# the many runs without a tanween (shadda and a vowel) are not matched at all.
_MARKS_BUT_TANWEEN = "".join(sorted(set(MARK_CLASS_CHARACTERS) - set(TANWEEN)))
# (Each family looked for from the run's first mark: at most six scans of the run, and only
# from its first mark, so a long run stays linear.)
_FAMILY_IN_RUN = "|".join(
    f"(?:(?<={tanween})|(?=[{MARK_CLASS}]*?{tanween}))(?:(?<={vowel})|(?=[{MARK_CLASS}]*?{vowel}))"
    for tanween, vowel in SHORT_VOWEL_OF_TANWEEN.items()
)
_RUN_WITH_TANWEEN = (
    # two marks at least (a tanween alone is kept): a mark alone is rejected at once; the run
    # starts after a letter (the rule keeps the others: a page of "ـًَ", a tatweel with a
    # fatha and a fathatan as U2 writes "ًﹷ", was 250,000 calls for nothing, 14x ordinary text)
    f"[{MARK_CLASS}](?=[{MARK_CLASS}])(?<=[{LETTER_CLASS}][{MARK_CLASS}])"
    # a short vowel in the run, a tanween, and a tanween with the vowel of its family (the
    # rule keeps the others: no call to Python for them; a damma and a kasratan, repeated,
    # was 7x ordinary text); the cheap tests first, for the many runs without a tanween
    f"(?:(?<=[{SHORT_VOWELS}])|(?=[{MARK_CLASS}]*?[{SHORT_VOWELS}]))"
    f"(?:(?<=[{TANWEEN}])|(?=[{MARK_CLASS}]*?[{TANWEEN}]))(?:{_FAMILY_IN_RUN})"
    # the first tanween of the run, reached in one pass (possessive: no backtracking)
    f"(?:(?<=[{TANWEEN}])[{MARK_CLASS}]+|[{_MARKS_BUT_TANWEEN}]*+[{TANWEEN}][{MARK_CLASS}]*)"
)


@substitution(
    "marks.tanween_with_vowel",
    _RUN_WITH_TANWEEN + _FOLLOWED_BY_LETTER,
    code="M3",
    trigger=TANWEEN,
    skip_when=_GATES,
    produces="",
    word_local=True,
)
def tanween_with_vowel(match: re.Match[str], ctx: Context) -> str:
    """Keep one of a tanween and the short vowel of its family typed on the same letter.

    At the end of a word the tanween stays; inside a word the short vowel does.  Two marks of
    different families (ًُ) are ambiguous and stay.

    >>> from arnorm.chars.marks import tanween_with_vowel
    >>> tanween_with_vowel("كتابٌُ تٌُفرض")
    'كتابٌ تُفرض'
    """
    marks = match.group()
    # Exactly one tanween and one short vowel in the run (counted in C: runs can be long).
    tanween = [mark for mark in TANWEEN if mark in marks]
    vowels = [mark for mark in SHORT_VOWELS if mark in marks]
    if (
        len(tanween) != 1
        or len(vowels) != 1
        or marks.count(tanween[0]) != 1
        or marks.count(vowels[0]) != 1
        or SUKUN in marks
        or not _base_is_letter(match)  # (the pattern looks only after a letter; this is the rule)
    ):
        return marks
    if SHORT_VOWEL_OF_TANWEEN[tanween[0]] != vowels[0]:
        return marks
    drop = tanween[0] if match.group("next") is not None else vowels[0]
    return marks.replace(drop, "", 1)


def _drop_long_alef_marks(options: Options) -> bool:
    return options["drop_long_alef_marks"] is True


# The marks M5d deletes: short vowels, shadda, sukun.  Tanween on an alef is the support alef's
# (M2, M4), and the other marks (Quranic, hamza, madda) are not a long alef's.
_LONG_ALEF_MARKS = FATHA + DAMMA + KASRA + SHADDA + SUKUN
_WORD_CHARACTERS = frozenset(expand_class(f"{LETTER_CLASS}{MARK_CLASS}{TATWEEL}"))
# The common case by a constant substitution: one such mark on an alef right after a letter,
# or after a letter and one mark or tatweel, with no mark or tatweel after it (the literal
# first, what comes before it checked after).
_SIMPLE_LONG_ALEF = re.compile(
    f"{ALEF}[{_LONG_ALEF_MARKS}]"
    f"(?:(?<=[{LETTER_CLASS}]{ALEF}[{_LONG_ALEF_MARKS}])"
    f"|(?<=[{LETTER_CLASS}][{MARK_CLASS}{TATWEEL}]{ALEF}[{_LONG_ALEF_MARKS}]))"
    f"(?![{MARK_CLASS}{TATWEEL}])"
)


def _long_alef_marks_fast(text: str, ctx: Context) -> str:
    # (a page of alefs with a vowel each was 250,000 calls of the rule's function, 12x the
    # time of ordinary text)
    text = _SIMPLE_LONG_ALEF.sub(ALEF, text)
    pattern, function = long_alef_marks.pattern, long_alef_marks.function
    return pattern.sub(lambda match: function(match, ctx), text)


@substitution(
    "marks.long_alef_marks",
    # Anchored on the alef, a literal: the scan runs at C speed between alefs with marks.
    # Only after a letter, mark or tatweel: after anything else, or at the start, an alef is
    # word-initial and keeps its marks (the function's test, not called for those alefs).
    f"{ALEF}(?<=[{LETTER_CLASS}{MARK_CLASS}{TATWEEL}]{ALEF})(?P<marks>[{MARK_CLASS}]+)",
    code="M5d",
    trigger=_LONG_ALEF_MARKS,
    skip_when=_GATES,
    enabled_if=_drop_long_alef_marks,
    produces="",
    fast=_long_alef_marks_fast,
    word_local=True,
)
def long_alef_marks(match: re.Match[str], ctx: Context) -> str:
    """Delete the vowels, shadda and sukun on a bare alef inside a word (opt-in).

    ``drop_long_alef_marks=True``: a long alef takes no vowel; one on it is the sukun-on-madd
    school habit or a misplaced fatha (كتاَب → كتاب).  A word-initial alef keeps its vowel
    (hamzat al-wasl: اِستخدام، اُكتب); a cluster with a tanween is left to M2 and M4
    (كتاباً), and so is an alef followed by a tatweel (which carries marks: T2's business);
    alef wasla ٱ (Quranic) is another letter and never touched.

    >>> from arnorm.chars.marks import long_alef_marks
    >>> long_alef_marks("كتاَب قاْل", drop_long_alef_marks=True)
    'كتاب قال'
    >>> long_alef_marks("اِستخدام اُكتب أيضاً", drop_long_alef_marks=True)
    'اِستخدام اُكتب أيضاً'
    >>> long_alef_marks("كتاَب") == "كتاَب"  # off by default
    True
    """
    marks = match.group("marks")
    if any(mark in TANWEEN for mark in marks) or len(marks) > _CLUSTER_MARKS:
        # (A run longer than a cluster is not one: M2 sees only _CLUSTER_MARKS marks after a
        # letter, and must see the same on the next run.)
        return match.group()
    text = match.string
    if text.startswith(TATWEEL, match.end()):
        # A tatweel after the alef carries marks (T1 deleted the bare ones): with the alef's
        # marks gone, T2 would move them onto it on the next run.
        return match.group()
    index = match.start() - 1
    # Word-initial: no letter before the alef, skipping the marks and tatweels of the word.
    while index >= 0 and text[index] in _WORD_CHARACTERS and not _LETTER.match(text, index):
        index -= 1
    if index < 0 or not _LETTER.match(text, index):
        return match.group()
    return ALEF + "".join(mark for mark in marks if mark not in _LONG_ALEF_MARKS)


def _fathatan_is(value: str) -> Callable[[Options], bool]:
    return lambda options: options["fathatan"] == value


# The end of a word: no more marks on the alef, no letter or tatweel after it.
# (Latin combining marks count as marks: NFC orders U+0653 madda before U+0315, and the alef
# is then آ, no support alef.)
_WORD_END = f"(?![{RUN_MARK_CLASS}])(?![{LETTER_CLASS}{TATWEEL}])"


def _fathatan_may_move(match: re.Match[str]) -> bool:
    """The letter before the match can carry fathatan: an Arabic letter with no other mark,
    not an alef form, ة or ى, and not a hamza after alef (ماءً takes no support alef)."""
    text, start = match.string, match.start()
    if start == 0 or not _LETTER.match(text, start - 1):
        return False
    base = text[start - 1]
    if base in NO_FATHATAN_MOVE:
        return False
    return not (base == HAMZA and start > 1 and text[start - 2] == ALEF)


# The common case by a constant substitution: a fathatan on the support alef right after a
# letter that can carry it (not an alef form, ة, ى or a hamza, which the rule judges).
_MOVABLE = "".join(sorted(set(expand_class(LETTER_CLASS)) - set(NO_FATHATAN_MOVE) - {HAMZA}))
# (the literal first, the letter before it checked after: a pattern that starts with a
# look-behind is tried at every position)
_SIMPLE_BEFORE_ALEF = re.compile(
    f"{ALEF}{FATHATAN}(?<=[{re.escape(_MOVABLE)}]{ALEF}{FATHATAN})" + _WORD_END
)
_SIMPLE_ON_ALEF = re.compile(
    f"{FATHATAN}{ALEF}(?<=[{re.escape(_MOVABLE)}]{FATHATAN}{ALEF})" + _WORD_END
)


def _fathatan_before_alef_fast(text: str, ctx: Context) -> str:
    text = _SIMPLE_BEFORE_ALEF.sub(FATHATAN + ALEF, text)
    # The rest, where the rule may move it: after a letter (the rule keeps the others).
    return anchored_sub(
        _BEFORE_ALEF_AFTER_LETTER,
        _BEFORE_ALEF_ANCHOR,
        lambda match: fathatan_before_alef.function(match, ctx),
        text,
    )


def _fathatan_on_alef_fast(text: str, ctx: Context) -> str:
    text = _SIMPLE_ON_ALEF.sub(ALEF + FATHATAN, text)
    return _ON_ALEF_AFTER_LETTER.sub(lambda match: fathatan_on_alef.function(match, ctx), text)


@substitution(
    "marks.fathatan_before_alef",
    f"(?P<shadda>{SHADDA}?){ALEF}{FATHATAN}" + _WORD_END,
    code="M4",
    trigger=FATHATAN,
    skip_when=(*_GATES, "persian_like"),
    enabled_if=_fathatan_is("before"),
    produces="",
    fast=_fathatan_before_alef_fast,
    word_local=True,
)
def fathatan_before_alef(match: re.Match[str], ctx: Context) -> str:
    """Move fathatan from a word-final support alef to the letter before it (the default).

    ``fathatan="before"``: أيضاً → أيضًا, the classical and Quranic placement, and Unicode's
    logical one (a mark belongs to the letter it vocalises).  Left alone: ة ء (after ا) and ى,
    which take no support alef, a letter that already has a vowel (كتابَاً), Persian-like text.

    >>> from arnorm.chars.marks import fathatan_before_alef
    >>> fathatan_before_alef("أيضاً سفناً مهمّاً")
    'أيضًا سفنًا مهمًّا'
    >>> fathatan_before_alef("ماءاً كتابَاً") == "ماءاً كتابَاً"
    True
    """
    if not _fathatan_may_move(match):
        return match.group()
    return FATHATAN + match.group("shadda") + ALEF


_BEFORE_ALEF_AFTER_LETTER = re.compile(
    f"(?<=[{LETTER_CLASS}])" + fathatan_before_alef.pattern.pattern
)
_BEFORE_ALEF_ANCHOR = Anchor(ALEF + FATHATAN, 0, 1)  # (after an optional shadda)


@substitution(
    "marks.fathatan_on_alef",
    f"(?:{FATHATAN}(?P<shadda>{SHADDA}?)|(?P<shadda_first>{SHADDA}){FATHATAN}){ALEF}" + _WORD_END,
    code="M4",
    trigger=FATHATAN,
    skip_when=(*_GATES, "persian_like"),
    enabled_if=_fathatan_is("on"),
    produces="",
    fast=_fathatan_on_alef_fast,
    word_local=True,
)
def fathatan_on_alef(match: re.Match[str], ctx: Context) -> str:
    """Move fathatan from the letter before a word-final support alef onto the alef.

    ``fathatan="on"``: أيضًا → أيضاً, the typewriter-era and Levantine placement.

    >>> from arnorm.chars.marks import fathatan_on_alef
    >>> fathatan_on_alef("أيضًا", fathatan="on")
    'أيضاً'
    """
    if not _fathatan_may_move(match):
        return match.group()
    shadda = match.group("shadda") or match.group("shadda_first") or ""
    return shadda + ALEF + FATHATAN


# The rule's pattern after a letter, each branch checking the letter after its first mark.
_ON_ALEF_AFTER_LETTER = re.compile(
    f"(?:{FATHATAN}(?<=[{LETTER_CLASS}]{FATHATAN})(?P<shadda>{SHADDA}?)"
    f"|(?P<shadda_first>{SHADDA})(?<=[{LETTER_CLASS}]{SHADDA}){FATHATAN}){ALEF}" + _WORD_END
)


_STRAY_BASES = re.compile(f"[\\s{PUNCTUATION_CLASS}]")


# A run of marks at the start of a word (after a space or punctuation, or at the start of the
# segment), or after a space-like carrier, before a letter.  The look-behinds come after the
# first character, so the scan runs in C between marks, and a mark inside a word (most of
# them) is rejected there without a call to Python.
_STRAY_RUN = (
    f"[{SPACE_LIKE_CLASS}{MARK_CLASS}]"
    f"(?:(?<=[{SPACE_LIKE_CLASS}])[{MARK_CLASS}]+"
    f"|(?:(?<=[\\s{PUNCTUATION_CLASS}][{MARK_CLASS}])|(?<=^[{MARK_CLASS}]))[{MARK_CLASS}]*)"
)


_SPACE_LIKE = frozenset(expand_class(SPACE_LIKE_CLASS))
# The fast path enters at the character before the run (a space, punctuation or a space-like
# carrier: rarer than marks in diacritised text, where a pattern that starts with a mark class
# is entered at every mark), and at the start of the text.
_BEFORE_STRAY_RUN = re.compile(
    f"[\\s{PUNCTUATION_CLASS}{SPACE_LIKE_CLASS}][{MARK_CLASS}]++(?={TATWEEL}*[{LETTER_CLASS}])"
)
_AFTER_SPACE_STRAY_RUN = re.compile(f" [{MARK_CLASS}]++(?={TATWEEL}*[{LETTER_CLASS}])")
_STRAY_RUN_AT_START = re.compile(f"[{MARK_CLASS}]++(?={TATWEEL}*[{LETTER_CLASS}])")


def _keep_what_is_before(match: re.Match[str]) -> str:
    before = match.group()[0]
    # A carrier spaces.nbsp_to_space kept for the mark becomes a space; a space or
    # punctuation stays.
    return " " if before in _SPACE_LIKE else before


def _stray_initial_mark_fast(text: str, ctx: Context) -> str:
    start = _STRAY_RUN_AT_START.match(text)
    if start is not None:
        text = text[start.end() :]
    text = _AFTER_SPACE_STRAY_RUN.sub(" ", text)  # the common case, a constant
    return _BEFORE_STRAY_RUN.sub(_keep_what_is_before, text)


@substitution(
    "marks.stray_initial_mark",
    f"(?P<marks>{_STRAY_RUN})(?={TATWEEL}*[{LETTER_CLASS}])",
    code="M5a",
    trigger=MARK_CLASS_CHARACTERS,
    skip_when=_GATES,
    produces=" ",
    fast=_stray_initial_mark_fast,
    word_local=True,
)
def stray_initial_mark(match: re.Match[str], ctx: Context) -> str:
    """Delete marks at the start of a word, with no letter to carry them (كتاب ُجديد).

    A combining mark never comes before its base, and attaching it to the previous word would
    be a guess.  A mark shown on its own, followed by a space or punctuation (``( ُ )``), stays;
    an NBSP that carried a deleted mark becomes a space.

    >>> from arnorm.chars.marks import stray_initial_mark
    >>> stray_initial_mark("كتاب ُجديد (ُكتب)")
    'كتاب جديد (كتب)'
    >>> stray_initial_mark("الضمة ( ُ ) علامة") == "الضمة ( ُ ) علامة"
    True
    """
    run = match.group()
    if run[0] in _SPACE_LIKE:  # a carrier spaces.nbsp_to_space kept for the mark
        return " " if len(run) > 1 else run
    start = match.start()
    text = match.string
    if start > 0:
        return "" if _STRAY_BASES.match(text, start - 1) else run
    # At the start of a segment: the start of the text, or right after a protected span, which
    # cannot carry an Arabic mark either (deleting it there never changes the span).
    return ""


_FOREIGN_BASE = re.compile(f"[{FOREIGN_BASE_CLASS}]")
_WITHOUT_CORE_MARKS = str.maketrans("", "", CORE_MARKS)
# The marks of a base, up to its last Arabic one: its own Latin accents (U+034F CGJ among them)
# and the Arabic marks, judged together by the base before them.  A run after a CGJ judged
# apart stayed while the run before the CGJ went, and the next run deleted it (found by the
# atheris fuzzing run).  The pattern of the rule matches from a cluster's first mark only
# (the look-behind): tried from every accent, a long run was quadratic.  Every non-starter NFC
# reorders among the marks belongs to the cluster, not only U+0300-U+036F: with U1 disabled,
# "3" + U+1DCA + fathatan kept its fathatan, which the final NFC put first, and the next run
# deleted it (found by tools/fuzz.py --combine, seed 41, sixteenth session).  No mark is a
# base: with the Cyrillic marks U+0483-U+0487 in both classes, the pattern of the rule
# started a cluster at them where the fast path took them for its base (mutation search, seed
# 37, right after the change above; FOREIGN_BASE_CLASS holds letters only since).
_CLUSTER = class_body(expand_class(f"\u0300-\u036f{CLUSTER_MARK_CLASS}"))
_MARKS_OF_A_BASE = f"[{_CLUSTER}](?<![{_CLUSTER}][{_CLUSTER}])(?:[{_CLUSTER}]*[{MARK_CLASS}])?"


# The fast path finds the marked foreign bases themselves (rare in Arabic text), not every run
# of marks (the same runs the pattern of the rule judges, so the same text).
_MARKED_FOREIGN_BASE = re.compile(f"[{FOREIGN_BASE_CLASS}](?P<marks>[{_CLUSTER}]*[{MARK_CLASS}])")


# Its common case, marks that are all deleted with no mark after them (not at the end, where
# ends_document decides), is one constant replacement in C: a callback per match made a Latin
# letter with a damma, repeated, 9x ordinary text.  It runs from the first marked base on:
# scanned from the start, it was tried at every mark of diacritised text (8% of its time).
_CORE_MARKS_ON_FOREIGN_BASE = re.compile(
    f"[{CORE_MARKS}](?<=[{FOREIGN_BASE_CLASS}][{CORE_MARKS}])[{CORE_MARKS}]*+(?=[^{_CLUSTER}])"
)


# The harakat behind other marks of a foreign base's cluster (x + U+08E7 + dammatan), in the
# text read backwards, where the look-behind to the base is a look-ahead: each up to 16 marks
# from its base (the rest, rare, are left to the callback; an unbounded look-ahead would read
# a long cluster once per haraka).  Constant replacements in C: a callback per cluster was a
# fifth of the time of such a unit, repeated (11x ordinary text, 9x now; the rest is U2's
# NFC; adversarial survey, seed 8, sixteenth session).
_CORE_BEHIND_MARKS_REVERSED = re.compile(
    f"[{CORE_MARKS}](?=[{_CLUSTER}]{{0,16}}[{FOREIGN_BASE_CLASS}])"
)
_CLUSTER_RUN = re.compile(f"[{_CLUSTER}]*+")
# A marked foreign base whose cluster still has a haraka: the callback's matches (the same
# as _MARKED_FOREIGN_BASE's, less those it would leave as they are).
_FOREIGN_BASE_WITH_HARAKAT = re.compile(
    f"[{FOREIGN_BASE_CLASS}](?=[{_CLUSTER}]*[{CORE_MARKS}])(?P<marks>[{_CLUSTER}]*[{MARK_CLASS}])"
)


def _marks_on_non_arabic_fast(text: str, ctx: Context) -> str:
    first = _MARKED_FOREIGN_BASE.search(text)
    if first is None:
        return text
    start = first.start()
    text = text[:start] + _CORE_MARKS_ON_FOREIGN_BASE.sub("", text[start:])
    if _FOREIGN_BASE_WITH_HARAKAT.search(text, start) is None:
        return text
    # The rest, but for a cluster that ends the text (ends_document decides it, below).
    backwards = text[::-1]
    trailing = _CLUSTER_RUN.match(backwards)  # (always matches, maybe empty)
    end = trailing.end() if trailing else 0
    text = (backwards[:end] + _CORE_BEHIND_MARKS_REVERSED.sub("", backwards[end:]))[::-1]

    def replace(match: re.Match[str]) -> str:
        if match.end() == len(text) and not ends_document(ctx, match.group()):
            return match.group()
        start = match.start("marks")
        return text[match.start() : start] + match.group("marks").translate(_WITHOUT_CORE_MARKS)

    return _FOREIGN_BASE_WITH_HARAKAT.sub(replace, text)


@substitution(
    "marks.mark_on_non_arabic",
    _MARKS_OF_A_BASE,
    code="M5c",
    trigger=CORE_MARKS,
    skip_when=_GATES,
    produces="",
    fast=_marks_on_non_arabic_fast,
    word_local=True,
)
def mark_on_non_arabic(match: re.Match[str], ctx: Context) -> str:
    """Delete harakat on a digit or a non-Arabic letter (2023ً → 2023, Googleُ → Google).

    The digits are those of the three systems the D rules write, the letters those of Latin,
    Greek and Cyrillic with their extended blocks (ạ, ἀ): what Arabic web text mixes in.  The
    rulebook says digits of any script and any non-Arabic letter; the letters of the other
    scripts are left out for now: a class that reaches beyond the BMP (CJK compatibility
    ideographs compose to letters in it) is tested range by range at every run of marks.
    Harakat on them stay, as on a symbol (€ً).

    >>> from arnorm.chars.marks import mark_on_non_arabic
    >>> mark_on_non_arabic("عام 2023ً في Googleُ")
    'عام 2023 في Google'
    """
    run = match.group()  # (from the first mark after the base: the scan finds it first)
    text = match.string
    index = match.start()
    if index == 0 or not _FOREIGN_BASE.match(text, index - 1):
        return run
    if match.end() == len(text) and not ends_document(ctx, text[index - 1 :]):
        return run  # a protected span may follow: deleting could glue the letter to it
    return run.translate(_WITHOUT_CORE_MARKS)


def _display_order(options: Options) -> bool:
    return options["mark_order"] == "display"


_MODIFIERS = frozenset(MODIFIER_COMBINING_MARKS)
_MARK_RUN = re.compile(f"[{MARK_CLASS}]{{2,}}")


def _display_order_fast(text: str, ctx: Context) -> str:
    """:func:`display_order`, each distinct run reordered once (a text has few distinct runs
    of marks, and each was reordered by its own calls: a megabyte of two marks and a space,
    12x ordinary text).  Beside a combining grapheme joiner the rule decides run by run."""
    if COMBINING_GRAPHEME_JOINER in text:
        return _MARK_RUN.sub(lambda match: display_order.function(match, ctx), text)
    reordered: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        run = match.group()
        try:
            return reordered[run]
        except KeyError:
            reordered[run] = ordered = amtra(run)
            return ordered

    return _MARK_RUN.sub(replace, text)


@substitution(
    "marks.display_order",
    _MARK_RUN.pattern,
    code="M6",
    trigger=SHADDA + MODIFIER_COMBINING_MARKS,
    enabled_if=_display_order,
    produces="",
    fast=_display_order_fast,
)
def display_order(match: re.Match[str], ctx: Context) -> str:
    """Reorder each run of marks for display, as UAX #53 (AMTRA) does (opt-in; output not NFC).

    ``mark_order="display"``, after everything else (after the final NFC): shadda first, then
    in front of it the modifier marks (hamza above and below, ...) that begin their combining
    class, those of class 230 and in front of them those of class 220, as HarfBuzz does.  Only
    marks of different combining classes change places, so NFC of the output is the default
    output.  A run next to a combining grapheme joiner (U+034F, an author's explicit order) is
    kept exactly.  Not gated (Quranic text too): the text is canonically the same.

    >>> from arnorm.chars.marks import display_order
    >>> display_order("\u0631\u064e\u0651", mark_order="display") == "\u0631\u0651\u064e"
    True
    >>> display_order("\u0631\u064e\u0651") == "\u0631\u064e\u0651"  # NFC by default
    True
    >>> kept = "\u0631\u064e\u0651\u034f\u0651\u064e"  # around a CGJ: the author's order
    >>> display_order(kept, mark_order="display") == kept
    True
    """
    text, start, end = match.string, match.start(), match.end()
    if (start > 0 and text[start - 1] == COMBINING_GRAPHEME_JOINER) or (
        end < len(text) and text[end] == COMBINING_GRAPHEME_JOINER
    ):
        return match.group()
    return amtra(match.group())


def amtra(marks: str) -> str:
    """A run of marks (in NFC order) in the display order of UAX #53 (AMTRA), as HarfBuzz
    (``reorder_marks_arabic``) applies it: shadda to the front, then the modifier marks that
    begin class 220 and class 230 in front of everything, the 220 ones first.

    >>> amtra("\u064e\u0651") == "\u0651\u064e"  # fatha, shadda -> shadda, fatha
    True
    >>> amtra("\u064e\u0651\u0654") == "\u0654\u0651\u064e"  # hamza above goes first
    True
    """
    shaddas = marks.count(SHADDA)
    remaining = SHADDA * shaddas + marks.replace(SHADDA, "") if shaddas else marks
    if _ARABIC_MARKS.fullmatch(remaining):
        return _amtra_by_class(remaining)  # a run the rule found (it can be long)
    return _amtra_by_mark(remaining)


def _amtra_by_class(marks: str) -> str:
    # Arabic marks only, shadda first: by character classes and string operations.
    front = ""
    for at_least, modifiers in _AMTRA_CLASSES:
        found = at_least.search(marks)
        if found is not None:
            first = found.start()
            last = modifiers.match(marks, first).end()  # type: ignore[union-attr]
            front += marks[first:last]
            marks = marks[:first] + marks[last:]
    return front + marks


def _amtra_by_mark(marks: str) -> str:
    # Any marks, shadda first: mark by mark.
    listed = list(marks)
    moved: list[str] = []
    for combining_class in (220, 230):
        first = next(
            (i for i, mark in enumerate(listed) if _ccc(mark) >= combining_class), len(listed)
        )
        last = first
        while (
            last < len(listed)
            and listed[last] in _MODIFIERS
            and _ccc(listed[last]) == combining_class
        ):
            last += 1
        moved += listed[first:last]
        del listed[first:last]
    return "".join(moved + listed)


def _ccc(mark: str) -> int:
    combining: int = unicodedata2.combining(mark)
    return combining


def _class_of(characters: list[str]) -> str:
    return f"[{class_body(characters)}]"


_ARABIC_MARKS = re.compile(f"[{MARK_CLASS}]*")
# For classes 220 and 230: the marks at or above the class, and the modifiers of the class.
_AMTRA_CLASSES = tuple(
    (
        re.compile(_class_of([m for m in MARK_CLASS_CHARACTERS if _ccc(m) >= combining_class])),
        re.compile(
            _class_of(
                [m for m in MARK_CLASS_CHARACTERS if m in _MODIFIERS and _ccc(m) == combining_class]
            )
            + "*"
        ),
    )
    for combining_class in (220, 230)
)


RULES = (
    doubled_mark,
    stray_tanween,
    tanween_with_vowel,
    long_alef_marks,
    detached_tanween,
    fathatan_before_alef,
    fathatan_on_alef,
    stray_initial_mark,
    mark_on_non_arabic,
)
# After the final NFC (unicode.renormalize): the very last character rule.
LAST_RULES = (display_order,)
