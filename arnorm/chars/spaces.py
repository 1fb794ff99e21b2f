"""Space and line-break rules: NBSP and typographic spaces, CR and Unicode line separators."""

from __future__ import annotations

import re

from arnorm.chars.tables import (
    ALL_CLUSTER_MARK_CLASS,
    ASTRAL_NON_STARTER_CLASS,
    CLUSTER_MARK_CLASS,
    LINE_BREAKS,
    SPACE_LIKE_CLASS,
    expand_class,
)
from arnorm.chars.unicode import kept_nfc
from arnorm.context import Context
from arnorm.rule import Phase, substitution

# The line breaks I8 writes as "\n", CRLF first.
BREAKS = ("\r\n", "\r", "\u0085", "\u2028", "\u2029")


def newlines(text: str, breaks: tuple[str, ...] = BREAKS) -> str:
    """``text`` with each of ``breaks`` written as "\n" (I8's fast path; E2 gives ftfy the
    lines I8 will make)."""
    # The pattern's matches, replaced by str.replace (no call per line).
    for source in breaks:
        if source in text:
            text = text.replace(source, "\n")
    return text


def _line_breaks_fast(text: str, ctx: Context) -> str:
    # A line break composes with nothing on either side, and "\n" neither: what was in NFC
    # stays in NFC (U1 runs just before).
    return kept_nfc(newlines(text), text, ctx)


@substitution(
    "spaces.line_breaks",
    r"\r\n?|[\u0085\u2028\u2029]",
    code="I8",
    trigger=LINE_BREAKS,
    phase=Phase.DOCUMENT,
    produces="\n",
    fast=_line_breaks_fast,
)
def line_breaks(match: re.Match[str], ctx: Context) -> str:
    r"""Turn CRLF, CR, NEL and the Unicode line and paragraph separators into LF.

    Line rules work on LF-separated lines; a CRLF file must not look like one long line.

    >>> from arnorm.chars.spaces import line_breaks
    >>> line_breaks("سطر\r\nسطر\u2028آخر")
    'سطر\nسطر\nآخر'
    """
    return "\n"


# What an NBSP carries (and keeps it an NBSP): a combining mark of any script (and, as before,
# U+0300-U+036F with the CGJ).  NFC puts a mark of a lower class (a Hebrew point, a Brahmi
# virama) before the Arabic ones U2 writes after an NBSP, and the next run turned the NBSP
# into a space (found by the mutation search, ninth session).
CARRIED_MARKS = f"{ALL_CLUSTER_MARK_CLASS}\u0300-\u036f"
_SPACE_LIKE = re.compile(f"[{SPACE_LIKE_CLASS}](?![{CARRIED_MARKS}])")


# A space-like character before a mark it carries, found from the mark (a set re scans for at
# C speed: a class with the non-starters beyond the BMP is tested range by range at each
# position, 80 ms a megabyte), then the look-behinds.
_BMP_CARRIED = f"{CLUSTER_MARK_CLASS}\u0300-\u036f"
_CARRIER = re.compile(
    f"[{_BMP_CARRIED}\U00010000-\U0010ffff](?<=[{SPACE_LIKE_CLASS}].)"
    f"(?:(?<=[{_BMP_CARRIED}])|(?<=[{ASTRAL_NON_STARTER_CLASS}]))"
)
_SPACE_LIKE_CHARACTERS = expand_class(SPACE_LIKE_CLASS)
# From one NBSP in this many characters of the start (a page that writes its spaces as NBSPs),
# the replacements are made by str.replace: ``sub`` builds a piece per match (26 ms a megabyte
# of such a page, 0.1 s a megabyte of NBSPs).
_DENSE = 32
_SAMPLE = 4096


def _nbsp_to_space_fast(text: str, ctx: Context) -> str:
    sample = min(len(text), _SAMPLE)
    if text.count("\u00a0", 0, sample) * _DENSE > sample and _CARRIER.search(text) is None:
        # No carrier: every space-like character becomes a space.
        for character in _SPACE_LIKE_CHARACTERS:
            if character in text:
                text = text.replace(character, " ")
        return text
    return _SPACE_LIKE.sub(" ", text)  # a constant replacement: no call to Python per match


@substitution(
    "spaces.nbsp_to_space",
    _SPACE_LIKE,
    code="I7",
    trigger=expand_class(SPACE_LIKE_CLASS),
    produces=" ",
    fast=_nbsp_to_space_fast,
)
def nbsp_to_space(match: re.Match[str], ctx: Context) -> str:
    """Turn NBSP and the other typographic spaces into an ordinary space.

    An NBSP directly followed by a combining mark is kept: it is the carrier of a mark shown
    on its own (``و\\u00a0َ``).  Collapsing runs of spaces is ``whitespace.collapse_spaces``'s job.

    >>> from arnorm.chars.spaces import nbsp_to_space
    >>> nbsp_to_space("عدد\\u00a0100")
    'عدد 100'
    >>> nbsp_to_space("الفتحة \\u00a0\\u064e") == "الفتحة \\u00a0\\u064e"
    True
    """
    return " "


RULES = (line_breaks, nbsp_to_space)
