"""The boilerplate lexicon: phrase lists as data files, matched after a light folding.

Each file in ``arnorm/boilerplate/phrases/`` holds one kind of phrase, one phrase a line
(``#`` starts a comment): ``trailer_headers.txt`` (rule B4) and ``line_phrases.txt`` (rule
B5).  Phrases and lines are compared after :func:`fold`, so spelling variants of one phrase
("اقرأ أيضاً", "إقرأ ايضا:", "اقرأ أيضًا") are one entry.  A phrase ending in `` …`` is a
*lead-in*: it matches a line that starts with it, whatever follows (a link line).

A phrase *covers* a line when, after folding, it stands at the start or the end of the line
(whole words) and its letters are at least :data:`MIN_COVER` of the line's letters: "© 2015
جميع الحقوق محفوظة" is covered by "جميع الحقوق محفوظة", a sentence that merely contains the
phrase is not.  Users add phrases with the options ``line_phrases`` and ``trailer_headers``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

from arnorm.boilerplate import bulk
from arnorm.options import Option

# A phrase must make up at least this share of a line's letters (digits, punctuation, e-mail
# addresses and links do not count).  Chosen on the SaudiNewsNet corpus (docs/boilerplate.md):
# every content line that starts or ends with a lexicon phrase is covered at most 0.42
# ("انتهى التنفيذ"); boilerplate lines are covered 0.56 to 1.0 ("للتواصل مع الكاتب ارسل رسالة
# SMS" by "للتواصل مع الكاتب"; "© 2015 جميع الحقوق محفوظة لصحيفة الوئام" is 0.59).
MIN_COVER = 0.5
LEAD_IN = " …"

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# E-mail addresses and links are not words of a phrase: "لمراسلة الكاتب: a@b.net" is covered.
_ADDRESSES = re.compile(
    r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?:https?://|www\.)[^\s\u0600-\u06ff]+"
)
# Its second branch alone, and what the first needs before an "@" (see _without_addresses).
_LINKS = re.compile(r"(?:https?://|www\.)[^\s\u0600-\u06ff]+")
_LOCAL_PART_END = re.compile(r"[\w.+-]")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_LETTER_FOLDS = (
    ("\u0623", "\u0627"),  # أ → ا
    ("\u0625", "\u0627"),  # إ → ا
    ("\u0622", "\u0627"),  # آ → ا
    ("\u0671", "\u0627"),  # ٱ → ا
    ("\u0629", "\u0647"),  # ة → ه
    ("\u0649", "\u064a"),  # ى → ي
)


def fold(text: str, addresses: bool = True) -> str:
    """Fold a line for phrase matching: its words, lower-case, without marks, tatweel, digits,
    punctuation, e-mail addresses or links; one alef, ه for ة, ي for ى; single spaces.

    >>> fold("إقرأ أيضاً:") == fold("اقرأ ايضا") == "اقرا ايضا"
    True
    >>> fold("// يتبع // 11:02 ت م"), fold("لمراسلة الكاتب: turki@alriyadh.net")
    ('يتبع ت م', 'لمراسله الكاتب')

    ``addresses=False`` keeps the letters of e-mail addresses and links.
    """
    return _fold(text, addresses)


@lru_cache(maxsize=4096)
def _fold(text: str, addresses: bool) -> str:
    # Memoised: the line phase asks for the same short lines in each rule and round.  The cache
    # is bounded and holds only pure results, so it is safe to share between threads.
    if addresses:
        text = _without_addresses(text)
    text = _DIACRITICS.sub("", text)
    for before, after in _LETTER_FOLDS:
        if before in text:
            text = text.replace(before, after)
    words: list[str] = []
    for word in text.split():
        # Most words are letters only; the slow Unicode-class pattern is for the rest.
        if word.isalpha():
            words.append(word)
        else:
            words.extend(_NON_LETTERS.sub(" ", word).split())
    return " ".join(words).lower()


def _without_addresses(text: str) -> str:
    """``text`` with each e-mail address and link replaced by a space (fold() reads it so).

    ``_ADDRESSES.sub``, which tries its e-mail branch at every position of every word (each
    Arabic letter is a ``\\w``): 3.6 µs for a tweet's line.  That branch needs a character of
    ``[\\w.+-]`` right before an "@"; without one (a mention, "@user", follows a space) the
    links are replaced alone, by a pattern that starts at its literals.

    What is left has no address: a match of _ADDRESSES holds no space (the replacement) and
    the pattern has no look-around, so a match in it would have been one in ``text``, where
    the scan tried every position outside the matches it replaced.  So fold() of it is fold()
    of ``text``, and the lexicon tests its edge words with no test for "@" (an e-mail address
    at a line's edge, which fold() deletes, is gone; a mention is no address).  Before, a line
    with an "@", a "//" or "www." went to the fold: a tweet ends in a link and has a mention.

    >>> _without_addresses("نص @user https://t.co/x"), _without_addresses("كتب a@b.net")
    ('نص @user  ', 'كتب  ')
    """
    at = text.find("@")
    while at >= 0:
        if at and _LOCAL_PART_END.match(text, at - 1):
            return _ADDRESSES.sub(" ", text)
        at = text.find("@", at + 1)
    if "//" in text or "www." in text:
        return _LINKS.sub(" ", text)
    return text


def letters(folded: str) -> int:
    """How many letters a folded text has (its length without spaces)."""
    return len(folded) - folded.count(" ")


@dataclass(frozen=True)
class Entry:
    """One phrase of the lexicon: as written in its file, folded, and whether a lead-in."""

    phrase: str
    folded: str
    lead_in: bool


class Lexicon:
    """Folded phrases of one kind, ready to match lines.

    >>> lexicon = Lexicon(["جميع الحقوق محفوظة", "اقرأ أيضا …"])
    >>> lexicon.covering(fold("© 2015 جميع الحقوق محفوظة")).phrase
    'جميع الحقوق محفوظة'
    >>> lexicon.covering(fold("إقرأ أيضاً: بوتين يلتقي كيم")).phrase
    'اقرأ أيضا …'
    >>> lexicon.covering(fold("قالت الشركة إن جميع الحقوق محفوظة لأصحابها بموجب العقد")) is None
    True
    """

    def __init__(self, phrases: Iterable[str]):
        entries = []
        for phrase in phrases:
            lead_in = phrase.endswith((LEAD_IN, " ..."))
            folded = fold(phrase)
            if folded:
                entries.append(Entry(phrase, folded, lead_in))
        # Longest first, so the most specific phrase names the match.
        entries.sort(key=lambda entry: -len(entry.folded))
        self.entries = tuple(entries)
        # A phrase can cover a line only if it shares the line's first or last word: index the
        # entries by those words, so a line is compared with a handful of entries, not all.
        self._by_first: dict[str, tuple[Entry, ...]] = _index(entries, 0)
        self._by_last: dict[str, tuple[Entry, ...]] = _index(entries, -1)

    # The same test, made on the line before it is folded (see may_cover); built when first
    # used (a lexicon of trailer headers never needs its last words).
    @cached_property
    def _heads(self) -> _EdgeWords:
        return _EdgeWords(self._by_first, first=True)

    @cached_property
    def _tails(self) -> _EdgeWords:
        return _EdgeWords(self._by_last, first=False)

    def may_start(self, line: str) -> bool:
        """``False`` if no entry can start ``fold(line)``; tested without folding the line.

        ``False`` when the line's first word, folded, is no entry's first word: for most lines
        the first two letters tell (a set test), for the rest the first word is folded alone
        if it has plain letters and marks only; anything else is left to the fold.  A line
        with an e-mail address or a link is tested again without them, as fold() leaves it
        (a tweet's link and mention no longer send it to the fold).  So
        ``starting(fold(line))`` is ``None`` whenever this is ``False``.

        >>> lexicon = Lexicon(["قد يهمك"])
        >>> lexicon.may_start("قد يهمك:"), lexicon.may_start("وقال إن القرار نهائي")
        (True, False)
        >>> lexicon.may_start("a@b.net قد يهمك"), lexicon.may_start("@user https://t.co/x وقال")
        (True, False)
        """
        return self._heads.may_be_key(_without_addresses(line))

    def may_cover(self, line: str) -> bool:
        """``False`` if no entry can cover ``fold(line)``; tested without folding the line.

        A phrase that covers a line shares its first or last word (:meth:`may_start`, and the
        same test on the line's last word).

        >>> lexicon = Lexicon(["جميع الحقوق محفوظة"])
        >>> lexicon.may_cover("© 2015 جميع الحقوق محفوظة."), lexicon.may_cover("نص الخبر.")
        (True, False)
        """
        line = _without_addresses(line)
        return self._heads.may_be_key(line) or self._tails.may_be_key(line)

    def may_start_lines(
        self, lines: Sequence[str], max_length: int, facts: bulk.LineFacts | None = None
    ) -> list[int]:
        """The indexes of the lines of 1 to ``max_length`` characters that :meth:`may_start`.

        With the ``facts`` of many lines, each distinct line is tested once.
        """
        heads = self._heads
        ruled_out, may_be_key, no_key = heads.ruled_out, heads.may_be_key, heads.no_key_letters
        if facts is not None:
            return facts.lines_where(1, max_length, self.may_start)
        found = []
        for index, line in enumerate(lines):
            if not line or len(line) > max_length:
                continue
            if line[:2] in ruled_out or line[:3] in ruled_out:
                # Plain letters no key starts with: a link cannot start inside them, only an
                # e-mail address can ("محمد@x.org قد يهمك": fold() deletes its first word).
                if "@" not in line:
                    continue
                line = _without_addresses(line)
            elif "@" in line or "//" in line or "www." in line:
                line = _without_addresses(line)
            if (
                line[:2] not in ruled_out
                and line[:3] not in ruled_out
                and line[0] not in no_key  # (see _EdgeWords.no_key_letters)
                and may_be_key(line)
            ):
                found.append(index)
        return found

    def may_cover_lines(self, lines: Sequence[str], max_length: int) -> list[int]:
        """The indexes of the lines of 1 to ``max_length`` characters that :meth:`may_cover`."""
        heads, tails = self._heads, self._tails
        no_head, no_tail = heads.ruled_out, tails.ruled_out
        head_may_be_key, tail_may_be_key = heads.may_be_key, tails.may_be_key
        no_key_head, no_key_tail = heads.no_key_letters, tails.no_key_letters
        found = []
        for index, line in enumerate(lines):
            if not line or len(line) > max_length:
                continue
            if (line[-2:] in no_tail or line[-3:] in no_tail or line[-4:] in no_tail) and (
                line[:2] in no_head or line[:3] in no_head
            ):
                # Both edges plain letters no key starts or ends with (most lines): no address
                # ends in an Arabic letter, and only an e-mail address can start with one (see
                # may_start_lines).
                if "@" not in line:
                    continue
                line = _without_addresses(line)
            elif "@" in line or "//" in line or "www." in line:
                line = _without_addresses(line)
            if (
                (
                    line[:2] not in no_head
                    and line[:3] not in no_head
                    and line[0] not in no_key_head  # (see _EdgeWords.no_key_letters)
                    and head_may_be_key(line)
                )
                or (
                    line[-2:] not in no_tail
                    and line[-3:] not in no_tail
                    and line[-4:] not in no_tail
                    and line[-1] not in no_key_tail
                    and tail_may_be_key(line)
                )
            ):
                found.append(index)
        return found

    def _candidates(self, folded_line: str, ends: bool) -> tuple[Entry, ...]:
        first = self._by_first.get(folded_line.partition(" ")[0], ())
        if not ends:
            return first
        last = self._by_last.get(folded_line.rpartition(" ")[2], ())
        if not last or last == first:
            return first
        # Keep the longest-first order across both lists (by identity: Entry.__eq__ is slow,
        # and equal entries have the same words, so they are in the same lists).
        chosen = {id(entry) for entry in first}
        chosen.update(id(entry) for entry in last)
        return tuple(entry for entry in self.entries if id(entry) in chosen)

    def covering(self, folded_line: str, min_cover: float = MIN_COVER) -> Entry | None:
        """The entry that covers the folded line, or ``None``."""
        if not folded_line:
            return None
        line_letters = letters(folded_line)
        for entry in self._candidates(folded_line, ends=True):
            phrase = entry.folded
            if folded_line == phrase:
                return entry
            starts = folded_line.startswith(phrase + " ")
            if entry.lead_in:
                if starts:
                    return entry
                continue
            if (
                (starts or folded_line.endswith(" " + phrase))
                and letters(phrase) >= min_cover * line_letters
                and _one_word_alone(phrase, folded_line)
            ):
                return entry
        return None

    def starting(self, folded_line: str, min_cover: float = MIN_COVER) -> Entry | None:
        """The entry that starts the folded line and covers most of it, or ``None``."""
        if not folded_line:
            return None
        line_letters = letters(folded_line)
        for entry in self._candidates(folded_line, ends=False):
            phrase = entry.folded
            if folded_line == phrase or (
                folded_line.startswith(phrase + " ")
                and letters(phrase) >= min_cover * line_letters
                and _one_word_alone(phrase, folded_line)
            ):
                return entry
        return None


def _index(entries: list[Entry], word: int) -> dict[str, tuple[Entry, ...]]:
    index: dict[str, list[Entry]] = {}
    for entry in entries:
        index.setdefault(entry.folded.split(" ")[word], []).append(entry)
    return {key: tuple(value) for key, value in index.items()}


# -- testing a line's first and last word before folding it ----------------------------------
#
# Plain letters: Arabic letters that fold() keeps as one letter (itself, or ا, ه, ي), with no
# mark and no case.  A word of plain letters only folds letter by letter.
_PLAIN = "".join(chr(c) for c in (*range(0x0621, 0x063B), *range(0x0641, 0x064B), 0x0671))
# Characters at the edges of a line that fold() drops without joining two words (punctuation,
# digits, spaces, marks, tatweel: what _NON_LETTERS and _DIACRITICS match), stripped before
# the first and last word are looked at.  Common ones only: str.strip reads them at each call.
_EDGE = "".join(
    (
        " !\"#$%&'()*+,-./0123456789:;<=>?[\\]^_`{|}~\u00a0«»\u060c\u061b\u061f\u0640\u0670",
        *map(chr, range(0x0660, 0x066E)),  # Arabic-Indic digits, ٪ ٫ ٬ ٭
        *map(chr, range(0x06F0, 0x06FA)),  # Persian digits
        *map(chr, range(0x064B, 0x0653)),  # tanween, harakat, shadda, sukun
        "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026",
    )
)

# The letters fold() rewrites (_LETTER_FOLDS), and a run of the characters it keeps.
_FOLDED_LETTER = re.compile(f"[{''.join(before for before, _ in _LETTER_FOLDS)}]")
_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _plain_folds() -> dict[str, str]:
    folds = {letter: fold(letter) for letter in _PLAIN}
    assert all(len(folded) == 1 for folded in folds.values())
    return folds


_PLAIN_FOLDS = _plain_folds()
_PLAIN_FOLD = str.maketrans({c: f for c, f in _PLAIN_FOLDS.items() if c != f})


# A full stop after the last word: "…word." is ruled out by one set test too.
_CLOSER = "."
# How many letters of a line's edge the set test reads: 2, then 3 for the lines whose first
# (last) two letters start (end) some key (may_*_lines test both; a third letter rules out most
# of the rest, a fourth hardly more on news text for twice the memory).
EDGE_DEPTH = 3
# The characters at a line's edge read after the marks between them are taken out.
_WINDOW = 8
# A word of plain letters has at most 5 * 5 * 2 * 2... spellings that fold to it (ا أ إ آ ٱ,
# ه ة, ي ى); past this many for one lexicon, its words are folded instead of looked up.
MAX_SPELLINGS = 20_000


class _EdgeWords:
    """The first (or last) words of a lexicon's entries, to test a line before it is folded.

    ``may_be_key(line)`` is ``False`` only if the first (last) word of ``fold(line)`` is
    certainly not one of them, for a line without e-mail addresses and links (the caller
    replaces them first, as fold() does: :func:`_without_addresses`).  ``ruled_out`` holds the
    line edges that settle it at once: two plain letters whose fold is no key's first (last)
    two letters, or three whose fold is no key's first (last) three, for the last word maybe
    followed by a full stop.  A word is then at least those letters, so its fold starts
    (ends) with theirs.
    """

    __slots__ = ("first", "keys", "no_key_letters", "ruled_out", "spellings")

    def __init__(self, keys: Mapping[str, object], first: bool):
        self.first = first
        self.keys = frozenset(keys)
        self.ruled_out = _ruled_out(self.keys, first)
        self.spellings = _spellings(self.keys)
        # The ASCII letters, either case, that no key starts (ends) with lower-cased: a word
        # that starts (ends) with one is no key (fold() keeps an ASCII letter, lower-cased, at
        # its word's edge; the line has no address fold() would delete).
        # Lexicon.may_start_lines and may_cover_lines make the same test in their
        # loop, without a call, on a line whose first (last) character is an ASCII letter:
        # may_be_key strips nothing before it and rules out no edge with it, so it is the first
        # test that decides such a line.
        edges = {key[0] if first else key[-1] for key in self.keys if key}
        self.no_key_letters = frozenset(c for c in _ASCII_LETTERS if c.lower() not in edges)

    def may_be_key(self, line: str) -> bool:
        ruled_out = self.ruled_out
        # The edge letters without the punctuation before them (after them) and the marks and
        # tatweel between them: fold() drops both, and only a separator ends a word.  Then a
        # word that starts (ends) with an ASCII letter no key starts (ends) with.
        if self.first:
            text = line.lstrip(_EDGE)
            if not text:
                return False
            edge = _DIACRITICS.sub("", text[:_WINDOW])
            if edge[:2] in ruled_out or edge[:3] in ruled_out:
                return False
            letter = text[0]
            space = text.find(" ")
            word = text if space < 0 else text[:space]
        else:
            text = line.rstrip(_EDGE)
            if not text:
                return False
            edge = _DIACRITICS.sub("", text[-_WINDOW:])
            if edge[-2:] in ruled_out or edge[-3:] in ruled_out:
                return False
            letter = text[-1]
            word = text[text.rfind(" ") + 1 :]
        if letter in self.no_key_letters:
            return False
        if word.strip(_PLAIN):  # not plain letters only
            word = _DIACRITICS.sub("", word)
            if not word or word.strip(_PLAIN):  # not plain letters and marks
                return self._other_word_may_be_key(word)
        if self.spellings is not None:
            return word in self.spellings
        return word.translate(_PLAIN_FOLD) in self.keys

    def _other_word_may_be_key(self, word: str) -> bool:
        # A word without marks that is not plain letters (Latin words: "The", "L’été"):
        # where fold() only splits it at its non-letters and lower-cases it, its first (last)
        # run of letters is looked up.  Else (a letter fold() rewrites, a word that folds to
        # nothing) fold() decides.
        if not word:
            return True
        if not word.isascii() and _FOLDED_LETTER.search(word):
            return True
        if not word.isalpha():
            # (the last run: the first of the word reversed; a run is reversed back)
            run = _LETTERS.search(word if self.first else word[::-1])
            if run is None:
                return True
            word = run.group() if self.first else run.group()[::-1]
        return word.lower() in self.keys


def _ruled_out(keys: frozenset[str], first: bool) -> frozenset[str]:
    """Line edges of 1 to EDGE_DEPTH plain letters that rule out every key (see _EdgeWords).

    A single letter is looked up only for a line of one letter (``line[:2]`` is then that
    letter): its word is that letter, a key only if some key is.

    >>> sorted(edge for edge in _ruled_out(frozenset(["قد"]), first=True) if edge[0] == "ق")[:3]
    ['ق', 'قء', 'قآ']
    >>> "و" in _ruled_out(frozenset(["و"]), first=True)
    False
    >>> "قد" in _ruled_out(frozenset(["قد"]), first=True)
    False
    """
    folds = _PLAIN_FOLDS
    out = [letter for letter, folded in folds.items() if folded not in keys]
    edges = [""]  # raw edges whose fold is the edge of some key: one more letter may tell
    for size in range(2, EDGE_DEPTH + 1):
        key_edges = {key[:size] if first else key[-size:] for key in keys if len(key) >= size}
        if size == 2:
            edges = [a + b for a in folds for b in folds]
        else:
            edges = [e + c if first else c + e for e in edges for c in folds]
        undecided = []
        for raw in edges:
            if "".join([folds[c] for c in raw]) in key_edges:
                undecided.append(raw)
            else:
                out.append(raw)
        edges = undecided
        if size == 2 and not first:
            # "…Xًا": tanween before the final alef (a mark: the fold keeps X and ا)
            out.extend(a + "\u064b\u0627" for a in folds if folds[a] + "\u0627" not in key_edges)
    if not first:
        # (not after a single letter: "ة." is also the end of every line that ends "…ة.")
        out.extend([edge + _CLOSER for edge in out if len(edge) > 1])
    return frozenset(out)


def _spellings(keys: Iterable[str]) -> frozenset[str] | None:
    """Every word of plain letters that folds to one of ``keys``; ``None`` if too many."""
    sources: dict[str, list[str]] = {}
    for letter, folded in _PLAIN_FOLDS.items():
        sources.setdefault(folded, []).append(letter)
    spellings: set[str] = set()
    for key in keys:
        if key.strip(_PLAIN):
            continue  # a word of plain letters never folds to it
        words = [""]
        for letter in key:
            words = [word + source for word in words for source in sources[letter]]
            if len(words) + len(spellings) > MAX_SPELLINGS:
                return None
        spellings.update(words)
    return frozenset(spellings)


def _one_word_alone(phrase: str, folded_line: str) -> bool:
    # A one-word phrase ("انتهى", "يتبع", "المزيد") is a marker only on a line of its own, with
    # at most one-letter abbreviations beside it ("// يتبع // 11:02 ت م"): "انتهى الدرس" is a
    # sentence and "محمد المزيد" a name.
    if " " in phrase:
        return True
    return all(len(word) == 1 for word in folded_line.replace(phrase, "", 1).split())


def read(kind: str) -> tuple[str, ...]:
    """The phrases of one lexicon file (``trailer_headers``, ``line_phrases``), as written."""
    data = resources.files("arnorm.boilerplate").joinpath(f"phrases/{kind}.txt").read_text("utf-8")
    phrases = (line.split("#", 1)[0].strip() for line in data.splitlines())
    return tuple(phrase for phrase in phrases if phrase)


@cache
def load(kind: str) -> frozenset[str]:
    """The folded phrases of one lexicon file (``trailer_headers``, ...)."""
    return frozenset(fold(phrase) for phrase in read(kind))


@lru_cache(maxsize=32)
def lexicon(kind: str, extra: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon of one kind with a user's extra phrases (the options), compiled once."""
    return Lexicon((*read(kind), *extra))


def extra_phrases(options: Mapping[str, object], name: str) -> tuple[str, ...]:
    """The user's extra phrases of one kind (the option ``name``), ``()`` if none."""
    try:  # options[name], not options.get(name): Mapping.get is Python code, slow per call
        return options[name]  # type: ignore[return-value]
    except KeyError:
        return ()


def phrase_tuple(value: object) -> tuple[str, ...]:
    """Validate a phrases option: a tuple (or list) of non-empty strings, stored as a tuple."""
    if isinstance(value, str) or not isinstance(value, tuple | list):
        raise ValueError("expected a tuple of phrases (str), e.g. ('اشترك الآن',)")
    for phrase in value:
        if not isinstance(phrase, str) or not fold(phrase):
            raise ValueError(f"a phrase must be a str with letters, not {phrase!r}")
    return tuple(value)


OPTIONS = (
    Option(
        "line_phrases",
        (),
        ((),),
        "Extra whole-line boilerplate phrases for rule B5 (a tuple of str), added to the "
        "lexicon in arnorm/boilerplate/phrases/line_phrases.txt; a phrase ending in ' …' is "
        "a lead-in (a line that starts with it is dropped).",
        example='clean(text, line_phrases=("اشترك الآن",))',
        validator=phrase_tuple,
    ),
    Option(
        "trailer_headers",
        (),
        ((),),
        "Extra trailer headers for rule B4 (a tuple of str), added to the lexicon in "
        "arnorm/boilerplate/phrases/trailer_headers.txt.",
        example='clean(text, trailer_headers=("مواد ذات علاقة",))',
        validator=phrase_tuple,
    ),
)
