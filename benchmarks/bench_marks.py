"""The marks family (M), and an alternative for ``marks.stray_tanween``, its hot loop.

    python benchmarks/bench_marks.py [--size 2MB]

The rule's pattern starts with a class of every Arabic letter, so ``re`` tries a match at
each letter (about 25 MB/s).  Every match contains a tanween, a rare character: finding the
tanweens first and trying the pattern only at the letter before them gives the same output
(checked below on the corpus) at several times the speed.
"""

from __future__ import annotations

import re

from _harness import arguments, check_same, compare, corpora, rule_alone

from arnorm.chars.marks import _STRAY_TANWEEN, stray_tanween
from arnorm.chars.tables import MARK_CLASS, TANWEEN, expand_class
from arnorm.cleaner import Cleaner
from arnorm.context import Context

_TANWEEN = re.compile(f"[{TANWEEN}]")
_MARKS = frozenset(expand_class(MARK_CLASS))


def tanween_first(text: str, ctx: Context) -> str:
    """``marks.stray_tanween`` with the tanweens found first (same output)."""
    pieces: list[str] = []
    position = 0
    for found in _TANWEEN.finditer(text):
        base = found.start() - 1
        while base >= 0 and text[base] in _MARKS:
            base -= 1
        if base < position:
            continue  # inside the previous match, or no base
        match = _STRAY_TANWEEN.match(text, base)
        if match is None:
            continue
        pieces.append(text[position:base])
        pieces.append(stray_tanween.function(match, ctx))
        position = match.end()
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def main() -> None:
    args = arguments("marks.stray_tanween")
    built = corpora(args)
    options = Cleaner().options
    current = rule_alone(stray_tanween)

    def alternative(text: str) -> str:
        return tanween_first(text, Context(text, options))

    check_same(current, alternative, built)
    compare(
        "marks.stray_tanween (M2)",
        [("current pattern (letter first)", current), ("tanween first (same output)", alternative)],
        built,
        args,
    )


if __name__ == "__main__":
    main()
