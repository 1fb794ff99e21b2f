"""Evaluate arnorm's boilerplate line rules on a corpus of scraped articles (run by hand).

    python tools/eval_boilerplate.py CORPUS [--sample 100] [--seed 4] [--out DIR] [--compare]

CORPUS is a folder (searched recursively) or a file: ``.zip`` archives of JSON, ``.json`` or
``.jsonl`` files holding articles with a ``content`` field (``title`` and ``source`` are used
when present): the SaudiNewsNet layout.  Each article is cleaned as ``title + "\\n\\n" +
content`` (so rule B3 sees the title, as on a scraped page) with ``arnorm.explain``.

It prints, and writes to ``DIR/summary.json``:

* lines removed per rule (blank lines counted apart from lines with text), and documents touched;
* a random sample of removed lines with text (``DIR/sample.tsv``: rule, source, reason, line,
  and an empty ``verdict`` column for the reader to fill with ``boilerplate`` or ``content``);
* sentence-like removed lines (60+ characters ending with . ! ؟ or a quote): content suspects;
* with ``--compare`` (needs trafilatura and datatrove importable, e.g. in a throw-away venv),
  what their line rules would remove from the same text: trafilatura's text filter
  (``trafilatura.utils.RE_FILTER`` on each line) and cross-document duplicate test (a line of
  more than 100 characters seen more than twice), datatrove's ``C4QualityFilter`` line rules
  (default, and without the terminal-punctuation rule) and ``SymbolLinesFormatter``.
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

SENTENCE_END = (".", "!", "?", "\u061f", '"', "»", "\u201d")


def read_corpus(path: Path) -> Iterator[dict[str, str]]:
    """The articles of a corpus folder or file, in a stable order."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    for file in files:
        if file.suffix == ".zip":
            with zipfile.ZipFile(file) as archive:
                for name in sorted(archive.namelist()):
                    if name.endswith((".json", ".jsonl")):
                        yield from _records(archive.read(name).decode("utf-8"), name)
        elif file.suffix in (".json", ".jsonl"):
            yield from _records(file.read_text("utf-8"), file.name)


def _records(data: str, name: str) -> Iterator[dict[str, str]]:
    if name.endswith(".jsonl"):
        for line in data.splitlines():
            if line.strip():
                yield json.loads(line)
        return
    loaded = json.loads(data)
    yield from loaded if isinstance(loaded, list) else [loaded]


def document(article: dict[str, str]) -> str:
    """The text given to arnorm: the title, a blank line, the content."""
    title = (article.get("title") or "").strip()
    content = article.get("content") or ""
    return f"{title}\n\n{content}" if title else content


def sentence_like(line: str) -> bool:
    """A line that reads as a sentence: 60+ characters ending with sentence punctuation."""
    line = line.strip()
    return len(line) >= 60 and line.endswith(SENTENCE_END)


def evaluate(articles: list[dict[str, str]], sample_size: int, seed: int) -> dict[str, object]:
    removed: Counter[str] = Counter()
    removed_blank: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    suspects: list[tuple[str, str, str]] = []
    pool: list[tuple[str, str, str, str]] = []
    total_lines = 0
    for article in articles:
        text = document(article)
        total_lines += sum(1 for line in text.split("\n") if line.strip())
        report = arnorm.explain(text)
        touched = set()
        for change in report.removed_lines:
            line = change.before.strip("\n")
            if not line.strip():
                removed_blank[change.rule] += 1
                continue
            removed[change.rule] += 1
            touched.add(change.rule)
            source = article.get("source", "")
            pool.append((change.rule, source, change.reason, line))
            if sentence_like(line):
                suspects.append((change.rule, source, line))
        documents.update(touched)
    sample = random.Random(seed).sample(pool, min(sample_size, len(pool)))
    return {
        "articles": len(articles),
        "lines_with_text": total_lines,
        "removed_lines_with_text": dict(removed.most_common()),
        "removed_blank_lines": dict(removed_blank.most_common()),
        "documents_touched": dict(documents.most_common()),
        "sentence_like_removed": suspects,
        "sample": sample,
    }


def compare(articles: list[dict[str, str]]) -> dict[str, dict[str, object]]:
    """What trafilatura's and datatrove's line rules remove from the same documents."""
    from datatrove.data import Document
    from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    from datatrove.pipeline.formatters.symbol_lines_remover import SymbolLinesFormatter
    from trafilatura.utils import RE_FILTER

    c4 = C4QualityFilter(min_num_sentences=-1)
    c4_no_punct = C4QualityFilter(min_num_sentences=-1, filter_no_terminal_punct=False)
    symbols = SymbolLinesFormatter()
    seen: Counter[str] = Counter()
    results: dict[str, dict[str, object]] = {}
    tools = (
        "arnorm",
        "trafilatura.textfilter",
        "trafilatura.duplicate_test",
        "datatrove.C4 (default)",
        "datatrove.C4 (no punct)",
        "datatrove.SymbolLines",
    )
    tallies: dict[str, Counter[str]] = {tool: Counter() for tool in tools}
    examples: dict[str, list[str]] = defaultdict(list)

    def record(tool: str, kept: list[str], lines: list[str]) -> None:
        remaining = Counter(kept)
        for line in lines:
            if remaining[line] > 0:
                remaining[line] -= 1
                continue
            tallies[tool]["lines"] += 1
            tallies[tool]["sentence_like"] += sentence_like(line)
            tallies[tool]["arnorm_also"] += line in arnorm_removed
            if len(examples[tool]) < 2000:
                examples[tool].append(line)

    for article in articles:
        text = document(article)
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        report = arnorm.explain(text)
        removed_by_arnorm = [c.before.strip() for c in report.removed_lines if c.before.strip()]
        arnorm_removed = set(removed_by_arnorm)
        kept_by_arnorm = Counter(lines)
        kept_by_arnorm.subtract(removed_by_arnorm)
        record("arnorm", list(kept_by_arnorm.elements()), lines)
        record("trafilatura.textfilter", [x for x in lines if not RE_FILTER.match(x)], lines)
        kept = []
        for line in lines:
            seen[line] += 1
            if not (len(line) > 100 and seen[line] > 2):
                kept.append(line)
        record("trafilatura.duplicate_test", kept, lines)
        for name, flt in (("datatrove.C4 (default)", c4), ("datatrove.C4 (no punct)", c4_no_punct)):
            doc = Document(text="\n".join(lines), id="x")
            flt.filter(doc)
            record(name, [x.strip() for x in doc.text.split("\n") if x.strip()], lines)
        record(
            "datatrove.SymbolLines",
            [x.strip() for x in symbols.format("\n".join(lines)).split("\n") if x.strip()],
            lines,
        )
    for tool, tally in tallies.items():
        results[tool] = dict(tally)
        results[tool]["examples"] = random.Random(4).sample(
            examples[tool], min(10, len(examples[tool]))
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("eval-boilerplate"))
    parser.add_argument("--compare", action="store_true")
    arguments = parser.parse_args(argv)
    articles = list(read_corpus(arguments.corpus))
    if not articles:
        print(f"no articles found under {arguments.corpus}", file=sys.stderr)
        return 1
    result = evaluate(articles, arguments.sample, arguments.seed)
    if arguments.compare:
        result["comparison"] = compare(articles)
    arguments.out.mkdir(parents=True, exist_ok=True)
    (arguments.out / "summary.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), "utf-8"
    )
    with (arguments.out / "sample.tsv").open("w", encoding="utf-8") as sample:
        sample.write("rule\tsource\treason\tline\tverdict\n")
        for rule, source, reason, line in result["sample"]:  # type: ignore[attr-defined]
            sample.write(f"{rule}\t{source}\t{reason}\t{line}\t\n")
    print(f"articles: {result['articles']}, lines with text: {result['lines_with_text']}")
    print("removed lines with text, per rule:")
    for rule, count in result["removed_lines_with_text"].items():  # type: ignore[attr-defined]
        touched = result["documents_touched"][rule]  # type: ignore[index]
        print(f"  {rule:32} {count:6}  in {touched} documents")
    print("removed blank lines, per rule:", result["removed_blank_lines"])
    print(f"sentence-like lines removed: {len(result['sentence_like_removed'])}")  # type: ignore[arg-type]
    for rule, source, line in result["sentence_like_removed"]:  # type: ignore[attr-defined]
        print(f"  {rule} [{source}] {line}")
    if arguments.compare:
        print("comparison (lines with text removed):")
        for tool, tally in result["comparison"].items():  # type: ignore[attr-defined]
            print(
                f"  {tool:30} {tally.get('lines', 0):6} removed, "
                f"{tally.get('sentence_like', 0):6} sentence-like, "
                f"{tally.get('arnorm_also', 0):5} also removed by arnorm"
            )
    print(f"written: {arguments.out}/summary.json, {arguments.out}/sample.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
