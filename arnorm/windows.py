"""Word windows: run word-local rules on the few words that can change, not on the whole text.

In plain scraped Arabic, marks are rare: a few hundred words in 100,000 carry one.  Each mark
rule still scans the whole text to find them (about 2.5 ms per MB for each rule).  Rules that
declare themselves *word-local* (``word_local=True``) promise that every change they make lies
in a word that contains one of their trigger characters, and depends only on that word and the
character just before and just after it.  A *word* here is a maximal run of characters other
than the space and the newline.

For a family of such rules, the pipeline's fast path finds the words with a trigger character
(one scan), cuts out each with its neighbouring space or newline (its *window*), joins the
windows with a character that is not in the text, runs the rules once on that short text, and
puts each window back in its place.  The rules see every word with its neighbours, so they make
the same changes; a property test compares this with running them on the whole text.

When the windows would cover much of the text (diacritised text: most words carry a mark) the
pipeline runs the rules on the whole text instead, which is then cheaper.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain, islice

# Between two windows in the joined text: a character no word-local rule matches or writes.
# A text that contains it is cleaned the plain way.
JOINER = "\x00"
# Texts shorter than this are cleaned the plain way (the windows would save nothing).
MIN_LENGTH = 1024
# Windowing stops, and the text is cleaned the plain way, once the windows cover more than
# this share of the text scanned so far (plus a grace of ``_GRACE`` characters).
MAX_SHARE = 1 / 4
_GRACE = 256
# How many trigger characters are looked at first, to recognise dense text.
_SAMPLE = 16
DELIMITERS = " \n"
_DELIMITER = re.compile("[ \n]")


def word_windows(
    text: str, finder: re.Pattern[str], max_share: float | None = None
) -> list[tuple[int, int]] | None:
    """The windows of the words of ``text`` in which ``finder`` matches, or None when they cover
    too much of the text.

    Each window is a word with the space or newline before and after it (if any); windows
    that would share a delimiter are merged, so the windows are disjoint and in order.  Every
    character is looked at a bounded number of times, so the cost is linear in the text.

    >>> import re
    >>> text = "كتاب ُجديد في البيت وقلمٌ"
    >>> [text[a:b] for a, b in word_windows(text, re.compile("[\u064b-\u0652]+"), 1.0)]
    [' ُجديد ', ' وقلمٌ']
    """
    share = MAX_SHARE if max_share is None else max_share
    grace = _GRACE
    length = len(text)
    windows: list[tuple[int, int]] = []
    word_end = 0  # where the last window's word ended (a delimiter, or the end of the text)
    window_start = window_end = 0
    covered = 0
    search = _DELIMITER.search
    rfind = text.rfind
    # Dense text (most words with a trigger) is recognised from where its first few trigger
    # characters are: windows of at least two characters each would cover too much already.
    # (The same scan goes on: a second one, for this test alone, read the whole of a news
    # article, which has fewer than _SAMPLE of them: 76 → 62 µs on one of 10,000 characters.)
    matches = finder.finditer(text)
    first = list(islice(matches, _SAMPLE))
    if len(first) == _SAMPLE and share * first[-1].start() < _SAMPLE * 2:
        return None
    for match in chain(first, matches):
        position = match.start()
        if position < window_end:
            continue  # in the word of the last window
        # The word's start: after the last delimiter before the match.  There is one at
        # ``word_end`` (the last word's end) if there was a last word, so the search is
        # bounded by it and every character is searched once.
        start = rfind(" ", word_end, position)
        newline = rfind("\n", start + 1 if start >= 0 else word_end, position)
        if newline > start:
            start = newline
        elif start < 0:
            start = 0
        found = search(text, position)
        word_end = found.start() if found is not None else length
        end = word_end + 1 if word_end < length else length
        if start < window_end:  # the same delimiter as the last window: one window
            covered += end - window_end
        else:
            if window_end:
                windows.append((window_start, window_end))
            window_start = start
            covered += end - start
        window_end = end
        if covered > share * position + grace:
            return None
    if window_end:
        windows.append((window_start, window_end))
    return windows


def apply_in_windows(
    text: str, windows: list[tuple[int, int]], clean: Callable[[str], str]
) -> str | None:
    """``text`` with ``clean`` applied to its windows joined into one text; None if the result
    cannot be cut back into windows (a rule wrote the joiner: then clean the plain way)."""
    joined = JOINER.join([text[start:end] for start, end in windows])
    cleaned = clean(joined)
    if cleaned == joined:
        return text
    parts = cleaned.split(JOINER)
    if len(parts) != len(windows):
        return None
    pieces = []
    position = 0
    for (start, end), part in zip(windows, parts, strict=True):
        pieces.append(text[position:start])
        pieces.append(part)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
