"""Search folding (S): lossy, opt-in rules of the ``search`` profile, for indexes and queries.

They erase distinctions on purpose (أن/إن/آن, على/علي, مدرسة/مدرسه), which is why no other
profile includes them.  Each folds with chained ``str.replace``: on Arabic text that is an
order of magnitude faster than ``str.translate`` (see ``docs/performance.md``).
"""

from __future__ import annotations

import re

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.chars.encoding import LATER_E1_MATERIAL, cp1256_as_latin1, utf8_as_cp1256
from arnorm.chars.forms import to_nominal
from arnorm.chars.invisible import EMOJI, without_redundant_zwj
from arnorm.chars.tables import (
    FARSI_YEH,
    HEH,
    HEH_LOOKALIKES,
    KAF,
    KEHEH,
    MARK_CLASS,
    PRESENTATION_KEEP,
    SPACE_LIKE_CLASS,
    TATWEEL,
    TEH_MARBUTA,
    TEH_MARBUTA_GOAL,
    YEH,
    ZWJ,
    ZWNJ,
    class_body,
    expand_class,
)
from arnorm.chars.unicode import Junctions, has_seat_mark, in_form, recompose
from arnorm.context import Context
from arnorm.rule import Phase, rewrite

ALEF_VARIANTS = "\u0623\u0625\u0622\u0671\u0672\u0673"  # أ إ آ ٱ ٲ ٳ


def _fold(text: str, sources: str, target: str) -> str:
    for source in sources:
        if source in text:
            text = text.replace(source, target)
    return text


# The marks NFC composes with a bare seat into a letter a fold takes away: madda, hamza above
# and hamza below on alef (آ أ إ), hamza above on waw and yeh (ؤ ئ).  The rules of the
# character phase run before the final NFC (U1 again), and some write a seat and a hamza side
# by side: U2 writes ﱢ as kasra and shadda, and NFC then made ؤِّ of و + ﱢ + ٔ after S4 had
# run, for the next run to fold (found by the mutation search, ninth session).  A fold reads
# a seat as NFC will compose it.
SEAT_MARKS = "\u0653\u0654\u0655"
_SEAT_MARK = re.compile(f"[{SEAT_MARKS}]")


# The characters of class 0 whose decomposition is non-starters (three Tibetan vowels:
# tests/test_fast_paths.py checks the list).
CLASS_ZERO_NON_STARTERS = "\u0f73\u0f75\u0f81"


def _in_cluster(character: str) -> bool:
    """Whether NFC reads ``character`` as part of the cluster of the starter before it."""
    return unicodedata2.combining(character) != 0 or character in CLASS_ZERO_NON_STARTERS


def _without_composed_marks(cluster: str, marks: str) -> str:
    """``cluster`` (a seat and the non-starters after it) without the ``marks`` NFC would
    compose with the seat, again and again as each fold gives the seat back: in each combining
    class, those before the first mark of the class that does not compose (which blocks the
    rest of its class)."""
    kept = [cluster[0]]
    blocked: set[int] = set()
    for character in cluster[1:]:
        if character in marks and unicodedata2.combining(character) not in blocked:
            continue
        kept.append(character)
        blocked.update(map(unicodedata2.combining, unicodedata2.normalize("NFD", character)))
    return "".join(kept)


# The common case in one pass in C: the seat marks right after the seat and up to three
# harakat (of classes 27-35, which block none of them) are the first of their classes, and all
# compose in turn (for waw and yeh, the hamza above).  The loop below reads what is left.  (A
# run of marks with fixed-width look-behinds and an empty replacement: a group in the
# replacement costs a call to Python per match before Python 3.12.)
_HARAKAT = "[\u064b-\u0652\u0670]"


def _seat_marks_after(seats: str, marks: str) -> re.Pattern[str]:
    behind = "|".join(f"(?<=[{seats}]{_HARAKAT}{{{n}}}{marks})" for n in range(4))
    return re.compile(f"{marks}(?:{behind}){marks}*")


_ALEF_SEAT_MARKS = _seat_marks_after("\u0627", f"[{SEAT_MARKS}]")
_WAW_AND_YEH_SEAT_MARKS = _seat_marks_after("\u0648" + YEH, "\u0654")


def _fold_seat_marks(text: str, seats: dict[str, str], first: re.Pattern[str]) -> str:
    """``text`` without the marks NFC would compose with a seat of ``seats`` (seat: marks);
    ``first`` deletes the common ones (see _ALEF_SEAT_MARKS)."""
    if not has_seat_mark(text):
        return text
    original = text
    text = first.sub("", text)
    if not has_seat_mark(text):
        return original if text == original else text
    pieces: list[str] = []
    done = 0  # the end of the last cluster read (each character is read at most twice)
    for match in _SEAT_MARK.finditer(text):
        start = match.start()
        if start < done:
            continue
        while start > done and _in_cluster(text[start - 1]):
            start -= 1
        end = match.end()
        while end < len(text) and _in_cluster(text[end]):
            end += 1
        seat = text[start - 1] if start > done else ""
        if seat in seats:
            cluster = _without_composed_marks(text[start - 1 : end], seats[seat])
            pieces += (text[done : start - 1], cluster)
        else:
            pieces.append(text[done:end])
        done = end
    pieces.append(text[done:])
    result = "".join(pieces)
    return original if result == original else result


# Persian and Urdu letters read as their Arabic counterparts (Nisaba's reading norm).
_READING_NORM = (
    (FARSI_YEH, YEH),
    (KEHEH, KAF),
    *((heh, HEH) for heh in HEH_LOOKALIKES),
    (TEH_MARBUTA_GOAL, TEH_MARBUTA),
)


# The Latin blocks up to U+036F (² ½ ª µ ĳ ˛, combining accents) are left as they are: NFKC
# of them next to mojibake-like sequences would make ftfy's detector (E2) judge the text
# differently on a second run.  A run goes on across spaces, which NFKC leaves as they are and
# across which nothing composes or reorders: the result is that of runs split at each space,
# with one call for a line of words instead of one for each word.
_BEYOND_LATIN1 = re.compile("[^\x00-\x1f\x21-\u036f]+")


# _DELETIONS_RECOMPOSE: the document rules of this profile run after U1 and delete or rewrite
# characters (S5, S6, S7).  Each puts its result back in NFC (``recompose``): the character
# rules' NFC (U1's renormalize) runs only between protected spans, so "3u" + U+08FF + U+0301
# (a token, then a mark S5 deletes) stayed "3u" + U+0301, which the next run composed (found by
# the fuzzing run).  What they write is then whatever NFC composes: ``produces=None``.


# NFKC is applied a chunk at a time, and only to the chunks it changes (most of a text): a
# chunk ends before a character of the Latin blocks, which no run of _BEYOND_LATIN1 crosses.
_CHUNK = 4096
_LATIN_BLOCKS = re.compile("[\x00-\x1f\x21-\u036f]")
_RUNS = re.compile(f"({_BEYOND_LATIN1.pattern})")  # (the runs as the odd items of a split)


# The word ligatures the repair profile keeps (ﷺ ﷻ ﷼ ﷰ ﷱ): NFKC writes ﷺ as 18 characters,
# and unicodedata2 takes ~1.7 µs for each (1 MB of ﷺ: 0.56 s, 13x ordinary text).  They are
# written out first with ``str.replace``, in C.  That leaves the result as it was: NFKD of a
# text is the full decompositions of its characters, reordered, and NFKC(c) decomposes to
# NFKD(c), so the text's NFKD, and its NFKC, do not change; and the spaces it brings split a
# run of _BEYOND_LATIN1 only where a space stood in it (see there).
_WORD_LIGATURES = tuple(
    (ligature, words)
    for ligature in PRESENTATION_KEEP
    if len(words := unicodedata2.normalize("NFKC", ligature)) > 1
)


def _nfkc_beyond_latin(text: str, forms: bool = True) -> str:
    """NFKC of each run of _BEYOND_LATIN1 in ``text``; ``forms``: whether it may have
    presentation forms."""
    for ligature, words in _WORD_LIGATURES:
        if ligature in text:
            text = text.replace(ligature, words)
    if forms:
        # The presentation forms, each as its NFKC, by one translate of their runs (for the
        # same reason as the ligatures above, NFKC of the text does not change): a page of
        # forms then passes NFKC's quick check, where NFKC decomposed and recomposed it whole
        # (0.22 s a megabyte, 6x ordinary text).
        text = to_nominal(text)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        boundary = _LATIN_BLOCKS.search(text, start + _CHUNK)
        end = boundary.start() if boundary else len(text)
        chunk = text[start:end]
        if "\u00a0" in chunk:  # (NFKC changes an NBSP: the whole chunk is not tried first)
            chunk = _nfkc_of_runs(chunk)
        else:
            # ``chunk`` itself when it is in NFKC (a hamza above, which the quick check cannot
            # pass, costs a window, not a pass over the chunk).
            normalized = in_form(chunk, "NFKC")
            if normalized is not chunk:
                # A chunk with no character of the Latin blocks but spaces is one run.
                latin = _LATIN_BLOCKS.search(chunk)
                chunk = normalized if latin is None else _nfkc_of_runs(chunk)
        pieces.append(chunk)
        start = end
    return "".join(pieces)


def _nfkc_of_runs(text: str) -> str:
    """NFKC of each run of _BEYOND_LATIN1 in ``text``, the rest as it is.

    The runs are cut out by one ``split``, normalised together, joined by newlines, and put
    back.  A newline is a starter that nothing composes with and that NFKC writes for no
    character: the result is each run's NFKC.  (A call per run made a page that writes its
    spaces as NBSPs 3x slower in this profile than with spaces.)
    """
    parts = _RUNS.split(text)
    if len(parts) > 1:
        runs = "\n".join(parts[1::2])
        parts[1::2] = in_form(runs, "NFKC").split("\n")
    return "".join(parts)


@rewrite(
    "search.nfkc",
    code="S6",
    trigger=None,
    phase=Phase.DOCUMENT,
    profiles=("search",),
    produces=None,
)
def nfkc(text: str, ctx: Context) -> str:
    """Apply NFKC (ﷺ is spelled out, ﬁ → fi) and read ی ک ہ ھ ە ۃ as ي ك ه ة.

    NFKC applies beyond the Latin blocks (from U+0370); ² ½ ª keep their form.

    >>> from arnorm.chars.search import nfkc
    >>> nfkc("ﷺ ی")
    'صلى الله عليه وسلم ي'
    """
    if text.isascii():
        return text
    # NFKC of each run of _BEYOND_LATIN1, without a call and a string per word.
    result = _nfkc_beyond_latin(text, ctx.has_presentation_forms)
    for source, target in _READING_NORM:
        if source in result:
            result = result.replace(source, target)
    result = recompose(result, text, ctx)
    if result != text and _WRITES_E1_MATERIAL.search(text) is not None:
        ctx.apply_again.add(utf8_as_cp1256.id)  # (see LATER_E1_MATERIAL)
    return result


_WRITES_E1_MATERIAL = re.compile(f"[{LATER_E1_MATERIAL}]")


@rewrite(
    "search.fold_alef",
    code="S1",
    trigger=ALEF_VARIANTS + SEAT_MARKS,
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces="\u0627",
)
def fold_alef(text: str, ctx: Context) -> str:
    """Fold the alef variants أ إ آ ٱ ٲ ٳ to a bare alef ا.

    An alef followed by the madda or hamza mark that NFC composes with it (ا + ٔ is أ) loses
    the mark.

    >>> from arnorm.chars.search import fold_alef
    >>> fold_alef("أحمد إلى آخر")
    'احمد الى اخر'
    """
    return _fold_seat_marks(_fold(text, ALEF_VARIANTS, "\u0627"), _ALEF_SEAT, _ALEF_SEAT_MARKS)


@rewrite(
    "search.fold_teh_marbuta",
    code="S2",
    trigger="\u0629",
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces="\u0647",
)
def fold_teh_marbuta(text: str, ctx: Context) -> str:
    """Fold teh marbuta ة to heh ه.

    A ZWJ after the ة (kept by I5: ة joins no letter after it) that now stands between two
    letters that join anyway is deleted, as I5 would delete it.

    >>> from arnorm.chars.search import fold_teh_marbuta
    >>> fold_teh_marbuta("مدرسة")
    'مدرسه'
    """
    folded = text.replace("\u0629", "\u0647")
    if ZWJ in folded and folded != text:
        # (repair + S2: "ة" ZWJ "ب" took two runs; found by the random search, tenth session)
        return without_redundant_zwj(folded)
    return folded


@rewrite(
    "search.fold_alef_maksura",
    code="S3",
    trigger="\u0649",
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces="\u064a",
)
def fold_alef_maksura(text: str, ctx: Context) -> str:
    """Fold alef maksura ى to yeh ي.

    >>> from arnorm.chars.search import fold_alef_maksura
    >>> fold_alef_maksura("على")
    'علي'
    """
    return text.replace("\u0649", "\u064a")


def _forms_with_marks() -> tuple[str, dict[int, str]]:
    """The presentation forms whose compatibility decomposition holds an Arabic mark: those
    that are nothing else (a mark on a space or a tatweel: ﹶ ﹷ ﱢ), and the others (ﴼ is ا
    with fathatan) with their letters."""
    mark = re.compile(f"[{MARK_CLASS}]")
    only, letters = [], {}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        form = chr(code)
        decomposed = unicodedata2.normalize("NFKC", form)
        if decomposed != form and mark.search(decomposed):
            rest = mark.sub("", decomposed).replace(TATWEEL, "").replace(" ", "")
            if rest:
                letters[code] = rest
            else:
                only.append(form)
    return "".join(only), letters


# S5 in the repair profile (enabled by name) runs before U2 writes the forms as letters and
# marks, and without S6's NFKC before it: it deletes the forms of marks, and writes the
# letters of a form with a mark.  (In the search profile S6 has written them already.)
MARK_FORMS, _FORM_LETTERS_WITHOUT_MARKS = _forms_with_marks()
_LETTER_FORMS_WITH_MARKS = "".join(map(chr, _FORM_LETTERS_WITHOUT_MARKS))
_CARRIED_MARKS = re.compile(f"[{SPACE_LIKE_CLASS}][{MARK_CLASS}{TATWEEL}{MARK_FORMS}]+")
# One character at a time, not runs: deleting each is deleting the runs, and a class without a
# quantifier is scanned for by re's fast search (news, a mark every 250 characters: 10 → 3.7 ns
# a character).
_MARK = re.compile(f"[{MARK_CLASS}{TATWEEL}{MARK_FORMS}]")
_MARK_FORM_SET = frozenset(MARK_FORMS)


@rewrite(
    "search.strip_diacritics",
    code="S5",
    trigger=expand_class(MARK_CLASS) + TATWEEL + MARK_FORMS + _LETTER_FORMS_WITH_MARKS,
    profiles=("search",),
    produces=None,  # (what NFC composes, see _DELETIONS_RECOMPOSE)
    phase=Phase.DOCUMENT,
)
def strip_diacritics(text: str, ctx: Context) -> str:
    """Delete every Arabic combining mark (harakat, tanween, shadda, Quranic marks) and tatweel.

    A mark shown on its own on an NBSP carrier goes with its carrier, which becomes a space.
    The presentation forms of marks go too, and a form of a letter with a mark (ﴼ) becomes
    the letter (ا).

    >>> from arnorm.chars.search import strip_diacritics
    >>> strip_diacritics("العَرَبِيَّة هـ")
    'العربية ه'
    """
    # Two passes with constant replacements (no call to Python per match): the marks on a
    # space-like carrier first (the carrier becomes a space, which no pattern here matches),
    # then every other run of marks.
    result = text
    if ctx.has_presentation_forms:  # (the pipeline knows it from its scan)
        for form in _LETTER_FORMS_WITH_MARKS:
            if form in result:
                result = result.replace(form, _FORM_LETTERS_WITHOUT_MARKS[ord(form)])
    if _CARRIED_MARKS.search(result):
        result = _CARRIED_MARKS.sub(" ", result)
    # (The forms the document has are known from the pipeline's scan: a scan of the text
    # here cost the search profile 3% on pages of forms, where S6 has mapped them already.)
    if ctx.has_presentation_forms and not _MARK_FORM_SET.isdisjoint(ctx.presentation_forms):
        # E3 reads a legacy token across what the later rules delete between its letters,
        # but not across the form of a mark, which U2 writes on an NBSP when S5 does not run:
        # deleted here, the Latin-1 letters around it may make a token E3 did not read (found
        # by tools/fuzz.py --combine, seed 44, sixteenth session).  E3, when it runs, is asked
        # about the output (Context.apply_again).
        ctx.apply_again.add(cp1256_as_latin1.id)
    # (NFC again, whatever it deleted: on vocalised text, marks are most of what follows a
    # deleted mark, and the NFC quick check is cheaper than any scan for the junctions.)
    return recompose(_MARK.sub("", result), text, ctx)


_HAMZA_SEATS = (("\u0624", "\u0648"), ("\u0626", YEH))
_ALEF_SEAT = {"\u0627": SEAT_MARKS}
_WAW_AND_YEH_SEATS = {"\u0648": "\u0654", YEH: "\u0654"}


@rewrite(
    "search.fold_hamza_seats",
    code="S4",
    trigger="\u0624\u0626\u0654",
    phase=Phase.CHARACTER,
    profiles=(),
    produces="\u0648" + YEH,
)
def fold_hamza_seats(text: str, ctx: Context) -> str:
    """Fold hamza on waw ؤ to و and hamza on yeh ئ to ي (opt-in, even in ``search``).

    A waw or yeh followed by a hamza mark that NFC composes with it (و + ٔ is ؤ) loses the mark.

    >>> from arnorm.chars.search import fold_hamza_seats
    >>> fold_hamza_seats("مسؤول رئيس")
    'مسوول رييس'
    """
    for source, target in _HAMZA_SEATS:
        if source in text:
            text = text.replace(source, target)
    return _fold_seat_marks(text, _WAW_AND_YEH_SEATS, _WAW_AND_YEH_SEAT_MARKS)


# Double quotes and guillemets, except right after a Latin-1 letter that could make them half
# of a mojibake character (Ø« is ث read as cp1252; after Â a curly quote would be a C1 control).
# (The quote first, then the look-behinds: the scan runs in C between quotes.)
_REAL_DOUBLE_QUOTE = re.compile(
    "[\u00ab\u00bb\u201c\u201d\u201e]"
    "(?<![\u00c2-\u00f4][\u00ab\u00bb])(?<![\u00c3-\u00f4][\u201c\u201d\u201e])"
)
_LATIN1_LEAD = re.compile("[\u00c2-\u00f4]")  # the letters the look-behinds above test
_ASCII_PUNCTUATION = (
    ("\u060c", ","),
    ("\u061b", ";"),
    ("\u061f", "?"),
    ("\u066a", "%"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
)


@rewrite(
    "search.ascii_punctuation",
    code="S7",
    trigger="".join(source for source, _ in _ASCII_PUNCTUATION),
    phase=Phase.CHARACTER,
    profiles=("search",),
    produces=',;?%"',
)
def ascii_punctuation(text: str, ctx: Context) -> str:
    """Write ، ؛ ؟ ٪ as , ; ? % and every double quote and guillemet as ``"``.

    >>> from arnorm.chars.search import ascii_punctuation
    >>> ascii_punctuation("«هل؟» نعم، ٥٪")
    '"هل?" نعم, ٥%'
    """
    for source, target in _ASCII_PUNCTUATION[:4]:
        if source in text:
            text = text.replace(source, target)
    # Quotes: only real ones.  After a Latin-1 letter a quote may be half of a mojibake
    # character that the encoding repair (E2) left: rewriting it would change what the next
    # run's repair sees.  Without such a letter every quote is real: str.replace (no list of
    # pieces the size of the text, as re.sub builds).
    if _LATIN1_LEAD.search(text) is None:
        for source, target in _ASCII_PUNCTUATION[4:]:
            if source in text:
                text = text.replace(source, target)
        return text
    return _REAL_DOUBLE_QUOTE.sub('"', text)


# A ZWJ next to one of these builds an emoji and stays (the ZWJ first, then the look-behind:
# the scan runs in C from one ZWJ to the next).  The same emoji as I5 (not ⸮, which P1
# rewrites), less those S6 rewrites in NFKC (🉈 → 〔敗〕, ™ → TM): beside what S6 writes, the
# ZWJ went on the next run (found by the atheris fuzzing run).
_EMOJI_NEIGHBOUR = (
    "["
    + class_body(
        character
        for character in expand_class(EMOJI.pattern[1:-1])
        if unicodedata2.normalize("NFKC", character) == character
    )
    + "]"
)
_ZWJ_OUTSIDE_EMOJI = re.compile(f"{ZWJ}(?<!{_EMOJI_NEIGHBOUR}{ZWJ})(?!{_EMOJI_NEIGHBOUR})")
# Deleted or made a space wherever they are.
_OTHER_JOINERS = ((ZWNJ, ""), ("\u00ad", ""), ("\u200b", " "), ("\u2060", " "))
_JOINER_JUNCTIONS = Junctions(ZWJ + "".join(source for source, _ in _OTHER_JOINERS))


@rewrite(
    "search.strip_joiners",
    code="S7",
    # (the soft hyphen too: with I2 disabled, S7 deleted it without its trigger, found by
    # tools/fuzz.py --combine, seed 39, sixteenth session)
    trigger=ZWNJ + ZWJ + "\u00ad\u200b\u2060",
    phase=Phase.DOCUMENT,
    profiles=("search",),
    produces=None,  # (what NFC composes, see _DELETIONS_RECOMPOSE)
)
def strip_joiners(text: str, ctx: Context) -> str:
    """Delete every ZWNJ, soft hyphen and ZWJ not part of an emoji; ZWSP and WJ become a space.

    Marks deleted by the folds can leave a ZWSP next to a space; for an index it is a word
    separator.

    >>> from arnorm.chars.search import strip_joiners
    >>> strip_joiners("می\u200cخواهم ب\u200dت")
    'میخواهم بت'
    """
    # The ZWJ first, judged by its neighbours in the text as it came; then the others, which
    # go whatever their neighbours, with str.replace (a call to Python per joiner was 6x
    # ordinary text).
    result = text
    if ZWJ in result:
        result = _ZWJ_OUTSIDE_EMOJI.sub("", result)
    for source, target in _OTHER_JOINERS:
        if source in result:
            result = result.replace(source, target)
    return recompose(result, text, ctx, _JOINER_JUNCTIONS)


# The letter folds run after the tatweel rules and before the mark rules, which judge the
# letters they write: after them, S1 made the أ of "وأً" a bare alef once M4 had judged it a
# letter, and the next run moved the fathatan (found by a probe, tenth session).  They map
# Arabic letters to Arabic letters, so the digit and punctuation rules after them judge the
# same neighbours.  S7 maps what the punctuation rules write, after them.
LETTER_FOLDS = (
    fold_alef,
    fold_teh_marbuta,
    fold_alef_maksura,
    fold_hamza_seats,
)
RULES = (ascii_punctuation,)
# The folds that delete or rewrite characters anywhere run in the document phase, before the
# protected spans are found: deleting a mark or a joiner next to a URL or a Latin token could
# otherwise change, on the next run, what is protected.  In the search profile they apply to
# URLs too (an index folds everything).  NFKC comes first so the others see what it writes.
# NFKC and the marks run before the invisible-character rules (I1-I6), which judge a joiner by
# its neighbours: deleted after them, the mark in "©" ZWJ "ۖ" ZWJ "©" left two ZWJs that I5
# collapsed on the next run (found by the random search).  S7 judges its ZWJs by their
# neighbours too, so it runs after I1-I6.
FOLDS_BEFORE_INVISIBLE = (nfkc, strip_diacritics)
FOLDS_AFTER_INVISIBLE = (strip_joiners,)
