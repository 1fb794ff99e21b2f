"""Protected spans: URLs, e-mail addresses and Latin tokens with digits (ORTHOGRAPHY.md §2).

Character rules never touch these spans: a digit rule must not rewrite ``COVID-١٩`` or a
link target, a mark rule must not edit an IRI.  The spans are found once per document, and
only when the text has a character that can start one.
"""

from __future__ import annotations

import re

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
PROTECTED = re.compile(
    # URLs, IRIs with Arabic paths included; a scheme glued to a word before it still counts.
    r"(?i:(?<![a-z])(?:https?|ftp)://\S+|(?<![a-z])www\.\S+)"
    # e-mail addresses, ASCII only: a domain must not grow into the Arabic word after it when
    # a mark between them is deleted (that would change what is protected on the next run).
    r"|(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    # Latin alphanumeric tokens with a letter and a digit: mp3, COVID-19, H2O, COVID-١٩.
    # The token is bounded by its own characters, not by \w: deleting an invisible character
    # or a mark next to it must not change whether it is protected (idempotence).
    rf"|(?<![A-Za-z0-9_\-{_DIGITS}])(?=[A-Za-z0-9_\-{_DIGITS}]*[A-Za-z])(?=[A-Za-z0-9_\-{_DIGITS}]*[{_DIGITS}])"
    rf"[A-Za-z0-9_\-{_DIGITS}]+(?![A-Za-z0-9_\-{_DIGITS}]|://)"  # not the scheme of a URL
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
