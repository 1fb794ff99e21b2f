"""Kinds of document that cost more than plain Arabic news, this tree alone or against another.

    python benchmarks/bench_doctypes.py [--size 1MB] [--rounds 3]
    python benchmarks/bench_doctypes.py --baseline /tmp/base [--types tweets,nbsp_page]

Each kind is the plain bench corpus with one thing added, as scraped pages have it:

* ``latin_lines``: a French, Spanish, German or English line after each line (a bilingual
  page), every Latin line different;
* ``inline_tokens``: an English product name or token (``iPhone 15``, ``COVID-19``, ``5G``)
  after every fifth word (tech news): many protected spans;
* ``tweets``: a hashtag, a mention and a link at the end of each line;
* ``nbsp_page``: every space written as an NBSP;
* ``one_ligature``: one lam-alef ligature in the middle of each document.

``plain`` is the reference.  The documents are built deterministically.  Each round runs one
worker process per tree (``--baseline``: another checkout, ``git worktree add /tmp/base
<commit>``), alternately, so both see the same machine load; the best MB/s of the rounds and
the ratios are printed.  The workers print a digest of every output: the two trees are checked
to clean every document the same way.  The test suite runs it once on a tiny corpus, untimed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
LATIN_LINES = [
    "L\u2019\u00e9t\u00e9 dernier, le pr\u00e9sident a d\u00e9clar\u00e9 \u00ab nous"
    " continuerons \u00bb.",
    "Espa\u00f1a y M\u00e9xico firmaron el acuerdo \u201cde cooperaci\u00f3n\u201d en Bogot\u00e1.",
    "Der Au\u00dfenminister sagte: \u201eWir m\u00fcssen reden\u201c.",
    "The minister said on Monday that talks would resume.",
]
TOKENS = ["Apple", "iPhone 15", "Google", "ChatGPT-4", "COVID-19", "5G", "Galaxy S24", "USB-C"]


def _latin_lines(text: str, rng: random.Random) -> str:
    words = " ".join(LATIN_LINES).split()
    return "\n".join(line + "\n" + " ".join(rng.sample(words, 10)) for line in text.split("\n"))


def _inline_tokens(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    return " ".join(
        word + (" " + rng.choice(TOKENS) if index % 5 == 0 else "")
        for index, word in enumerate(words)
    )


def _tweets(text: str, rng: random.Random) -> str:
    return "\n".join(
        f"{line} #\u0648\u0633\u0645_{i % 9} @user{i % 13} https://t.co/a{i}b{rng.randrange(99)}"
        for i, line in enumerate(text.split("\n"))
    )


def _nbsp_page(text: str, rng: random.Random) -> str:
    return text.replace(" ", "\u00a0")


def _one_ligature(text: str, rng: random.Random) -> str:
    return text[: len(text) // 2] + "\ufefb" + text[len(text) // 2 :]


KINDS: dict[str, Callable[[str, random.Random], str]] = {
    "plain": lambda text, rng: text,
    "latin_lines": _latin_lines,
    "inline_tokens": _inline_tokens,
    "tweets": _tweets,
    "nbsp_page": _nbsp_page,
    "one_ligature": _one_ligature,
}


def worker(root: str, kinds: list[str], size: str, passes: int) -> dict[str, object]:
    """MB/s of ``clean()`` (best of ``passes``) on each kind in both profiles, with the tree at
    ``root``, and a digest of the outputs."""
    sys.path.insert(0, root)
    from arnorm import Cleaner
    from arnorm.bench import corpus
    from arnorm.bench.run import parse_size

    seeds = corpus.load_seeds(HERE / "seeds")  # (the same documents for both trees)
    plain = corpus.build("plain", parse_size(size), seeds).documents
    speeds: dict[str, float] = {}
    digest = hashlib.sha256()
    for kind in kinds:
        rng = random.Random(kind)
        documents = [KINDS[kind](document, rng) for document in plain]
        size_mb = sum(len(d.encode("utf-8")) for d in documents) / 1e6
        for profile in ("repair", "search"):
            clean = Cleaner(profile)
            for document in documents:
                digest.update(clean(document).encode("utf-8", "surrogatepass"))
            best = float("inf")
            for _ in range(passes):
                start = time.perf_counter()
                for document in documents:
                    clean(document)
                best = min(best, time.perf_counter() - start)
            speeds[f"{profile} {kind}"] = size_mb / best
    return {"speeds": speeds, "digest": digest.hexdigest()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="another arnorm checkout to compare with")
    parser.add_argument("--types", default=",".join(KINDS), help="kinds (%(default)s)")
    parser.add_argument("--size", default="1MB", help="plain corpus size (%(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the best is kept")
    parser.add_argument("--passes", type=int, default=3, help="timed passes in a round")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    kinds = [kind.strip() for kind in args.types.split(",") if kind.strip()]
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        parser.error(f"unknown --types {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    if args.worker:
        print(json.dumps(worker(args.worker, kinds, args.size, args.passes)))
        return
    roots = [str(HERE)] if args.baseline is None else [args.baseline, str(HERE)]
    best: list[dict[str, float]] = [{} for _ in roots]
    digests: list[set[str]] = [set() for _ in roots]
    for _ in range(args.rounds):
        for index, root in enumerate(roots):
            command = [sys.executable, __file__, "--worker", root, "--types", ",".join(kinds)]
            command += ["--size", args.size, "--passes", str(args.passes)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            result = json.loads(done.stdout)
            digests[index].add(result["digest"])
            for key, speed in result["speeds"].items():
                best[index][key] = max(best[index].get(key, 0.0), speed)
    print(f"MB/s, best of {args.rounds} rounds (shared machine: compare ratios)")
    for key in best[0]:
        plain = best[-1].get(key.split()[0] + " plain")
        line = f"{key:24}"
        if len(roots) == 2:
            line += (
                f" {best[0][key]:7.2f} -> {best[1][key]:7.2f} ({best[1][key] / best[0][key]:.2f}x)"
            )
        else:
            line += f" {best[0][key]:7.2f}"
        if plain:
            line += f"   {best[-1][key] / plain:.2f} of plain"
        print(line)
    if len(roots) == 2:
        same = digests[0] == digests[1]
        print("outputs: the same" if same else "outputs: DIFFERENT between the trees")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
