"""Evaluate site boilerplate (rule B6) on a JSON Lines corpus, grouped by a field.

Usage: python tools/eval_site_boilerplate.py corpus.jsonl [--field content] [--group-by source]
           [--sample 40] [--seed 1] [--model-out model.json]

Learns a model from the whole corpus (cleaned with the default profile), applies it, and prints
per group what was learned and how many lines it removed from how many documents, then a random
sample of removed lines with the line before and after them in their document, for reading.
Run it by hand; the tests never need the corpus.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter

from arnorm import Cleaner
from arnorm.corpus import learn


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--field", default="content")
    parser.add_argument("--group-by", default="source")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model-out")
    arguments = parser.parse_args()

    cleaner = Cleaner()
    documents: list[tuple[str, str]] = []
    with open(arguments.corpus, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            text = record.get(arguments.field)
            if isinstance(text, str):
                documents.append((cleaner(text), str(record.get(arguments.group_by))))
    model = learn(documents, group_by=arguments.group_by)
    if arguments.model_out:
        model.save(arguments.model_out)

    removed_lines: Counter[str] = Counter()
    touched: Counter[str] = Counter()
    emptied: Counter[str] = Counter()
    characters: Counter[str] = Counter()
    sample: list[tuple[str, str, str, str]] = []
    for text, group in documents:
        output, removed = model.strip_lines(text, group)
        if removed:
            removed_lines[group] += len(removed)
            touched[group] += 1
            characters[group] += len(text) - len(output)
            emptied[group] += not output.strip()
            lines = text.split("\n")
            for line in removed:
                index = lines.index(line)
                before = lines[index - 1] if index else "<start>"
                after = lines[index + 1] if index + 1 < len(lines) else "<end>"
                sample.append((group, before, line, after))

    print(f"{len(documents)} documents, {len(model.groups)} groups")
    print("group | documents | lines learned | lines removed | documents touched | chars removed")
    for group in sorted(model.groups):
        print(
            f"{group} | {model.documents[group]} | {len(model.groups[group])} | "
            f"{removed_lines[group]} | {touched[group]} | {characters[group]}"
            + (f" | {emptied[group]} emptied" if emptied[group] else "")
        )
    print("\nlearned lines (documents in the sample, where):")
    for group, learned in sorted(model.groups.items()):
        for key, line in learned.items():
            print(f"  {group}: {key!r} ({line.documents}, {line.where})")
    print(f"\nrandom sample of {arguments.sample} removed lines (before | REMOVED | after):")
    random.Random(arguments.seed).shuffle(sample)
    for group, before, line, after in sample[: arguments.sample]:
        print(f"  [{group}] {before[:60]!r} | {line!r} | {after[:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
