"""Presentation forms (U2): contextual forms and ligatures become the letters they show.

Presentation forms are shapes of the same letters (the Unicode names list points to the Arabic
block as the preferred characters), and shapers regenerate them; they come from PDF extraction
and from keyboards whose lam-alef keys emit U+FEFB.  Each form is mapped by NFKC of that one
character, never wholesale NFKC (which is lossy: ﷺ, ﷼, NBSP, ², ﬁ ...).  Kept: the honorific
ligatures ﷺ ﷻ, the rial sign ﷼, Quranic stop signs, ornate parentheses and the other symbols.
Skipped for visual-order documents, where positional forms are evidence of the order.  With
``expand_honorifics=True`` (opt-in) ﷺ and ﷻ are written out as the words they stand for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import islice

import unicodedata2  # type: ignore[import-not-found,unused-ignore]

from arnorm.chars.tables import (
    ALL_CLUSTER_MARK_CLASS,
    ASTRAL_NON_STARTER_CLASS,
    CLUSTER_MARK_CLASS,
    COMBINING_GRAPHEME_JOINER,
    COMPOSING_NON_STARTER_CLASS,
    LETTER_CLASS,
    PRESENTATION_FORMS_CLASS,
    PRESENTATION_KEEP,
    TATWEEL,
    ZWJ,
    expand_class,
)
from arnorm.chars.unicode import COMPOSES_WITH_PREVIOUS, to_nfc
from arnorm.context import Context
from arnorm.options import Option, Options
from arnorm.rule import substitution

OPTIONS = (
    Option(
        "expand_honorifics",
        False,
        (False, True),
        "Write the honorific ligatures ﷺ and ﷻ as the words they stand for (ﷺ → صلى الله "
        "عليه وسلم, ﷻ → جل جلاله), with a space on each side where a word touches them. Off "
        "by default: expanding writes whole phrases into the text.",
        example='clean("محمد ﷺ", expand_honorifics=True) gives "محمد صلى الله عليه وسلم"',
    ),
)


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
_FORM_RUN = re.compile(_FORM.pattern + "+")
_NOMINAL_TABLE = str.maketrans(NOMINAL)
# Below this many runs of forms, or fewer than one run per CHARACTERS_PER_RUN characters, a
# function is called on each run (cheaper than a pass over the whole text); from it on, the
# text is mapped in bulk (one ``translate``, constant substitutions).
FEW_RUNS = 32
CHARACTERS_PER_RUN = 64


def many_runs(runs: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` has enough matches of ``runs`` to be mapped in bulk (see FEW_RUNS)."""
    needed = max(FEW_RUNS, len(text) // CHARACTERS_PER_RUN)
    return sum(1 for _ in islice(runs.finditer(text), needed)) >= needed


# A translation of the runs of forms alone: they are cut out by one ``split``, translated
# together, joined by newlines (no form is or becomes one), and put back.  On the noisy bench
# corpus (a run in about 42 characters) that is 2.5x faster than a ``translate`` of the whole
# text, which looks up every character; from one run in DENSE_RUNS characters of the first
# _SAMPLE (a page written in forms) the whole text is translated, which is then faster.
DENSE_RUNS = 8
_SAMPLE = 1024
# ``translate`` looks each character up in the table (45-65 ms a million characters): a text
# of REPLACE_MIN characters or more whose first _SAMPLE characters hold FEW_DISTINCT of the
# table's characters or fewer (a form repeated between spaces) has each of them replaced by
# ``str.replace`` (a scan in C, about 3 ms a MB), then is translated only if one search finds
# another of them.  (On a shorter text the look at the sample costs more than it saves: U2
# maps the pieces of a text one by one.)
FEW_DISTINCT = 8
REPLACE_MIN = 16_384


def map_runs(runs: re.Pattern[str], table: dict[int, str], text: str, one: re.Pattern[str]) -> str:
    """``text.translate(table)``, for a ``table`` that maps only characters of the matches of
    ``runs`` (a pattern whose one group is the whole match), whose targets are strings, never
    a newline, and never hold a character of the table but the source itself; ``one`` finds
    any one character of the table.

    >>> table = str.maketrans({"a": "A", "b": "B"})
    >>> map_runs(re.compile("([ab]+)"), table, "xaby\\nb", re.compile("[ab]"))
    'xABy\\nB'
    """
    sample = text[:_SAMPLE]
    if len(runs.findall(sample)) * DENSE_RUNS > len(sample):
        return _translate(text, table, one)
    parts = runs.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = _translate("\n".join(parts[1::2]), table, one).split("\n")
    return "".join(parts)


def _translate(text: str, table: dict[int, str], one: re.Pattern[str]) -> str:
    """``text.translate(table)`` (see FEW_DISTINCT)."""
    if len(text) < REPLACE_MIN:
        return text.translate(table)
    distinct = [character for character in set(text[:_SAMPLE]) if ord(character) in table]
    if len(distinct) > FEW_DISTINCT:
        return text.translate(table)
    for character in distinct:
        text = text.replace(character, table[ord(character)])
    return text if one.search(text) is None else text.translate(table)


_FORM_RUNS = re.compile(f"({_FORM_RUN.pattern})")


def to_nominal(text: str, haraka_attached: bool = False) -> str:
    """``text`` with every presentation form written as its nominal letters, nothing else done
    (U2 also puts the marks around them in order): for detectors that count letters.

    ``haraka_attached``: an isolated haraka form (ﹰ) is written as its mark alone, as U2
    writes it after a letter, not as NFKC's space and mark.

    >>> to_nominal("\ufefb \ufe8d\ufedf\ufecc\ufeae\ufe91\ufef4\ufe94")
    'لا العربية'
    """
    table = _ATTACHED_TABLE if haraka_attached else _NOMINAL_TABLE
    return map_runs(_FORM_RUNS, table, text, _FORM)


# The marks around a form: the Arabic ones and every other combining mark NFC reorders among
# them (a U+FE20 before the fatha U2 writes went after it in the final NFC, and the mark rules
# saw the fatha beside a fathatan only on the next run; found by the atheris fuzzing run).
_AROUND = CLUSTER_MARK_CLASS
# What an isolated haraka form attaches to (else it gets an NBSP carrier), besides a form.
ATTACHES_HARAKA = re.compile(f"[{LETTER_CLASS}{_AROUND}{TATWEEL}]")
# The same with the forms, as a class body (for I4 and I5, which read it backwards).
HOLDS_HARAKA_CLASS = f"{LETTER_CLASS}{_AROUND}{TATWEEL}{PRESENTATION_FORMS_CLASS}"
_MARKS = expand_class(_AROUND)

# The marks around the forms are part of the match, so the replacement can be put in NFC on
# its own (an isolated fatha attached after a shadda, ﻻ followed by hamza above).  Marks before
# a form are taken from the first mark of their run only (the look-behind): a long run of marks
# with no form after it costs one try, not one per mark (quadratic).
# A match goes on through marks to the next form (forms and marks in turn: a cluster is put in
# NFC whole; the two classes are disjoint, so the match stays linear).
# The marks include those beyond the BMP (an Arabic mark of U+10EC0-U+10EFF, a Brahmi virama)
# where the class is tested only after a form or a mark: a character of the class beyond the
# BMP starts a match only through one range test (any character beyond the BMP), then a look-
# behind; the class itself at every position would test its ~120 ranges on every character.
# Left out, NFC moved the marks U2 wrote in front of such a mark before them, and the next
# run judged them again (found by the mutation search, ninth session).
_ALL = ALL_CLUSTER_MARK_CLASS
_FORMS_AND_MARKS = f"{_FORM.pattern}+(?:[{_ALL}]+{_FORM.pattern}+)*[{_ALL}]*"
_RUN_BEFORE = f"(?<![{_ALL}].)[{_ALL}]*{_FORMS_AND_MARKS}"  # (after its first mark)
_PATTERN = (
    f"{_FORMS_AND_MARKS}|[{_AROUND}]{_RUN_BEFORE}"
    f"|[\U00010000-\U0010ffff](?<=[{ASTRAL_NON_STARTER_CLASS}]){_RUN_BEFORE}"
)

# The fast path (the same output as the replacement function, by scans that run in C).  The
# isolated haraka forms (ﹶ → " َ") whose NFKC starts with a space: the mark alone, after an NBSP
# when the character before it does not take a mark (written first, a constant substitution
# per form: a form at the start of a match, so the matches stay where they were).
# The isolated haraka forms (ﹰ ﱟ): NFKC gives a space and the mark (U2 writes an NBSP carrier
# or attaches the mark to the letter before).  After a mark beyond the BMP too, as the
# replacement function does (a match starts at that mark: the form is not the first of its
# forms).  Until the nineteenth session the fast path wrote an NBSP there; the astral class is
# only tested after a character beyond the BMP (one range test, not ~120, before each form).
SPACED_FORMS = "".join(form for form, nominal in NOMINAL.items() if nominal.startswith(" "))
_DETACHED = {
    form: (
        re.compile(
            f"{form}(?<![{LETTER_CLASS}{_AROUND}{TATWEEL}{_FORM.pattern[1:-1]}]{form})"
            f"(?:(?<![\U00010000-\U0010ffff]{form})|(?<![{ASTRAL_NON_STARTER_CLASS}]{form}))"
        ),
        "\u00a0" + form,
    )
    for form in SPACED_FORMS
}
_ATTACHED_TABLE = str.maketrans(
    {form: nominal.removeprefix(" ") for form, nominal in NOMINAL.items()}
)
# The matches of the pattern, as the odd items of ``split`` (no other group in the pattern).
_SPLIT = re.compile(f"({_PATTERN})")


def _presentation_forms_fast(text: str, ctx: Context) -> str:
    """:func:`presentation_forms` by scans that run in C, with no Python call per match.

    From FEW_RUNS runs of forms on (see :func:`many_runs`), the forms are mapped by one
    ``translate`` of the whole text (it changes nothing else).  A
    match is then put in NFC on its own, which changes nothing when the whole result is in NFC
    (a piece of a text in NFC is in NFC); when it is not, the matches are cut out by one
    ``split`` and put in NFC together, joined by newlines (which never compose or reorder).
    """
    if not many_runs(_FORM_RUN, text):
        return _each_match_in_nfc(text, ctx)
    known_nfc = ctx.nfc is text
    for form, (detached, replacement) in _DETACHED.items():
        if form in text:
            text = detached.sub(replacement, text)  # (an NBSP before a form: still in NFC)
    mapped = map_runs(_FORM_RUNS, _ATTACHED_TABLE, text, _FORM)
    if _is_nfc(mapped):
        ctx.nfc = mapped
        return mapped
    if known_nfc or _is_nfc(text):
        result = _matches_in_nfc_of_nfc_text(text, mapped)
        if result is not None:
            return result
    # Not in NFC: the text is cut into chunks between matches, and only the chunks whose
    # mapping is not in NFC are split into their matches.  (A megabyte of "ﱞi" after one mark
    # out of order was split whole, a list item per form: 14x ordinary text.)
    bounds = _chunks(text)
    if len(bounds) == 1:  # (the text itself: its mapping is not in NFC)
        return _matches_in_nfc(text)
    pieces = []
    for start, end in bounds:
        chunk = text[start:end]
        mapped = map_runs(_FORM_RUNS, _ATTACHED_TABLE, chunk, _FORM)
        pieces.append(mapped if _is_nfc(mapped) else _matches_in_nfc(chunk))
    return "".join(pieces)


# Every match holds a form and is made of forms and marks only: it lies in a run of them that
# holds a form, and the pattern is run over those runs alone (found from their forms, at C
# speed).  Tried at each position of the text, the alternation took 40 ms a megabyte of text
# without a form: a page with one ligature paid that.
_FORM_OR_MARK = frozenset(NOMINAL) | frozenset(expand_class(_ALL))


def _each_match(text: str, replace: Callable[[re.Match[str]], str]) -> str:
    """``_SPLIT.sub(replace, text)``, with the pattern run only over the runs of forms and
    marks that hold a form."""
    pieces = []
    done = 0  # the end of the last match
    position = 0  # the end of the last run
    while (form := _FORM.search(text, position)) is not None:
        start, position = _run_around(text, form, position)
        for match in _SPLIT.finditer(text, start, position):
            pieces.append(text[done : match.start()])
            pieces.append(replace(match))
            done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _each_match_in_nfc(text: str, ctx: Context) -> str:
    """:func:`_each_match` with the rule's function; when ``text`` is the text the context
    knows to be in NFC, so is the result, unless a replacement starts with, or is followed by,
    a character NFC may compose with what is before it (see ``unicode.recompose``): then the
    final NFC (U1's renormalize) need not read it again (a page of marks after a form, which
    NFC's quick check cannot pass, paid that pass for nothing)."""
    known_nfc = ctx.nfc is text
    junctions = 0  # (replacements at whose edges NFC may compose)

    def replace(match: re.Match[str]) -> str:
        nonlocal junctions
        replaced: str = presentation_forms.function(match, ctx)
        end = match.end()
        if replaced[:1] in COMPOSES_WITH_PREVIOUS or text[end : end + 1] in COMPOSES_WITH_PREVIOUS:
            junctions += 1
        return replaced

    result = _each_match(text, replace)
    if known_nfc and not junctions:
        ctx.nfc = result
    return result


def _run_around(text: str, found: re.Match[str], position: int) -> tuple[int, int]:
    """Where the run of forms and marks around ``found`` starts (not before ``position``, the
    end of the run before) and ends: at the next character that is no form and no mark (a
    character beyond the BMP counts as a mark there, see _NEITHER: the run may be longer)."""
    start = found.start()
    while start > position and text[start - 1] in _FORM_OR_MARK:
        start -= 1
    after = _NEITHER.search(text, found.end())
    return start, after.start() if after is not None else len(text)


def _is_nfc(text: str) -> bool:
    # (The standard library's quick check, on its own Unicode version, only chooses the way:
    # marks out of order fail it at once, where NFC of a long run of marks costs a pass.)
    return unicodedata.is_normalized("NFC", text) and to_nfc(text) == text


def _matches_in_nfc(text: str) -> str:
    # The matches of ``text`` mapped and each put in NFC (together, joined by newlines, which
    # never compose or reorder), the rest as it is.
    parts = _SPLIT.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = to_nfc("\n".join(parts[1::2]).translate(_ATTACHED_TABLE)).split("\n")
    return "".join(parts)


# In a text in NFC, NFC of the whole mapping is NFC of each match but where a match holds a
# mark NFC composes with a starter before it (COMPOSING_NON_STARTER_CLASS: U+0654, U+0301):
# the starter before the match, outside it, is not composed with it.  Nothing else crosses the
# edges of a match: the character before it and the one after it are starters (no form, no
# mark), the marks U2 writes compose with nothing before them, and nothing NFC composes with
# a starter before it follows a match's last character (tests/test_forms_speed.py checks
# both on every form); what lies between matches is in NFC as it was.  Such marks are rare:
# from more than one run of them in SPARSE_RUNS characters (with a form or not: each costs a
# step in Python), the text takes the chunks below instead.  That is judged as the runs come:
# a text is dropped once it has more than one a SPARSE_RUNS characters up to where it is, after
# its first SPARSE_SLACK characters (a page dense in them gave up only at its end: ~7,200 runs
# a MB put in NFC for nothing, half of U2's time on "ؚؓﭔٕﹾ " repeated).
SPARSE_RUNS = 64
SPARSE_SLACK = 4096
_COMPOSING = re.compile(f"[{COMPOSING_NON_STARTER_CLASS}]")


def _matches_in_nfc_of_nfc_text(text: str, mapped: str) -> str | None:
    """:func:`_matches_in_nfc` of ``text``, a text in NFC (after the NBSPs are written), from
    ``mapped`` (its mapping, not in NFC): NFC of the mapping but for the runs of forms and
    marks that hold a composing mark, each put in NFC match by match.  ``None`` when there
    are too many such runs (see SPARSE_RUNS)."""
    pieces: list[str] = []
    done = 0  # the end of the last run put in NFC match by match
    position = 0
    runs = 0  # (runs with such a mark looked at, with a form or not)
    while (composing := _COMPOSING.search(text, position)) is not None:
        runs += 1
        if runs * SPARSE_RUNS > composing.start() + SPARSE_SLACK:
            return None
        start, position = _run_around(text, composing, position)
        if _FORM.search(text, start, position) is None:
            continue  # (no match: nothing there is mapped)
        pieces.append(to_nfc(map_runs(_FORM_RUNS, _ATTACHED_TABLE, text[done:start], _FORM)))
        pieces.append(_matches_in_nfc(text[start:position]))
        done = position
    if not pieces:
        return to_nfc(mapped)
    pieces.append(to_nfc(map_runs(_FORM_RUNS, _ATTACHED_TABLE, text[done:], _FORM)))
    return "".join(pieces)


# Chunks of about CHUNK characters, each ending after a character that is no form and no mark:
# no match crosses such a place, and a match that starts after it (at a mark) starts there in
# the chunk too (its look-behind reads that character, which is no mark).
CHUNK = 16_384
_NEITHER = re.compile(f"[^{_FORM.pattern[1:-1]}{_ALL}\U00010000-\U0010ffff]")


def _chunks(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    while len(text) - start > CHUNK:
        found = _NEITHER.search(text, start + CHUNK - 1)
        if found is None:
            break
        bounds.append((start, found.end()))
        start = found.end()
    bounds.append((start, len(text)))
    return bounds


@substitution(
    "forms.presentation_forms",
    _PATTERN,
    code="U2",
    trigger="".join(sorted(NOMINAL)),
    skip_when=("quranic", "visual"),
    produces=None,
    fast=_presentation_forms_fast,
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
    group = match.group()
    # The marks before and after the forms are kept as they are (a long run of them is not
    # looked at one by one): only the forms are mapped.
    lead = len(group) - len(group.lstrip(_MARKS))
    trail = len(group.rstrip(_MARKS))
    # The forms are mapped by one ``translate`` (not a Python step per form: a run can be a
    # whole line).  An isolated haraka form attaches to the form before it, so only the first
    # one of the run can need an NBSP.
    forms = group[lead:trail]
    mapped = forms.translate(_ATTACHED_TABLE)
    if forms[0] in _DETACHED:
        previous = group[lead - 1] if lead else text[start - 1] if start > 0 else ""
        if not (previous in NOMINAL or (previous and ATTACHES_HARAKA.match(previous))):
            mapped = "\u00a0" + mapped
    return to_nfc(group[:lead] + mapped + group[trail:])


# The honorific word ligatures of the keep-list and their words (NFKC of each).
HONORIFICS = {
    character: unicodedata2.normalize("NFKC", character)
    for character in "\N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}"
    "\N{ARABIC LIGATURE JALLAJALALOUHOU}"
}
_HONORIFIC = "[" + "".join(HONORIFICS) + "]"
_HONORIFIC_RUNS = re.compile(_HONORIFIC + "+")
# A run of ligatures with the marks and ZWJs after them, and the ZWJs before them.  A ZWJ asked
# a ligature that does not join to join; once the words are written it sat between two letters
# that join anyway, and I5 deleted it on the next run (found by the atheris fuzzing run): the
# joiners go with the ligatures.  Marks stay on the last word, and a word after them is spaced
# off.  A run of ZWJs is tried from its first one only (linear on 10,000 of them).
# (With the CGJ among the marks: a ZWJ after ﷺ + CGJ stayed beside the words, and I5 deleted
# it on the next run; found by tools/fuzz.py --random.)
_HONORIFIC_RUN = (
    f"(?:(?<!{ZWJ}){ZWJ}+(?={_HONORIFIC})|{_HONORIFIC})"
    f"[{''.join(HONORIFICS)}{ZWJ}{CLUSTER_MARK_CLASS}{COMBINING_GRAPHEME_JOINER}]*"
)
_LIGATURE_AND_MARKS = re.compile(f"{_HONORIFIC}[^{''.join(HONORIFICS)}]*")
# The fast path deletes the joiners beside the ligatures first, and leaves a ligature with marks
# (rare) to the runs one by one.
# (Each branch starts with the ZWJ, so the scan runs in C between them.)
_JOINERS_BESIDE = re.compile(
    f"{ZWJ}(?:(?<!{ZWJ}{ZWJ}){ZWJ}*(?={_HONORIFIC})|(?<={_HONORIFIC}{ZWJ}){ZWJ}*)"
)
_MARKED = re.compile(f"{_HONORIFIC}{ZWJ}*[{CLUSTER_MARK_CLASS}{COMBINING_GRAPHEME_JOINER}]")


def _expand_honorifics(options: Options) -> bool:
    return options["expand_honorifics"] is True


def _touches_word(character: str) -> bool:
    """A letter or digit of any script, a combining mark or a tatweel: a word goes on there."""
    return character.isalnum() or unicodedata2.category(character) == "Mn" or character == TATWEEL


# The fast path: constant substitutions, each from its ligature (the scan runs in C between
# them).  A ligature followed by another gets a space after it; the characters just before the
# runs are judged once each (a set), and a letter or digit of any script after a run is
# ``[^\W_]`` (the same test as ``str.isalnum``, in the engine).
_FOLLOWED_BY_ANOTHER = {
    honorific: re.compile(f"{honorific}(?={_HONORIFIC})") for honorific in HONORIFICS
}
_CHARACTER_BEFORE = re.compile(f"{_HONORIFIC}(?<=(.){_HONORIFIC})", re.DOTALL)
_BEFORE_A_WORD = {honorific: re.compile(f"{honorific}(?=[^\\W_])") for honorific in HONORIFICS}


def _honorifics_fast(text: str, ctx: Context) -> str:
    """:func:`honorifics` by constant substitutions, with no Python call per ligature."""
    if not many_runs(_HONORIFIC_RUNS, text) or _MARKED.search(text):
        return re.sub(_HONORIFIC_RUN, lambda match: honorifics.function(match, ctx), text)
    if ZWJ in text:
        text = _JOINERS_BESIDE.sub("", text)
    touching = sorted(
        character
        for character in set(_CHARACTER_BEFORE.findall(text))
        if character not in HONORIFICS and _touches_word(character)
    )
    for honorific in HONORIFICS:
        text = _FOLLOWED_BY_ANOTHER[honorific].sub(honorific + " ", text)
    if touching:
        after = "[" + "".join(map(re.escape, touching)) + "]"
        for honorific in HONORIFICS:
            text = re.sub(f"{honorific}(?<={after}{honorific})", " " + honorific, text)
    for honorific, words in HONORIFICS.items():
        text = _BEFORE_A_WORD[honorific].sub(honorific + " ", text)
        text = text.replace(honorific, words)
    return text


@substitution(
    "forms.honorifics",
    _HONORIFIC_RUN,
    code="U2",
    trigger="".join(HONORIFICS),
    skip_when=("quranic", "visual"),
    enabled_if=_expand_honorifics,
    produces="".join(sorted(set(" ".join(HONORIFICS.values())))),
    fast=_honorifics_fast,
)
def honorifics(match: re.Match[str], ctx: Context) -> str:
    """Write ﷺ and ﷻ as the words they stand for (opt-in: ``expand_honorifics=True``).

    Each ligature becomes its NFKC words (ﷺ → صلى الله عليه وسلم), with a space between two
    ligatures and on each side where a word touches them (محمدﷺ → محمد صلى الله عليه وسلم).
    At the edge of a segment (next to a protected span or the end of the text) no space is
    added.  A ZWJ beside a ligature goes with it (the words join as letters do); marks on a
    ligature stay on its last word.

    >>> from arnorm.chars.forms import honorifics
    >>> honorifics("قال محمدﷺ: والله ﷻ", expand_honorifics=True)
    'قال محمد صلى الله عليه وسلم: والله جل جلاله'
    >>> honorifics("محمد ﷺ") == "محمد ﷺ"  # off by default
    True
    """
    text, start, end = match.string, match.start(), match.end()
    # Each ligature with the marks after it (on its last word); the joiners go.
    words = " ".join(
        HONORIFICS[piece[0]] + piece[1:].replace(ZWJ, "")
        for piece in _LIGATURE_AND_MARKS.findall(match.group())
    )
    if start > 0 and _touches_word(text[start - 1]):
        words = " " + words
    if end < len(text) and text[end].isalnum():
        words += " "
    return words


RULES = (presentation_forms, honorifics)
