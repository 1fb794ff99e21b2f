"""The pipeline's own costs: trigger scan, protected spans, per-call overhead, line rounds.

python benchmarks/bench_pipeline.py [--size 2MB]
"""

from __future__ import annotations

import re
import timeit

from _harness import arguments, compare, corpora

import arnorm
from arnorm.cleaner import Cleaner
from arnorm.context import Context
from arnorm.pipeline import Pipeline
from arnorm.protect import _LATIN, protected_spans


def main() -> None:
    args = arguments("pipeline overheads")
    built = corpora(args)
    repair = Cleaner().pipeline
    search = Cleaner("search").pipeline
    # The foundation's scan: every trigger character in one class, findall, set of the matches.
    triggers = sorted(
        {c for rule in search.rules if isinstance(rule.trigger, str) for c in rule.trigger}
    )
    union = re.compile("[" + "".join(re.escape(c) for c in triggers) + "]")
    compare(
        "trigger presence (search profile's triggers)",
        [
            ("frequent by `in`, rare by one scan", search._present),
            ("one findall of every trigger", lambda t: frozenset(union.findall(t))),
            ("set(text)", set),
        ],
        built,
        args,
    )
    compare(
        "protected spans",
        [
            ("protected_spans (windows from _LATIN)", protected_spans),
            ("_LATIN.search alone (its first window)", _LATIN.search),
            ("[@A-Za-z] class search alone", re.compile("[@A-Za-z]").search),
        ],
        built,
        args,
    )
    compare(
        "whole pipeline",
        [
            ("repair", repair.__call__),
            ("search", search.__call__),
            ("repair, reference path (no triggers)", Pipeline(repair.rules, use_triggers=False)),
            ("repair without the line phase", Cleaner(boilerplate=False).__call__),
        ],
        built,
        args,
    )
    short = " ".join(built[0].documents[0].split())[:100]
    cleaner = Cleaner()
    characters_only = Cleaner(boilerplate=False)
    print(f"\nper call on {len(short)} characters (µs, best of {args.repeat} × 20,000 calls)")
    for name, function in (
        ("arnorm.clean", lambda: arnorm.clean(short)),
        ("Cleaner()", lambda: cleaner(short)),
        ("Cleaner(boilerplate=False)", lambda: characters_only(short)),
        ("Context()", lambda: Context(short, cleaner.options)),
        ("trigger presence", lambda: cleaner.pipeline._present(short)),
    ):
        best = min(timeit.repeat(function, number=20_000, repeat=args.repeat)) / 20_000 * 1e6
        print(f"  {name:<30} {best:8.2f} µs")


if __name__ == "__main__":
    main()
