"""The marks family's hot loop, ``marks.stray_tanween`` (M2): its pattern against its fast path.

    python benchmarks/bench_marks.py [--size 2MB]

The rule's pattern once started with a class of every Arabic letter, so ``re`` tried a match at
each letter (about 25 MB/s).  This file held an alternative, ``tanween_first``: find the
tanweens first and try the pattern only at the letter before them.  The rule has done this
itself since the merge of the orthography branch (``1063e87``): its pattern starts with the
tanween, and the replacement function walks back to the base.  The alternative still tried
the pattern at the letter, where it can no longer match, so it left every text unchanged
(``"بٌب"``: the rule gives ``"بُب"``, the alternative ``"بٌب"``) and ``check_same`` stopped the
script.  Brought up to date it would be the rule's own substitution run as a Python loop
(slower than the rule), so it was removed.

What is measured now is the rule's pattern alone (its reference path: ``explain``,
``use_triggers=False``) against its ``fast`` path (the simple cases by constant replacement,
then a narrower pattern), which ``clean()`` runs; both must give the same output on the corpus.
For every rule of the family alone: ``bench_family.py marks``.
"""

from __future__ import annotations

from _harness import arguments, check_same, compare, corpora, rule_alone

from arnorm.chars.marks import stray_tanween
from arnorm.cleaner import Cleaner
from arnorm.context import Context


def main() -> None:
    args = arguments("marks.stray_tanween")
    built = corpora(args)
    options = Cleaner().options
    current = rule_alone(stray_tanween)
    fast = stray_tanween.fast
    assert fast is not None  # (the rule declares one)

    def fast_path(text: str) -> str:
        return fast(text, Context(text, options))

    check_same(current, fast_path, built)
    compare(
        "marks.stray_tanween (M2)",
        [("its pattern (the reference path)", current), ("its fast path (clean())", fast_path)],
        built,
        args,
    )


if __name__ == "__main__":
    main()
