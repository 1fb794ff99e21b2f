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
_INVISIBLE_NOT_SPACE = re.compile(f"[{INVISIBLE_CLASS.replace(' ', '').replace(chr(9), '')}]")


def _trim_lines_fast(text: str, ctx: Context | None = None) -> str:
    # The same as the pattern of trim_lines, with str.strip per line (C), and skipped when no
    # line can need it: 4-9x faster (benchmarks/bench_whitespace.py).
    if (
        "\n " not in text
        and " \n" not in text
        and "\t" not in text
        and text[:1] != " "
        and text[-1:] != " "
        and not _INVISIBLE_NOT_SPACE.search(text)
    ):
        return text
    return "\n".join(
        line.strip(" \t") if line.strip(_INVISIBLE) else "" for line in text.split("\n")
    )


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


@substitution(
    "whitespace.collapse_spaces",
    r"(?<=[^ \t\n]) {2,}(?=[^ \t\n])",
    code="W2",
    trigger=None,
    phase=Phase.LINE,
    enabled_if=boilerplate_on,
    produces=" ",
)
def collapse_spaces(match: re.Match[str], ctx: Context) -> str:
    """Collapse a run of spaces between two words into one space.

    >>> from arnorm.boilerplate.whitespace import collapse_spaces
    >>> collapse_spaces("وزير   الدفاع")
    'وزير الدفاع'
    """
    return " "


RULES = (trim_lines, collapse_spaces)
