"""The whitespace family (W1, W2) and faster equivalents of both rules.

    python benchmarks/bench_whitespace.py [--size 2MB]

Both rules have no trigger, so they run on every text, and both patterns are tried at every
position (an alternation, a lookbehind first).  ``trim_lines`` is the same as stripping each
line (``str.strip`` is C); ``collapse_spaces`` cannot match without two spaces in a row, a
test ``in`` answers at thousands of MB/s.
"""

from __future__ import annotations

import re

from _harness import arguments, check_same, compare, corpora, rule_alone

from arnorm.boilerplate.whitespace import INVISIBLE_CLASS, collapse_spaces, trim_lines
from arnorm.chars.tables import expand_class

_INVISIBLE = "".join(expand_class(INVISIBLE_CLASS))
_INVISIBLE_NOT_SPACE = re.compile(f"[{INVISIBLE_CLASS.replace(' ', '').replace(chr(9), '')}]")
_COLLAPSE = collapse_spaces.pattern


def trim_by_strip(text: str) -> str:
    """``whitespace.trim_lines`` with ``str.strip`` per line, skipped when nothing can match."""
    if (
        "\n " not in text
        and " \n" not in text
        and "\t" not in text
        and text[:1] != " "
        and text[-1:] != " "
        and not _INVISIBLE_NOT_SPACE.search(text)
    ):
        return text
    lines = text.split("\n")
    return "\n".join("" if not line.strip(_INVISIBLE) else line.strip(" \t") for line in lines)


def collapse_if_two_spaces(text: str) -> str:
    """``whitespace.collapse_spaces`` run only when the text has two spaces in a row."""
    return _COLLAPSE.sub(" ", text) if "  " in text else text


def main() -> None:
    args = arguments("whitespace rules")
    built = corpora(args)
    trim, collapse = rule_alone(trim_lines), rule_alone(collapse_spaces)
    check_same(trim, trim_by_strip, built)
    check_same(collapse, collapse_if_two_spaces, built)
    compare(
        "whitespace.trim_lines (W1)",
        [("current regex", trim), ("strip per line, skipped if clean", trim_by_strip)],
        built,
        args,
    )
    compare(
        "whitespace.collapse_spaces (W2)",
        [("current regex", collapse), ("same regex behind '  ' in text", collapse_if_two_spaces)],
        built,
        args,
    )


if __name__ == "__main__":
    main()
