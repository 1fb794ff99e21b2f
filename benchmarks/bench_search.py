"""The search family (S) against the baselines that do the same job, when installed.

python benchmarks/bench_search.py [--size 2MB]
"""

from __future__ import annotations

from _harness import arguments, compare, corpora, family_rules, rule_alone

from arnorm.bench.baselines import available
from arnorm.cleaner import Cleaner
from arnorm.pipeline import Pipeline


def main() -> None:
    args = arguments("search folding")
    rules = family_rules("search")
    options = Cleaner("search").options
    contenders = [
        ("search profile, whole pipeline", Cleaner("search").__call__),
        ("search profile, no line phase", Cleaner("search", boilerplate=False).__call__),
        ("search family as a pipeline", Pipeline(rules, options).__call__),
        *((f"{rule.id} alone", rule_alone(rule, "search")) for rule in rules),
        *((b.name, b.function) for b in available() if b.name != "one re scan"),
    ]
    compare("search folding vs baselines", contenders, corpora(args), args)


if __name__ == "__main__":
    main()
