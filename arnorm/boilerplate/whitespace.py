"""Whitespace layout rules: trimmed lines and single spaces, before the line rules run."""

from __future__ import annotations

import re

from arnorm.boilerplate.options import boilerplate_on
from arnorm.chars.tables import expand_class
from arnorm.context import Context
from arnorm.rule import Phase, substitution

# Characters that make a line look non-empty without showing anything.
INVISIBLE_CLASS = (
    " \t\u00a0\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
_INVISIBLE = expand_class(INVISIBLE_CLASS)
_INVISIBLE_NOT_SPACE = INVISIBLE_CLASS.replace(" ", "").replace("\t", "")
# A line needs trimming only if it starts with an invisible character (a space, a tab, an
# NBSP...) or ends with a space or a tab.  Both are found from the newline before or after
# them: a pattern that starts with a literal is searched at memchr speed, where a character
# class would be tried at every position, and ``"\n " in text`` is slow on non-Latin text.
_LINE_NEEDS_TRIM = re.compile(f"\n(?:[{INVISIBLE_CLASS}]|(?<=[ \t]\n))")
_STARTS_INVISIBLE = frozenset(_INVISIBLE)
_LINE_STARTS_INVISIBLE = re.compile(f"\n[{_INVISIBLE_NOT_SPACE}]")
_STARTS_INVISIBLE_NOT_SPACE = frozenset(expand_class(_INVISIBLE_NOT_SPACE))


def _trim_lines_fast(text: str, ctx: Context | None = None) -> str:
    # The same as the pattern of trim_lines (checked by tests/test_line_speedups.py): each line
    # stripped of spaces and tabs (str.strip is C), then lines of invisible characters only
    # emptied; skipped when no line can need it.  A line that needs either starts with an
    # invisible character or ends with a space or a tab.
    if not (
        text[:1] in _STARTS_INVISIBLE
        or text[-1:] in (" ", "\t")
        or ("\n" in text and _LINE_NEEDS_TRIM.search(text) is not None)
    ):
        return text
    text = "\n".join([line.strip(" \t") for line in text.split("\n")])
    # A line left with invisible characters only starts with one that is not a space or a tab.
    if text[:1] in _STARTS_INVISIBLE_NOT_SPACE or _LINE_STARTS_INVISIBLE.search(text):
        text = "\n".join([line if line.strip(_INVISIBLE) else "" for line in text.split("\n")])
    return text


@substitution(
    "whitespace.trim_lines",
    rf"(?m)^[{INVISIBLE_CLASS}]+$|^[ \t]+|[ \t]+$",
    code="W1",
    trigger=None,
    phase=Phase.LINE,
    enabled_if=boilerplate_on,
    produces="",
    fast=_trim_lines_fast,
)
def trim_lines(match: re.Match[str], ctx: Context) -> str:
    """Strip spaces and tabs at both ends of every line; empty lines that show nothing.

    A line of spaces, NBSPs or invisible characters only (a ``<p>&nbsp;</p>`` spacer) becomes
    an empty line, which ``boilerplate.blank_lines`` then collapses.

    >>> from arnorm.chars.spaces import nbsp_to_space
    >>> from arnorm.boilerplate.whitespace import trim_lines
    >>> trim_lines("  سطر أول \\n\\u200f\\u00a0\\nسطر")
    'سطر أول\\n\\nسطر'
    """
    return ""


# The fast path: the two spaces first (the scan runs in C between them, where a look-behind
# first is tried at every position), and the one space written by the engine, not by a call.
_SPACE_RUN = re.compile("  (?<=[^ \t\n]  ) *(?=[^ \t\n])")


def _collapse_spaces_fast(text: str, ctx: Context) -> str:
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


@substitution(
    "whitespace.collapse_spaces",
    r"(?<=[^ \t\n]) {2,}(?=[^ \t\n])",
    code="W2",
    trigger=None,
    phase=Phase.LINE,
    enabled_if=boilerplate_on,
    produces=" ",
    fast=_collapse_spaces_fast,
)
def collapse_spaces(match: re.Match[str], ctx: Context) -> str:
    """Collapse a run of spaces between two words into one space.

    >>> from arnorm.boilerplate.whitespace import collapse_spaces
    >>> collapse_spaces("وزير   الدفاع")
    'وزير الدفاع'
    """
    return " "


RULES = (trim_lines, collapse_spaces)
