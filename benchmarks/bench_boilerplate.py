"""The line rules (W1, B1-B5) one by one, this tree against a baseline checkout, in one process.

    python benchmarks/bench_boilerplate.py --baseline /tmp/lines-base [--size 2MB]
    python benchmarks/bench_boilerplate.py --baseline /tmp/lines-base \\
        --corpus /work/shared/corpus/saudinewsnet --limit 1500

The baseline's ``arnorm/boilerplate`` modules are loaded under other names next to this
tree's, so both rule versions run on the same inputs in the same process, rounds interleaved
(median kept).  The inputs are what ``clean()`` hands to the line phase: each document after
the character rules (for W1) and after W1 and W2 (for B1-B5), one application of each rule.
Both versions must give the same result on every document, or the script stops.

``--corpus`` reads real articles (see bench_line_phase.py): the bench corpus repeats its seed
lines, which flatters the fold's memo; real text does not.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from bench_line_phase import read_articles

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from arnorm.bench import corpus
from arnorm.bench.run import parse_size
from arnorm.boilerplate import lines, phrase_lines, trailer, whitespace
from arnorm.cleaner import Cleaner
from arnorm.context import Context


def load_baseline(tree: Path) -> dict[str, ModuleType]:
    """The baseline's whitespace, lines, trailer and phrase_lines modules (and its phrases)."""
    modules: dict[str, ModuleType] = {}
    folder = tree / "arnorm" / "boilerplate"
    for name in ("phrases", "whitespace", "lines", "trailer", "phrase_lines"):
        source = (folder / f"{name}.py").read_text("utf-8")
        for other in modules:  # its imports of its sibling modules, to the baseline's ones
            source = source.replace(f"arnorm.boilerplate.{other} import", f"_base_{other} import")
        module = ModuleType(f"_base_{name}")
        module.__file__ = str(folder / f"{name}.py")
        sys.modules[module.__name__] = module
        if name == "phrases":  # its phrase files are read from the package: the same data
            source = source.replace('resources.files("arnorm.boilerplate")', "_files()")
            source += "\n\ndef _files():\n    return resources.files('arnorm.boilerplate')\n"
        exec(compile(source, module.__file__, "exec"), module.__dict__)
        modules[name] = module
    return modules


def line_phase_inputs(documents: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each document as W1 sees it, and as the line rules first see it."""
    pipeline = Cleaner().pipeline
    layout, removal = [], []
    for document in documents:
        ctx = Context(document, pipeline._options)  # the steps of Pipeline._run, by hand
        text = document
        if pipeline._document:
            text = pipeline._apply(pipeline._document, text, ctx, None, 0, None)[0]
            ctx = Context(text, pipeline._options)
        text = pipeline._apply_outside_protected(text, ctx, None, None)
        layout.append(text)
        removal.append(pipeline._apply(pipeline._layout, text, ctx, None, 0, None)[0])
    return layout, removal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--baseline", required=True, help="another arnorm checkout")
    parser.add_argument("--corpus", help="articles (.zip/.json/.jsonl) instead of the bench corpus")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--variant", default="plain")
    parser.add_argument("--size", default="2MB")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    base = load_baseline(Path(args.baseline))
    if args.corpus:
        documents = read_articles(Path(args.corpus), args.limit)
        name = args.corpus
    else:
        seeds = corpus.load_seeds(corpus.find_seeds())
        documents = list(corpus.build(args.variant, parse_size(args.size), seeds).documents)
        name = f"bench corpus {args.variant} {args.size}"
    layout, removal = line_phase_inputs(documents)
    options = Cleaner().options
    split = [(text.split("\n"), Context(text, options)) for text in removal]
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1e6

    def on_texts(function: Callable[[str], object]) -> Callable[[], list[object]]:
        return lambda: [function(text) for text in layout]

    def on_lines(function: Callable[..., object]) -> Callable[[], list[object]]:
        return lambda: [function(lines_, ctx) for lines_, ctx in split]

    contenders = [
        (
            "whitespace.trim_lines",
            on_texts(base["whitespace"]._trim_lines_fast),
            on_texts(whitespace._trim_lines_fast),
        ),
        *(
            (
                rule.id,
                on_lines(getattr(base[module], rule.__name__).function),
                on_lines(rule.function),
            )
            for module, rule in [
                ("lines", lines.blank_lines),
                ("lines", lines.repeated_title),
                ("lines", lines.duplicate_lines),
                ("trailer", trailer.trailer),
                ("phrase_lines", phrase_lines.phrase_lines),
            ]
        ),
    ]
    print(f"{name}: {megabytes:.1f} MB, {len(documents)} documents; one application of each rule")
    print(f"best of {args.repeat} interleaved rounds, CPU time (shared machine: read the ratios)\n")
    print(f"  {'rule (ms/MB)':<32}{'baseline':>10}{'this tree':>11}{'ratio':>8}")
    for rule_id, before, after in contenders:
        if before() != after():
            raise SystemExit(f"{rule_id}: the two versions disagree on {name}")
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(args.repeat):
            for function, spent in ((before, times[0]), (after, times[1])):
                start = time.process_time()
                function()
                spent.append(time.process_time() - start)
        b, a = (min(t) * 1e3 / megabytes for t in times)
        print(f"  {rule_id:<32}{b:10.2f}{a:11.2f}{b / a:7.1f}x")


if __name__ == "__main__":
    main()
