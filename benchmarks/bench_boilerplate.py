"""The line rules (B1-B4) alone, and a faster ``fold`` for the trailer rule's hot loop.

    python benchmarks/bench_boilerplate.py [--size 2MB]

``boilerplate.trailer`` folds every short line to look it up in the lexicon; the fold's
``^[\\W_]+|[\\W_]+$`` is tried at every position of the line.  Stripping the edges with
``str.isalnum`` (what ``\\w`` means, the underscore aside) and folding letters with chained
``replace`` instead of ``str.translate`` give the same fold (checked on every line of the
corpus) for a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from _harness import arguments, check_same, compare, corpora, family_rules, rule_alone

from arnorm.boilerplate import phrases, trailer
from arnorm.cleaner import Cleaner
from arnorm.context import Context
from arnorm.rule import LineRule

_SPACES = re.compile(r"\s+")
_LETTER_FOLDS = tuple((chr(k), v) for k, v in phrases._LETTER_FOLDS.items())


def fold_fast(text: str) -> str:
    """:func:`arnorm.boilerplate.phrases.fold` with the edges stripped by ``str.isalnum``."""
    text = phrases._DIACRITICS.sub("", text)
    for source, target in _LETTER_FOLDS:
        if source in text:
            text = text.replace(source, target)
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    text = text[start:end]
    return _SPACES.sub(" ", text) if "  " in text or not text.isprintable() else text


def trailer_fast(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """``boilerplate.trailer`` with :func:`fold_fast` (same decisions)."""
    headers = phrases.load("trailer_headers")
    total = sum(len(line) + 1 for line in lines)
    position = 0
    for index, line in enumerate(lines):
        if 0 < len(line) <= trailer.HEADER_MAX_LENGTH and fold_fast(line) in headers:
            cut = total - position
            if position >= trailer.TAIL_START * total and cut <= trailer.MAX_CUT_SHARE * total:
                reason = f"trailer block after the header {line!r}"
                return {i: reason for i in range(index, len(lines))}
            return {index: "trailer header with content after it"}
        position += len(line) + 1
    return {}


def main() -> None:
    args = arguments("line rules")
    built = corpora(args)
    for c in built:
        for document in c.documents:
            for line in document.split("\n"):
                if phrases.fold(line) != fold_fast(line):
                    raise SystemExit(f"fold_fast differs on {line!r}")
    options = Cleaner().options

    def alternative(text: str) -> Mapping[int, str]:
        return trailer_fast(text.split("\n"), Context(text, options))

    current = rule_alone(trailer.trailer)
    check_same(current, alternative, built)
    rules = [r for r in family_rules("boilerplate") if isinstance(r, LineRule)]
    compare(
        "line rules alone (on the document's lines, one application)",
        [(rule.id, rule_alone(rule)) for rule in rules],
        built,
        args,
    )
    compare(
        "boilerplate.trailer (B4)",
        [("current fold", current), ("fold with isalnum edges", alternative)],
        built,
        args,
    )


if __name__ == "__main__":
    main()
