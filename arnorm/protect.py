"""Protected spans: URLs, e-mail addresses and Latin tokens with digits (ORTHOGRAPHY.md §2).

Character rules never touch these spans: a digit rule must not rewrite ``COVID-١٩`` or a
link target, a mark rule must not edit an IRI.  The spans are found once per document, and
only when the text has a character that can start one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from arnorm.chars.forms import SPACED_FORMS
from arnorm.chars.tables import ALL_CLUSTER_MARK_CLASS, MARK_CLASS, expand_class

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_TOKEN = f"A-Za-z0-9_\\-{_DIGITS}"
# URLs, IRIs with Arabic paths included.  A URL starts at its scheme or "www." even when
# glued to a word before it: a look-behind would see a mark or invisible character that a
# rule deletes, and the span would then vanish on the next run (idempotence).
_URL = r"(?i:(?:https?|ftp)://\S+|www\.\S+)"
# e-mail addresses, Latin letters and digits only: a domain must not grow into the Arabic
# word after it when a mark between them is deleted (that would change what is protected
# on the next run).  Eastern digits count as digits: D1 would otherwise make "0@0.٠x" an
# address on the next run ("0@0.0x").  Arabic marks between its characters are part of it:
# M5c deletes a mark on a Latin letter, and "hُ@i.8" became the address "h@i.8" on the next
# run, which took the "8" of the token after it (found by the atheris fuzzing run, eighth
# session).  The marks before it are not (U2 writes "ﱣ" as marks on an NBSP carrier: taken
# in, they changed the span on the next run; found by the random search).  It starts only at
# the first of a run of its characters and marks (EMAIL_START_GUARD, a variable-length
# look-behind: from a later one it fails as from the first, after reading to the run's end),
# and its runs are atomic, so a long run of letters and marks is read once.
_MARK = f"[{MARK_CLASS}]"
_LOCAL = f"A-Za-z_.+\\-{_DIGITS}"
_DOMAIN = f"A-Za-z\\-{_DIGITS}"
_LABEL = f"(?>[{_DOMAIN}]+(?:{_MARK}+[{_DOMAIN}]+)*)"
EMAIL_START_GUARD = rf"(?<![{_LOCAL}]{_MARK}+)"
_EMAIL_LOCAL_REST = f"(?:{_MARK}+[{_LOCAL}]+)*)"  # (the atomic run's end)
_EMAIL_AT = rf"{_MARK}*+@{_MARK}*+{_LABEL}(?:{_MARK}*+\.{_MARK}*+{_LABEL})+"
_EMAIL = rf"(?<![{_LOCAL}]){EMAIL_START_GUARD}(?>[{_LOCAL}]+{_EMAIL_LOCAL_REST}{_EMAIL_AT}"
# Latin alphanumeric tokens with a letter and a digit: mp3, COVID-19, H2O, COVID-١٩.
# The token is bounded by its own characters, not by \w: deleting an invisible character
# or a mark next to it must not change whether it is protected (idempotence).
# The look-aheads cross Eastern digits too: "۹www" is a token before and after D1 ("9www").
# Arabic marks between two of its characters are part of it ("0ًA"): deleting them would
# join the two sides into a token that the next run protects.  The token is taken whole
# (atomic): a part of it is never a token of its own ("١" in "١ًhttp://x").
# An isolated haraka form after a mark is a mark too (U2 attaches it to the cluster; "aٓﱠ٣"
# was a token only on the next run: found by a random search in the sixth session).
_MARK_OR_FORM = f"[{MARK_CLASS}{SPACED_FORMS}]"
_MARKS = f"{_MARK}{_MARK_OR_FORM}*"
_FORM_AFTER_MARK = f"(?<={_MARK_OR_FORM})[{SPACED_FORMS}]"
TOKEN_START_GUARD = rf"(?<![{_TOKEN}]{_MARKS})"
# A token's characters other than letters (other than digits), and forms after a mark, any
# number, in any order (the unrolled loop: each is one character, so a possessive run reads
# them one way).
_NOT_LETTER = rf"[_\-{_DIGITS}{MARK_CLASS}]*+"
_NOT_DIGIT = rf"[A-Za-z_\-{MARK_CLASS}]*+"
_UNTIL_LETTER = f"{_NOT_LETTER}(?:{_FORM_AFTER_MARK}{_NOT_LETTER})*+"
_UNTIL_DIGIT = f"{_NOT_DIGIT}(?:{_FORM_AFTER_MARK}{_NOT_DIGIT})*+"
# The variable-length look-behinds (``re`` cannot compile them; they only reject positions).
VARIABLE_LOOKBEHINDS = (EMAIL_START_GUARD, TOKEN_START_GUARD)
# A window without a run of more than _FIXED_RUN marks is scanned by re (see _compile), whose
# engine is several times faster than regex's on long runs (a run of "-" after an address: 0.47
# s a megabyte); there, fixed-width look-behinds reject what the variable-length ones do.
_FIXED_RUN = 4
_TOKEN_REST = rf"(?:{_MARKS}[{_TOKEN}]+)*)(?![{_TOKEN}]|://)"  # (not a URL's scheme)
_LATIN_TOKEN = (
    # It starts with one of its characters (tested before the look-aheads, which were tried
    # at each mark of a long run: quadratic), at the first of a run of its characters and the
    # marks between them: a start after a mark inside such a run fails when the run's first
    # character did (the look-aheads see a part of what they saw from there), and each one
    # read to the run's end ("a" + damma repeated, then "!1": quadratic; both found by the
    # adversarial survey, eighth session).  TOKEN_START_GUARD is variable-length: see _compile.
    # The look-aheads read to the first letter and to the first digit, each a run of single
    # characters taken possessively, with the forms after a mark between them: no backtracking
    # ("ﹶ@q." and a megabyte of "1" was 7.6x ordinary text, backtracking from the run's end).
    rf"(?<![{_TOKEN}]){TOKEN_START_GUARD}(?=[{_TOKEN}])"
    rf"(?={_UNTIL_LETTER}[A-Za-z])(?={_UNTIL_DIGIT}[{_DIGITS}])"
    rf"(?>[{_TOKEN}]+{_TOKEN_REST}"
)
# The branches as re scans them (_compile): each starts one character later, after the set of
# characters that can start it.  A pattern that starts with a look-behind gets no prefix, and
# re tried it at every position; one that starts with a set is tried only where the set
# matches, found at C speed (Arabic text with a Latin-script line after each line: the scan
# took half the time).  Each branch checks the character it no longer reads with a
# look-behind, and reads one character further back in its look-behinds: at the start's next
# character, "not after X" is "not after X and the start" (the start is one of the set).  A
# look-ahead from the start is met by the start itself or by what follows it (it reads a run
# of single characters that the start belongs to).  A property test compares the two.
_URL_SHIFTED = r"(?<=[hH])(?i:ttps?://\S+)|(?<=[fF])(?i:tp://\S+)|(?<=[wW])(?i:ww\.\S+)"
_EMAIL_SHIFTED = (
    f"(?<=[{_LOCAL}])(?<![{_LOCAL}][{_LOCAL}])"
    + "".join(f"(?<![{_LOCAL}]{_MARK * length}[{_LOCAL}])" for length in range(1, _FIXED_RUN + 1))
    + f"(?>[{_LOCAL}]*{_EMAIL_LOCAL_REST}{_EMAIL_AT}"
)
_TOKEN_SHIFTED = (
    f"(?<=[{_TOKEN}])(?<![{_TOKEN}][{_TOKEN}])"
    + "".join(
        f"(?<![{_TOKEN}]{_MARK}{_MARK_OR_FORM * (length - 1)}[{_TOKEN}])"
        for length in range(1, _FIXED_RUN + 1)
    )
    + f"(?:(?<=[A-Za-z])|(?={_UNTIL_LETTER}[A-Za-z]))"
    + f"(?:(?<=[{_DIGITS}])|(?={_UNTIL_DIGIT}[{_DIGITS}]))"
    + f"(?>[{_TOKEN}]*{_TOKEN_REST}"
)
# The combining marks after a span are its last character's: they belong to the span, with the
# isolated haraka forms among them (U2 writes those as marks, and NFC then composed the span's
# last letter with the marks after them: "x@y.z" + shadda + ﹰ + U+0301 was cleaned in two
# runs; found by a random search in the sixth session).  The non-starters beyond the BMP too
# (the class is tested only at a span's end): U+10EF2 after "٤a" + U+1DCE began the next
# segment, whose NFC put U2's fatha and shadda before it but after the U+1DCE of the span, out
# of canonical order; the next run's NFC reordered them (mutation search, twelfth session).
_TAIL = f"(?:[{ALL_CLUSTER_MARK_CLASS}][{ALL_CLUSTER_MARK_CLASS}{SPACED_FORMS}]*)?"
# Every protected span has a Latin letter or an @ (a scheme, "www", a domain, a token's
# letter), lies inside one run of non-space characters, and starts at one of _MAY_START_SPAN
# (a URL at its letter; an e-mail or a token at its first character).  One character: the
# window then takes in the rest of its non-space run (a "+" only made the search slower).
_LATIN = re.compile(r"[A-Za-z@]")
_MAY_START_SPAN = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.+-@"
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
) | frozenset(expand_class(MARK_CLASS) + SPACED_FORMS)  # (marks inside a token: walked over too)
_NON_SPACE = re.compile(r"\S*")
_DIGIT = re.compile(f"[{_DIGITS}]")
# What every span of a kind holds (see _pattern_for).  A token holds a letter and a digit with
# only its other characters between them ("_", "-", marks, forms): take the two closest.  An
# e-mail address holds an @ after one of its characters (or a mark), then two labels of its domain.
_BETWEEN = f"[_\\-{MARK_CLASS}{SPACED_FORMS}]*+"
_LETTER_BY_DIGIT = re.compile(  # (one set first, which re scans for: 2 ms a megabyte, not 8)
    f"[A-Za-z{_DIGITS}](?:(?<=[A-Za-z]){_BETWEEN}[{_DIGITS}]|(?<=[{_DIGITS}]){_BETWEEN}[A-Za-z])"
)
_EMAIL_CORE = re.compile(  # (its first two labels: a long domain is not read twice)
    rf"@(?<=[{_LOCAL}{MARK_CLASS}]@){_MARK}*+{_LABEL}{_MARK}*+\.{_MARK}*+{_LABEL}"
)
_WWW = re.compile(r"\.(?<=[wW][wW][wW]\.)")  # (the dot first: scanned for at C speed)
# What the variable-length look-behinds look for before a span's start (see _compile).
_LONG_MARK_RUN = re.compile(f"{_MARK_OR_FORM}{{{_FIXED_RUN + 1}}}")
Pattern = re.Pattern[str] | regex.Pattern[str]
_MAX_WINDOWS = 64  # windows looked at one by one; the rest of the text is scanned whole
_WALK_BACK = 64  # characters looked at before a Latin letter; beyond, the scan takes over


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` that character rules must leave alone.

    >>> protected_spans("زوروا https://example.com/٢٠٢٣ أو COVID-١٩")
    [(6, 30), (34, 42)]
    """
    # PROTECTED tries every position of the text; it is run only on the windows that may hold
    # a span: from the earliest character that may start one before a Latin letter (or @) to
    # the end of that non-space run.  Windows are disjoint and in order, and a look-behind at
    # a window's start still sees the character before it, so the spans are the same as one
    # scan of the whole text gives (a property test compares the two).  Text with many windows
    # (English) is scanned in one pass after the first _MAX_WINDOWS: a window's end is a
    # place no span crosses.
    spans: list[tuple[int, int]] = []
    if not _may_have_span(text, 0):
        return spans
    done = 0  # the end of the last window
    may_start = _MAY_START_SPAN
    for _ in range(_MAX_WINDOWS):
        latin = _LATIN.search(text, done)
        if latin is None:
            return spans
        position = latin.start()
        start = position
        limit = max(done, position - _WALK_BACK)
        while start > limit and text[start - 1] in may_start:
            start -= 1
        if start == limit:  # a long run (or the previous window): scan from that window's end
            start = done
        run = _NON_SPACE.match(text, latin.end())
        done = run.end() if run else latin.end()  # (\S* always matches)
        pattern = _pattern_for(text, start, done)
        if pattern is not None:
            spans.extend(_found(pattern, text, start, done))
    if _may_have_span(text, done):
        pattern = _pattern_for(text, done, len(text))
        if pattern is not None:
            spans.extend(_found(pattern, text, done, len(text)))
    return spans


def _found(pattern: Pattern, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans ``pattern`` finds in ``text[start:end]`` (map: no Python per span)."""
    if isinstance(pattern, re.Pattern):
        return map(re.Match.span, pattern.finditer(text, start, end))
    return map(regex.Match.span, pattern.finditer(text, start, end))


def _may_have_span(text: str, start: int) -> bool:
    # Whether text[start:] may hold a span (see _pattern_for), the cheapest tests first.
    at = text.find("@", start)
    return (
        (at >= 0 and text.find(".", at) >= 0)
        or text.find("://", start) >= 0
        or _DIGIT.search(text, start) is not None
        or _WWW.search(text, start) is not None
    )


def _pattern_for(text: str, start: int, end: int) -> Pattern | None:
    # PROTECTED without the kinds of span that text[start:end] cannot hold, or None if it can
    # hold none: a URL has "://" or "www." (any case), an e-mail an @ and a domain after it
    # (_EMAIL_CORE), a token a letter next to a digit (_LETTER_BY_DIGIT; Latin prose,
    # "x\x00x…", "a@a@a@…" and "7@i. " repeated are not scanned at all).  A branch that cannot
    # match anywhere changes no match of the alternation, and the others are tried at each
    # position for less.  The cheap tests come first: a text without a digit is not searched
    # for a letter next to one, one without a dot for "www." or an address, one that can hold
    # no span for long runs of marks (most windows are a word of Latin prose).
    dot = text.find(".", start, end)
    url = text.find("://", start, end) >= 0 or (
        dot >= 0 and _WWW.search(text, dot, end) is not None
    )
    at = text.find("@", start, end) if dot >= 0 else -1
    email = (
        at >= 0 and text.find(".", at, end) >= 0 and _EMAIL_CORE.search(text, at, end) is not None
    )
    token = (
        _DIGIT.search(text, start, end) is not None
        and _LETTER_BY_DIGIT.search(text, start, end) is not None
    )
    if not (url or email or token):
        return None
    # (a look-behind at the window's start sees the run of marks before it)
    long_marks = _LONG_MARK_RUN.search(text, max(0, start - _FIXED_RUN - 1), end) is not None
    return _compiled(url, email, token, long_marks)


@cache
def _compiled(url: bool, email: bool, token: bool, long_marks: bool) -> Pattern | None:
    # Each of the 14 patterns is compiled when a text first needs it: compiled at import, they
    # were about a fifth of the time of `import arnorm` (their classes are long), and most
    # processes need two or three of them.
    return _compile(url, email, token, long_marks)


def _compile(url: bool, email: bool, token: bool, long_marks: bool) -> Pattern | None:
    kinds = [
        (branch, first, shifted)
        for on, branch, first, shifted in (
            (url, _URL, "hHfFwW", _URL_SHIFTED),
            (email, _EMAIL, _LOCAL, _EMAIL_SHIFTED),
            (token, _LATIN_TOKEN, _TOKEN, _TOKEN_SHIFTED),
        )
        if on
    ]
    if not kinds:
        return None
    if long_marks:  # (regex: its engine is slower with the shifted branches)
        return _spans([branch for branch, _, _ in kinds])
    firsts = "".join(first for _, first, _ in kinds)
    shifted = "|".join(branch for _, _, branch in kinds)
    return re.compile(f"[{firsts}](?:{shifted}){_TAIL}")


def _spans(branches: list[str]) -> regex.Pattern[str]:
    """One pattern for the kinds of span ``branches``, each with the marks after it."""
    return regex.compile(f"(?:{'|'.join(branches)}){_TAIL}", regex.VERSION0)


PROTECTED = _spans([_URL, _EMAIL, _LATIN_TOKEN])  # every kind of span: the reference scan


def protected_spans_by_one_scan(text: str) -> list[tuple[int, int]]:
    """The reference for :func:`protected_spans`: one scan of the whole text."""
    return [match.span() for match in PROTECTED.finditer(text)]
