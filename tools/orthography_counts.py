"""Count what each character rule changes on a corpus, with a sample of each rule's changes.

Usage (by hand, not in CI)::

    python tools/orthography_counts.py /path/to/corpus [--samples 5] [--limit N]

The corpus is a folder of zip files of JSON articles (a list of objects, or one object per
file) with a ``content`` field, such as SaudiNewsNet.  Every article is explained with the
default ``repair`` profile (line rules off: only the character rules are counted), and the
report gives, per rule: the number of changes, the number of articles it changed, and a few
changes with their context.  Gates are counted too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import arnorm


def articles(corpus: Path) -> Iterator[str]:
    """The ``content`` of every article in the corpus's zip files."""
    for archive in sorted(corpus.rglob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in sorted(zipped.namelist()):
                if not name.endswith(".json"):
                    continue
                data = json.loads(zipped.read(name))
                for item in data if isinstance(data, list) else [data]:
                    content = item.get("content") if isinstance(item, dict) else None
                    if isinstance(content, str) and content:
                        yield content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with the corpus zip files")
    parser.add_argument("--samples", type=int, default=5, help="changes shown per rule")
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0: all)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the samples")
    args = parser.parse_args(argv)

    changes: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    gates: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    random.seed(args.seed)
    total = characters = 0
    for total, text in enumerate(articles(args.corpus), 1):
        characters += len(text)
        report = arnorm.explain(text, boilerplate=False)
        for gate, value in report.gates.items():
            gates[gate] += bool(value)
        seen = set()
        for change in report.changes:
            changes[change.rule] += 1
            seen.add(change.rule)
            context = text[max(0, change.start - 15) : change.end + 15].replace("\n", " ")
            shown = f"{change.before!r} -> {change.after!r}  in  …{context}…"
            # Reservoir sampling: every change has the same chance to be shown.
            bucket = examples[change.rule]
            if len(bucket) < args.samples:
                bucket.append(shown)
            elif random.random() < args.samples / changes[change.rule]:
                bucket[random.randrange(args.samples)] = shown
        for rule in seen:
            documents[rule] += 1
        if args.limit and total >= args.limit:
            break

    out = sys.stdout
    out.write(f"{total} articles, {characters:,} characters\n\n")
    out.write("| rule | changes | articles |\n|---|---|---|\n")
    for rule, count in changes.most_common():
        out.write(f"| `{rule}` | {count} | {documents[rule]} |\n")
    out.write("\n| gate | articles |\n|---|---|\n")
    for gate, count in sorted(gates.items()):
        out.write(f"| {gate} | {count} |\n")
    for rule, _ in changes.most_common():
        out.write(f"\n## {rule}\n")
        for line in examples[rule]:
            out.write(f"- {line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
