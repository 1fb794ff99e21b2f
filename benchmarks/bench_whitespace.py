"""The whitespace family (W1, W2) and faster equivalents of both rules.

    python benchmarks/bench_whitespace.py [--size 2MB]

Both rules have no trigger, so they run on every text, and both patterns are tried at every
position (an alternation, a lookbehind first).  ``trim_lines`` is the same as stripping each
line (``str.strip`` is C); ``collapse_spaces`` cannot match without two spaces in a row, a
test ``in`` answers at thousands of MB/s.
"""

from __future__ import annotations

from _harness import arguments, check_same, compare, corpora, rule_alone

from arnorm.boilerplate.whitespace import _trim_lines_fast, collapse_spaces, trim_lines

_COLLAPSE = collapse_spaces.pattern
# The rule's own fast path (used by clean()), measured against its pattern applied alone.
trim_by_strip = _trim_lines_fast


def collapse_if_two_spaces(text: str) -> str:
    """``whitespace.collapse_spaces`` run only when the text has two spaces in a row."""
    return _COLLAPSE.sub(" ", text) if "  " in text else text


def main() -> None:
    args = arguments("whitespace rules")
    built = corpora(args)
    trim = lambda text: trim_lines.pattern.sub("", text)  # noqa: E731 - the pattern alone
    collapse = rule_alone(collapse_spaces)
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
