"""A plain timeit harness for the micro-benchmarks: run one file alone to measure one hot loop.

    python benchmarks/bench_marks.py [--size 2MB] [--repeat 5] [--variants plain,diacritised]

Each file times a few functions *side by side* on the same corpus (rounds interleaved, median
kept), so a change to one rule can be measured alone and against an alternative, even on a
shared machine.  The test suite runs each once on a tiny corpus, without timing it
(``tests/test_benchmark_scripts.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from arnorm.bench import corpus
from arnorm.bench.measure import side_by_side
from arnorm.bench.run import parse_size
from arnorm.catalogue import CATALOGUE
from arnorm.cleaner import Cleaner
from arnorm.context import Context
from arnorm.rule import LineRule, Rule

Function = Callable[[str], object]


def arguments(description: str, variants: str = "plain,diacritised,noisy") -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", default="2MB", help="corpus size per variant (%(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the median is kept")
    parser.add_argument("--variants", default=variants, help="corpus variants (%(default)s)")
    parser.add_argument("--min-time", type=float, default=0.1)
    return parser.parse_args()


def corpora(args: argparse.Namespace) -> list[corpus.Corpus]:
    seeds = corpus.load_seeds(corpus.find_seeds())
    size = parse_size(args.size)
    return [corpus.build(v.strip(), size, seeds) for v in args.variants.split(",") if v.strip()]


def compare(
    title: str,
    contenders: Sequence[tuple[str, Function]],
    corpora_: Sequence[corpus.Corpus],
    args: argparse.Namespace,
) -> None:
    """Print MB/s of each contender on each corpus, and its ratio to the first contender."""
    print(f"\n{title}  (median of {args.repeat} interleaved rounds; shared machine: use ratios)")
    for c in corpora_:
        times = side_by_side(contenders, c.documents, repeat=args.repeat, min_time=args.min_time)
        first = statistics.median(next(iter(times.values())))
        for name, seconds in times.items():
            median = statistics.median(seconds)
            print(
                f"  {c.name:<12} {name:<44} {c.size / median / 1e6:9.1f} MB/s"
                f"  x{first / median:5.2f}"
            )


def rule_alone(rule: Rule, profile: str = "repair") -> Function:
    """The rule's own work on a whole text, without the pipeline (no trigger, no gates)."""
    options = Cleaner(profile).options
    if isinstance(rule, LineRule):
        return lambda text: rule.find(text.split("\n"), Context(text, options))
    return lambda text: rule.apply(text, Context(text, options))


def family_rules(family: str) -> list[Rule]:
    return [rule for rule in CATALOGUE if rule.family == family]


def check_same(
    reference: Function, alternative: Function, corpora_: Sequence[corpus.Corpus]
) -> None:
    """Fail loudly if an alternative implementation disagrees with the rule on the corpus."""
    for c in corpora_:
        for document in c.documents:
            if reference(document) != alternative(document):
                raise SystemExit(f"the alternative differs from the rule on the {c.name} corpus")
