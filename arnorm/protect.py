"""Protected spans: URLs, e-mail addresses and Latin tokens with digits (ORTHOGRAPHY.md §2).

Character rules never touch these spans: a digit rule must not rewrite ``COVID-١٩`` or a
link target, a mark rule must not edit an IRI.  The spans are found once per document, and
only when the text has a character that can start one.
"""

from __future__ import annotations

import re

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
# Combining marks count as part of a word at span edges: deleting one (search folding strips
# them) must not turn a non-span into a span or back, or cleaning would not be idempotent.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff"
PROTECTED = re.compile(
    # URLs, IRIs with Arabic paths included; a scheme glued to a word before it still counts.
    rf"(?i:(?<![a-z{_MARKS}])(?:https?|ftp)://\S+|(?<![a-z{_MARKS}])www\.\S+)"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    # Latin alphanumeric tokens with a letter and a digit: mp3, COVID-19, H2O, COVID-١٩.
    rf"|(?<![\w\-{_MARKS}])(?=[A-Za-z0-9_-]*[A-Za-z])(?=[A-Za-z0-9_-]*[{_DIGITS}])"
    rf"[A-Za-z0-9_\-{_DIGITS}]+(?![\w\-{_MARKS}]|://)"  # not the scheme of a URL
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
