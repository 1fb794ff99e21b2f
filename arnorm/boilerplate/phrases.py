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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

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
    if addresses and ("@" in text or "//" in text or "www." in text):
        text = _ADDRESSES.sub(" ", text)
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

    def _candidates(self, folded_line: str, ends: bool) -> tuple[Entry, ...]:
        first = self._by_first.get(folded_line.partition(" ")[0], ())
        if not ends:
            return first
        last = self._by_last.get(folded_line.rpartition(" ")[2], ())
        if not last or last == first:
            return first
        # Keep the longest-first order across both lists.
        return tuple(e for e in self.entries if e in first or e in last)

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
