"""Protected spans: URLs, e-mail addresses and Latin tokens with digits (ORTHOGRAPHY.md §2).

Character rules never touch these spans: a digit rule must not rewrite ``COVID-١٩`` or a
link target, a mark rule must not edit an IRI.  The spans are found once per document, and
only when the text has a character that can start one.
"""

from __future__ import annotations

import re

from arnorm.chars.tables import MARK_CLASS, TATWEEL

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
# Characters a character rule may delete (marks, tatweel, invisible format characters).  A
# span's edges look through them, so deleting one never shrinks a span: what was protected
# stays protected on the next run, and clean(clean(x)) == clean(x) ("A٠ً²" once lost its span).
_DELETABLE = (
    f"{MARK_CLASS}\u0300-\u036f{TATWEEL}"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
PROTECTED = re.compile(
    # URLs, IRIs with Arabic paths included.  A URL starts at its scheme or "www." even when
    # glued to a word before it: a look-behind could not see through deletable characters.
    r"(?i:(?:https?|ftp)://\S+|www\.\S+)"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    # Latin alphanumeric tokens with a letter and a digit: mp3, COVID-19, H2O, COVID-١٩.
    rf"|(?<![\w\-{_DELETABLE}])(?=[A-Za-z0-9_-]*[A-Za-z])(?=[A-Za-z0-9_-]*[{_DIGITS}])"
    rf"[A-Za-z0-9_\-{_DIGITS}]+(?![\w\-{_DELETABLE}]|://)"  # not the scheme of a URL
)
# Without one of these there can be no protected span, and the scan is skipped.
_MAY_START = re.compile(r"://|www\.|@|[A-Za-z]")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` that character rules must leave alone.

    >>> protected_spans("زوروا https://example.com/٢٠٢٣ أو COVID-١٩")
    [(6, 30), (34, 42)]
    """
    if not _MAY_START.search(text):
        return []
    return [match.span() for match in PROTECTED.finditer(text)]
