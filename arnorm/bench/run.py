"""The benchmark command: build or read corpora, time arnorm (and baselines), report."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import arnorm
from arnorm.bench import baselines, corpus
from arnorm.bench.measure import Function, Timing, side_by_side
from arnorm.bench.steps import step_times
from arnorm.cleaner import Cleaner
from arnorm.pipeline import Pipeline

DEFAULT_VARIANTS = ("plain", "diacritised", "noisy")
DEFAULT_LINEARITY = "1KB,10KB,100KB,1MB,10MB,50MB"
UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20}
# The targets for the default clean(), checked here and never by the tests.
TARGET_PLAIN = 100.0  # MB/s
TARGET_DIACRITISED = 30.0  # MB/s
TARGET_PER_CALL = 10.0  # µs for a 100-character string
TARGET_LINEARITY = 0.5  # slowest size's MB/s / fastest's
SHORT_TEXT_LENGTH = 100


class BenchError(Exception):
    """A bad argument or input, reported as ``error: ...`` with exit status 2."""


def parse_size(value: str) -> int:
    """A size such as ``20MB``, ``500KB``, ``1.5MB`` or ``1000`` (bytes), in bytes.

    >>> parse_size("20MB"), parse_size("1kb"), parse_size("1000")
    (20000000, 1000, 1000)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", value)
    unit = match.group(2).upper() if match else ""
    if not match or unit not in UNITS:
        raise BenchError(f"bad size {value!r}: write e.g. 20MB, 500KB, 1.5MB or 1000 (bytes)")
    size = int(float(match.group(1)) * UNITS[unit])
    if size < 1:
        raise BenchError(f"bad size {value!r}: it must be at least 1 byte")
    return size


def _names(value: str, known: Sequence[str], what: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if not names or unknown:
        raise BenchError(
            f"unknown {what} {', '.join(map(repr, unknown)) or repr(value)}; "
            f"choose from: {', '.join(known)}"
        )
    return names


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface of ``python -m arnorm.bench``."""
    parser = argparse.ArgumentParser(
        prog="python -m arnorm.bench",
        description=(
            "Measure how fast arnorm cleans text (MB/s of UTF-8 input and documents/s) for the "
            "whole pipeline, each profile and each rule family. Without FILES the corpus is "
            "built deterministically from seeds/."
        ),
    )
    parser.add_argument("files", nargs="*", type=Path, help="UTF-8 text files to measure on")
    parser.add_argument(
        "--documents",
        choices=("file", "lines", "paragraphs"),
        default="file",
        help="how FILES split into documents: one per file (default), per line, or per "
        "blank-line-separated paragraph",
    )
    parser.add_argument(
        "--variants",
        default=",".join(DEFAULT_VARIANTS),
        help=f"corpus variants to build (default: %(default)s; all: {', '.join(corpus.VARIANTS)})",
    )
    parser.add_argument("--size", default="20MB", help="size of each built corpus (%(default)s)")
    parser.add_argument("--seeds", type=Path, help="folder of seed documents (default: seeds/)")
    parser.add_argument(
        "--profiles", default="repair,search", help="profiles to measure (%(default)s)"
    )
    parser.add_argument(
        "--no-families", action="store_true", help="do not measure each rule family alone"
    )
    parser.add_argument(
        "--no-per-call", action="store_true", help="do not measure the per-call overhead"
    )
    parser.add_argument(
        "--rules",
        action="store_true",
        help="also show where the time of each profile goes: milliseconds per MB in each rule "
        "and in the pipeline's own work",
    )
    parser.add_argument(
        "--linearity",
        default=DEFAULT_LINEARITY,
        help="document sizes for the linearity check, or 'none' (default: %(default)s)",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also time the installed baselines (pyarabic, CAMeL Tools, arabic-norm, a naive "
        "Python loop, one re scan) side by side and print ratios",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds; medians are kept")
    parser.add_argument(
        "--min-time",
        type=float,
        default=0.2,
        help="a timed sample loops over the corpus for at least this many seconds (%(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser


class Progress:
    """Progress lines on stderr: one line updated in place on a terminal, lines otherwise."""

    def __init__(self, stream: TextIO | None):
        self.stream = stream
        self.tty = bool(stream is not None and stream.isatty())
        self.step = 0
        self.steps = 0

    def __call__(self, message: str, detail: bool = False) -> None:
        # A terminal shows every round in place; a log gets one line a step.
        if self.stream is None or (detail and not self.tty):
            return
        text = f"[{self.step}/{self.steps}] {message}" if self.steps else message
        if self.tty:
            self.stream.write("\r\033[K" + text[:120])
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.stream is not None and self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 on success, 2 on a bad argument or input (with a message)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except BenchError as error:
        _fail(parser, str(error))


def _fail(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.error(message)  # prints usage and "error: ...", exits with status 2


def _read_corpora(args: argparse.Namespace) -> list[corpus.Corpus]:
    corpora = []
    for path in args.files:
        if not path.is_file():
            raise BenchError(f"{path}: no such file")
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError as error:
            raise BenchError(
                f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"
            ) from None
        if args.documents == "lines":
            documents = [line for line in text.split("\n") if line.strip()]
        elif args.documents == "paragraphs":
            documents = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        else:
            documents = [text] if text else []
        if not documents:
            raise BenchError(f"{path}: empty")
        corpora.append(corpus.Corpus(path.name, tuple(documents)))
    return corpora


def _seeds(args: argparse.Namespace, stream: TextIO | None) -> list[str]:
    folder = args.seeds if args.seeds is not None else corpus.find_seeds()
    if args.seeds is not None and not args.seeds.is_dir():
        raise BenchError(f"--seeds {args.seeds}: no such folder")
    if folder is None and stream is not None:
        stream.write(
            "note: no seeds/ folder found (arnorm installed from a wheel?): building the corpus "
            "from a short embedded sample; give --seeds DIR or text files for real numbers\n"
        )
    try:
        return corpus.load_seeds(folder)
    except ValueError as error:
        raise BenchError(str(error)) from None


def _family_pipelines(profiles: Sequence[str]) -> list[tuple[str, Pipeline]]:
    # Each family alone, with the options of the first profile (in order) that has it.
    result: list[tuple[str, Pipeline]] = []
    seen: set[str] = set()
    for profile in profiles:
        pipeline = Cleaner(profile).pipeline
        for family in dict.fromkeys(rule.family for rule in pipeline.rules):
            if family in seen:
                continue
            seen.add(family)
            rules = [rule for rule in pipeline.rules if rule.family == family]
            result.append((f"{family} ({profile})", Pipeline(rules, pipeline.options)))
    return result


def _short_text(documents: Sequence[str]) -> str:
    text = " ".join(" ".join(documents[:3]).split())
    return (text * (SHORT_TEXT_LENGTH // max(len(text), 1) + 1))[:SHORT_TEXT_LENGTH]


def _run(args: argparse.Namespace) -> int:
    if args.repeat < 1:
        raise BenchError(f"--repeat must be at least 1, not {args.repeat}")
    if not args.min_time >= 0:
        raise BenchError(f"--min-time must be 0 or more, not {args.min_time}")
    profiles = _names(args.profiles, tuple(arnorm.PROFILES), "profile")
    stream = None if args.quiet else sys.stderr
    progress = Progress(stream)
    linearity = (
        []
        if args.linearity.strip().lower() == "none"
        else [parse_size(size) for size in args.linearity.split(",") if size.strip()]
    )
    if args.files:
        corpora = _read_corpora(args)
        seeds = [document for c in corpora for document in c.documents]
    else:
        variants = _names(args.variants, tuple(corpus.VARIANTS), "variant")
        size = parse_size(args.size)
        seeds = _seeds(args, stream)
        corpora = []
        for variant in variants:
            progress(f"building the {variant} corpus ({size / 1e6:g} MB)")
            corpora.append(corpus.build(variant, size, seeds))

    cleaners: list[tuple[str, Function]] = [
        (profile, Cleaner(profile).__call__) for profile in profiles
    ]
    families = [] if args.no_families else _family_pipelines(profiles)
    found = baselines.available() if args.compare else []
    progress.steps = (
        len(corpora) * (1 + bool(families) + bool(found) + args.rules)
        + (not args.no_per_call)
        + len(linearity)
    )
    timings: list[Timing] = []

    def measure(
        section: str, name: str, contenders: Sequence[tuple[str, Function]], docs: Sequence[str]
    ) -> None:
        progress.step += 1
        progress(f"{section} on {name}: {len(contenders)} contenders, {args.repeat} rounds")
        size = sum(len(d.encode("utf-8")) for d in docs)
        times = side_by_side(
            contenders,
            docs,
            repeat=args.repeat,
            min_time=args.min_time,
            progress=lambda message: progress(f"{section} on {name}: {message}", detail=True),
        )
        for label, seconds in times.items():
            timings.append(Timing(section, name, label, len(docs), size, seconds))

    for c in corpora:
        measure("pipeline", c.name, cleaners, c.documents)
        if families:
            measure("family", c.name, [(n, p.__call__) for n, p in families], c.documents)
        if found:
            contenders = [*cleaners, *((b.name, b.function) for b in found)]
            measure("compare", c.name, contenders, c.documents)
        if args.rules:
            progress.step += 1
            progress(f"rules on {c.name}: {args.repeat} rounds")
            for profile in profiles:
                spent = step_times(Cleaner(profile).pipeline, c.documents, args.repeat)
                for step, seconds in spent.items():
                    timings.append(
                        Timing("rules", c.name, f"{profile}: {step}", len(c.documents), c.size,
                               seconds)
                    )  # fmt: skip
    if not args.no_per_call:
        short = _short_text(corpora[0].documents)
        default = Cleaner()
        measure(
            "per_call",
            f"{len(short)} characters",
            [("arnorm.clean()", arnorm.clean), ("Cleaner()", default.__call__)],
            [short] * 1000,
        )
    for size in linearity:
        document = corpus.document_of_size(size, seeds)
        measure("linearity", _size_name(size), [("repair", arnorm.clean)], [document])
    progress.done()
    results = _results(args, corpora, timings, found)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_report(results, sys.stdout)
    return 0


def _size_name(size: int) -> str:
    for unit, factor in (("MB", 10**6), ("KB", 10**3)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} B"


def _commit() -> str | None:
    root = Path(__file__).resolve().parent.parent.parent
    if not (root / ".git").exists():
        return None
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return None
    return out.stdout.strip() or None


def _results(
    args: argparse.Namespace,
    corpora: Sequence[corpus.Corpus],
    timings: Sequence[Timing],
    found: Sequence[baselines.Baseline],
) -> dict[str, Any]:
    return {
        "arnorm": arnorm.__version__,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "repeat": args.repeat,
        "corpora": [
            {"name": c.name, "documents": len(c.documents), "bytes": c.size} for c in corpora
        ],
        "baselines": {b.name: b.does for b in found},
        "timings": [t.as_dict() for t in timings],
        "ratios": _ratios(timings),
        "targets": _targets(timings),
    }


def _ratios(timings: Sequence[Timing]) -> list[dict[str, object]]:
    # arnorm's profiles against each baseline, from the same side-by-side rounds.
    result: list[dict[str, object]] = []
    compared = [t for t in timings if t.section == "compare"]
    for corpus_name in dict.fromkeys(t.corpus for t in compared):
        here = [t for t in compared if t.corpus == corpus_name]
        ours = [t for t in here if t.name in arnorm.PROFILES]
        for baseline in (t for t in here if t.name not in arnorm.PROFILES):
            for own in ours:
                result.append(
                    {
                        "corpus": corpus_name,
                        "profile": own.name,
                        "baseline": baseline.name,
                        "ratio": round(own.mb_per_s / baseline.mb_per_s, 3),
                    }
                )
    return result


def _find(timings: Sequence[Timing], section: str, corpus_name: str | None, name: str) -> float:
    for t in timings:
        if t.section == section and t.name == name and corpus_name in (None, t.corpus):
            return t.mb_per_s if section != "per_call" else t.us_per_doc
    return float("nan")


def _targets(timings: Sequence[Timing]) -> list[dict[str, object]]:
    targets: list[dict[str, object]] = []

    def add(name: str, value: float, target: float, higher: bool, unit: str) -> None:
        if value == value:  # not NaN: measured in this run
            met = value >= target if higher else value <= target
            targets.append(
                {"target": name, "value": round(value, 3), "goal": target, "unit": unit, "met": met}
            )

    add("repair on plain text", _find(timings, "pipeline", "plain", "repair"),
        TARGET_PLAIN, True, "MB/s")  # fmt: skip
    add("repair on diacritised text", _find(timings, "pipeline", "diacritised", "repair"),
        TARGET_DIACRITISED, True, "MB/s")  # fmt: skip
    add("per-call overhead of clean()", _find(timings, "per_call", None, "arnorm.clean()"),
        TARGET_PER_CALL, False, "µs")  # fmt: skip
    sizes = [t for t in timings if t.section == "linearity"]
    if len(sizes) > 1:
        speeds = [t.mb_per_s for t in sizes]
        add(f"linearity {sizes[0].corpus} .. {sizes[-1].corpus} (slowest/fastest MB/s)",
            min(speeds) / max(speeds), TARGET_LINEARITY, True, "ratio")  # fmt: skip
    for corpus_name in ("plain", "diacritised", "noisy"):
        search = _find(timings, "compare", corpus_name, "search")
        strip = _find(timings, "compare", corpus_name, "pyarabic strip_tashkeel")
        add(f"search profile / pyarabic strip_tashkeel ({corpus_name})", search / strip,
            1.0, True, "ratio")  # fmt: skip
    return targets


def _print_report(results: dict[str, Any], out: TextIO) -> None:

    def write(line: str = "") -> None:
        out.write(line + "\n")

    write(
        f"arnorm {results['arnorm']} — {results['python']}, {results['platform']}, "
        f"{results['cpus']} CPUs, {results['date']}, commit {results['commit'] or 'unknown'}"
    )
    write(
        "Medians of "
        f"{results['repeat']} rounds; contenders of a table are interleaved in each round. "
        "MB = 10^6 bytes of UTF-8 input."
    )
    write("corpora: " + "; ".join(
        f"{c['name']} {c['bytes'] / 1e6:.2f} MB in {c['documents']} documents"
        for c in results["corpora"]
    ))  # fmt: skip
    timings = results["timings"]
    titles = {
        "pipeline": "Whole pipeline, by profile",
        "family": "Each rule family alone (a pipeline of that family's rules)",
        "compare": "Side by side with the baselines (xN: arnorm repair is N times as fast as it)",
        "per_call": "Per-call overhead on a short string",
        "linearity": "Linearity: one document of each size, default clean()",
        "rules": "Where the time goes: milliseconds per MB in each step (and share)",
    }
    for section, title in titles.items():
        rows = [t for t in timings if t["section"] == section]
        if not rows:
            continue
        write()
        write(title)
        repair = {t["corpus"]: t["mb_per_s"] for t in rows if t["name"] == "repair"}
        for t in rows:
            line = f"  {t['corpus']:<14} {t['name']:<32}"
            if section == "per_call":
                line += f" {t['us_per_doc']:9.2f} µs/call"
            elif section == "rules":
                total = sum(
                    r["median_seconds"]
                    for r in rows
                    if r["corpus"] == t["corpus"]
                    and r["name"].split(":")[0] == t["name"].split(":")[0]
                )
                ms_per_mb = t["median_seconds"] / (t["bytes"] / 1e6) * 1e3
                share = t["median_seconds"] / total * 100 if total else 0.0
                line += f" {ms_per_mb:9.2f} ms/MB {share:6.1f} %"
            else:
                docs = t["docs_per_s"]
                line += f" {t['mb_per_s']:9.1f} MB/s {docs:11.0f} docs/s"
                if docs < 100:
                    line = line[: -len(" docs/s") - 11] + f"{docs:11.2f} docs/s"
            if section == "compare" and t["corpus"] in repair and t["name"] != "repair":
                line += f"   x{repair[t['corpus']] / t['mb_per_s']:.2f}"
            write(line)
    if results["targets"]:
        write()
        write("Targets (issue 5; checked by this benchmark, not by the tests)")
        for target in results["targets"]:
            mark = "met" if target["met"] else "NOT met"
            write(
                f"  {target['target']:<60} {target['value']:>9} {target['unit']:<5} "
                f"goal {'≥' if target['unit'] != 'µs' else '≤'} {target['goal']:<6} {mark}"
            )
