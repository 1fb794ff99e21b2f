"""The line phase of ``clean()`` (W1, W2, B1-B5), this tree against another, side by side.

    python benchmarks/bench_line_phase.py --baseline /tmp/lines-base [--size 2MB] [--rounds 5]
    python benchmarks/bench_line_phase.py --baseline /tmp/lines-base \\
        --corpus /work/shared/corpus/saudinewsnet [--limit 2000]

``--baseline`` is another checkout of arnorm (``git worktree add /tmp/lines-base <commit>``).
Each round runs one worker process per tree, alternately, so both trees see the same machine
load; the medians of the rounds and their ratios are printed.  A worker measures, with the
tree's own ``arnorm.bench.steps`` clock:

* the milliseconds per MB of each line-phase step of the default ``clean()`` (best of 5
  passes; all its applications, every round of the line rules), on the bench
  corpus (``--variant``, ``--size``) or on real articles (``--corpus``: a folder or file of
  ``.zip``/``.json``/``.jsonl`` articles, their ``content`` field, e.g. SaudiNewsNet);
* the microseconds per call of ``clean()`` on a 100-character one-line string, the same string
  again and again (what the bench's per-call figure measures) and 20,000 different strings
  (what cleaning tweets one by one does: no memo helps), and the same with
  ``boilerplate=False``: the difference is the line phase's share of a call.

The workers also print a digest of every output, so the two trees are checked to give the
same output on the whole corpus.  The test suite runs it once on a tiny corpus, untimed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
LINE_STEPS = (
    "whitespace.trim_lines",
    "whitespace.collapse_spaces",
    "boilerplate.blank_lines",
    "boilerplate.repeated_title",
    "boilerplate.duplicate_lines",
    "boilerplate.trailer",
    "boilerplate.phrase_lines",
)
SHORT = 100  # characters of a per-call string
DISTINCT = 20_000  # different per-call strings: more than any memo of the line rules holds


def read_articles(path: Path, limit: int) -> list[str]:
    """The ``content`` of the articles of a corpus folder or file, in a stable order."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    texts: list[str] = []

    def records(data: str, name: str) -> Iterator[dict[str, str]]:
        if name.endswith(".jsonl"):
            yield from (json.loads(line) for line in data.splitlines() if line.strip())
            return
        loaded = json.loads(data)
        yield from loaded if isinstance(loaded, list) else [loaded]

    for file in files:
        if file.suffix == ".zip":
            with zipfile.ZipFile(file) as archive:
                for name in sorted(archive.namelist()):
                    if name.endswith((".json", ".jsonl")):
                        data = archive.read(name).decode("utf-8")
                        texts.extend(r.get("content") or "" for r in records(data, name))
        elif file.suffix in (".json", ".jsonl"):
            texts.extend(
                r.get("content") or "" for r in records(file.read_text("utf-8"), file.name)
            )
    texts = [text for text in texts if text]
    return texts[:limit] if limit else texts


def _per_call(function: Callable[[str], str], texts: Sequence[str], calls: int) -> float:
    """Best of 5 timings (CPU time), in µs per call, of ``calls`` calls cycling over ``texts``."""
    for text in texts[: min(len(texts), 1000)]:
        function(text)
    best = float("inf")
    count = len(texts)
    for _ in range(5):
        start = time.process_time()
        for i in range(calls):
            function(texts[i % count])
        best = min(best, (time.process_time() - start) / calls * 1e6)
    return best


def worker(args: argparse.Namespace) -> None:
    sys.path.insert(0, args.tree)
    import arnorm
    from arnorm.bench import corpus
    from arnorm.bench.run import parse_size
    from arnorm.bench.steps import step_times
    from arnorm.cleaner import Cleaner

    assert Path(arnorm.__file__).resolve().is_relative_to(Path(args.tree).resolve())
    if args.corpus:
        documents = read_articles(Path(args.corpus), args.limit)
    else:
        seeds = corpus.load_seeds(corpus.find_seeds())
        documents = list(corpus.build(args.variant, parse_size(args.size), seeds).documents)
    size = sum(len(d.encode("utf-8")) for d in documents)
    cleaner = Cleaner()
    digest = hashlib.sha256()
    for document in documents:
        digest.update(cleaner(document).encode("utf-8") + b"\0")
    spent = step_times(cleaner.pipeline, documents, 5)
    ms_per_mb = {
        step: min(spent[step]) * 1e3 / (size / 1e6) for step in LINE_STEPS if step in spent
    }
    flat = " ".join(" ".join(documents).split())
    short = flat[:SHORT]
    starts = range(0, len(flat) - SHORT, max(1, (len(flat) - SHORT) // DISTINCT))
    distinct = [flat[i : i + SHORT] for i in starts][:DISTINCT]
    plain = Cleaner(boilerplate=False)
    per_call = {
        "same string": _per_call(cleaner, [short], 20_000),
        "same string, boilerplate=False": _per_call(plain, [short], 20_000),
        "different strings": _per_call(cleaner, distinct, DISTINCT),
        "different strings, boilerplate=False": _per_call(plain, distinct, DISTINCT),
    }
    print(json.dumps({"ms_per_mb": ms_per_mb, "per_call": per_call, "digest": digest.hexdigest()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--baseline", required=True, help="another arnorm checkout")
    parser.add_argument("--tree", default=str(HERE), help="the tree measured against it")
    parser.add_argument("--corpus", help="articles (.zip/.json/.jsonl) instead of the bench corpus")
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles")
    parser.add_argument("--variant", default="plain", help="bench corpus variant (%(default)s)")
    parser.add_argument("--size", default="2MB", help="bench corpus size (%(default)s)")
    parser.add_argument("--rounds", type=int, default=5, help="worker pairs (%(default)s)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    for tree in (args.baseline, args.tree):
        if not (Path(tree) / "arnorm" / "__init__.py").is_file():
            raise SystemExit(f"{tree} is not an arnorm checkout")
    results: dict[str, list[dict[str, object]]] = {"baseline": [], "this tree": []}
    for round_ in range(args.rounds):
        order = [("baseline", args.baseline), ("this tree", args.tree)]
        for name, tree in order if round_ % 2 == 0 else order[::-1]:
            command = [sys.executable, __file__, "--worker", "--tree", tree, "--baseline", "-"]
            for option in ("corpus", "limit", "variant", "size"):
                if getattr(args, option):
                    command += [f"--{option}", str(getattr(args, option))]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results[name].append(json.loads(output.strip().splitlines()[-1]))
            print(f"round {round_ + 1}/{args.rounds}: {name} done", file=sys.stderr)
    digests = {name: {r["digest"] for r in runs} for name, runs in results.items()}
    same = digests["baseline"] == digests["this tree"] and len(digests["baseline"]) == 1
    source = args.corpus or f"bench corpus {args.variant} {args.size}"
    print(f"\n{source}: median of {args.rounds} alternating rounds (shared machine: read ratios)")
    print(f"outputs identical: {same}")

    def median(name: str, section: str, key: str) -> float:
        return statistics.median(r[section][key] for r in results[name])  # type: ignore[index]

    print(f"\n  {'line-phase step (ms/MB)':<40}{'baseline':>10}{'this tree':>11}{'ratio':>8}")
    totals = [0.0, 0.0]
    for step in LINE_STEPS:
        before, after = (
            median("baseline", "ms_per_mb", step),
            median("this tree", "ms_per_mb", step),
        )
        totals[0] += before
        totals[1] += after
        ratio = f"{before / after:7.1f}x" if after > 0.005 else "       -"
        print(f"  {step:<40}{before:10.2f}{after:11.2f}{ratio}")
    print(f"  {'total':<40}{totals[0]:10.2f}{totals[1]:11.2f}{totals[0] / totals[1]:7.1f}x")
    print(f"\n  {'per call, 100 characters (µs)':<40}{'baseline':>10}{'this tree':>11}{'ratio':>8}")
    for key in results["baseline"][0]["per_call"]:  # type: ignore[union-attr]
        before, after = median("baseline", "per_call", key), median("this tree", "per_call", key)
        print(f"  {key:<40}{before:10.2f}{after:11.2f}{before / after:7.2f}x")
    for kind in ("same string", "different strings"):
        shares = []
        for name in results:
            full = median(name, "per_call", kind)
            shares.append((full - median(name, "per_call", f"{kind}, boilerplate=False"), full))
        (b, bf), (a, af) = shares
        print(
            f"  line phase, {kind:<28}{b:10.2f}{a:11.2f}{b / max(a, 1e-9):7.2f}x"
            f"   (share {b / bf:.0%} -> {a / af:.0%})"
        )


if __name__ == "__main__":
    main()
