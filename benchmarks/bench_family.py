"""Each rule of one family alone and the family as a pipeline: ``bench_family.py FAMILY``.

    python benchmarks/bench_family.py marks --size 2MB

Works for any family, so new rules are measured without a new file.
"""

from __future__ import annotations

import sys

from _harness import arguments, compare, corpora, family_rules, rule_alone

from arnorm.cleaner import Cleaner
from arnorm.pipeline import Pipeline


def main(family: str) -> None:
    args = arguments(f"the rules of the {family} family")
    rules = family_rules(family)
    if not rules:
        raise SystemExit(f"no rules in family {family!r}")
    profile = "search" if all("repair" not in rule.profiles for rule in rules) else "repair"
    options = Cleaner(profile).options
    contenders = [(f"{family} as a pipeline", Pipeline(rules, options).__call__)]
    contenders += [(f"{rule.id} alone (no trigger)", rule_alone(rule, profile)) for rule in rules]
    compare(f"family {family}", contenders, corpora(args), args)


if __name__ == "__main__":
    main(sys.argv.pop(1) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "marks")
