"""The ``arnorm`` command (also ``python -m arnorm``).

``arnorm clean [FILE|-] [-o OUT]`` cleans a UTF-8 text file or, streaming, a JSON Lines corpus
(``--field``, ``--jobs``, ``--report``, ``--site-model``; see ``docs/cli.md``);
``arnorm explain FILE`` prints each change with its rule id; ``arnorm learn`` learns a site
boilerplate model (rule B6) from a corpus.  Every option of :data:`arnorm.OPTIONS` is a flag
(``--digits keep``, ``--no-boilerplate``), generated from the option table so the command line
and the library never disagree.  User mistakes (a missing file, bytes that are not UTF-8, a bad
option) print one line naming the file and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from arnorm import corpus
from arnorm.catalogue import OPTIONS
from arnorm.cleaner import Cleaner
from arnorm.corpus import LineCounts, SiteModel
from arnorm.profiles import PROFILES
from arnorm.stream import AtomicOutput, Input, InputError, Job, html_to_text, run

EXIT_USAGE = 2
EXIT_INPUT = 1


def read_text(path: str) -> str:
    """Read ``path`` (``-``: standard input) as UTF-8, naming the file and line on a bad byte."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        name = "<stdin>" if path == "-" else path
        raise InputError(
            f"{name}:{line}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert the file to UTF-8 first, e.g. iconv -f WINDOWS-1256 -t UTF-8"
        ) from None


def write_text(path: str | None, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file renamed at the end), or stdout."""
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile", choices=list(PROFILES), default="repair", help="the profile (default: repair)"
    )
    parser.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="RULE",
        help="add a rule or family by id (repeatable)",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="remove a rule or family by id (repeatable)",
    )
    for option in OPTIONS:
        flag = "--" + option.name.replace("_", "-")
        if option.validator is not None:
            # A free-form tuple option (extra phrases): one value per flag, repeatable.
            parser.add_argument(
                flag.removesuffix("s"),
                dest=option.name,
                action="append",
                default=None,
                metavar="PHRASE",
                help=option.doc.replace("%", "%%") + " Repeatable.",
            )
        elif set(option.allowed) == {True, False}:
            parser.add_argument(
                flag,
                dest=option.name,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=option.doc.replace("%", "%%"),  # argparse formats help with %
            )
        else:
            parser.add_argument(
                flag,
                dest=option.name,
                default=None,
                choices=[str(value) for value in option.allowed],
                help=option.doc.replace("%", "%%"),  # argparse formats help with %
            )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``arnorm`` command."""
    parser = argparse.ArgumentParser(
        prog="arnorm", description="Clean Arabic text scraped from the web."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser(
        "clean",
        help="clean a text file or a JSON Lines corpus",
        description="Clean a UTF-8 text file (one document) or a JSON Lines corpus (one "
        "document a line, --field names the text).  Names ending in .gz are (de)compressed.  "
        "The output is written to a temporary file and renamed at the end.",
    )
    clean.add_argument("file", nargs="?", default="-", help="input file (default: - for stdin)")
    clean.add_argument("-o", "--output", help="output file (default: stdout)")
    _add_corpus_options(clean)
    clean.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for JSON Lines (0: one per core; default 1)",
    )
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    clean.add_argument(
        "--report",
        metavar="FILE",
        help="write per-rule counts over the corpus as JSON (uses explain: slower)",
    )
    clean.add_argument(
        "--skip-bad",
        action="store_true",
        help="count and skip malformed JSON lines instead of stopping",
    )
    clean.add_argument(
        "--site-model",
        metavar="MODEL",
        help="also strip site boilerplate lines learned by 'arnorm learn'",
    )
    clean.add_argument(
        "--group",
        metavar="VALUE",
        help="with --site-model: the group (site) of every document, instead of its field",
    )
    _add_options(clean)
    explain = commands.add_parser("explain", help="print each change with its rule id")
    explain.add_argument("file", help="input file (- for stdin)")
    _add_options(explain)
    learn = commands.add_parser(
        "learn",
        help="learn site boilerplate lines from a JSON Lines corpus",
        description="Learn the lines that recur in the head or tail of one group's documents "
        "(rule B6) and write them as an editable JSON model for 'arnorm clean --site-model'.",
    )
    learn.add_argument("file", nargs="?", default="-", help="JSON Lines input (- for stdin)")
    learn.add_argument("-o", "--output", required=True, help="the model file to write (JSON)")
    learn.add_argument(
        "--group-by", required=True, metavar="FIELD", help="the field that names the site"
    )
    _add_corpus_options(learn, jsonl_only=True)
    learn.add_argument(
        "--window",
        type=int,
        default=corpus.DEFAULT_WINDOW,
        help=f"lines of head and tail to look at (default {corpus.DEFAULT_WINDOW})",
    )
    learn.add_argument(
        "--min-documents",
        type=int,
        default=corpus.DEFAULT_MIN_DOCUMENTS,
        help=f"a line must recur in this many documents (default {corpus.DEFAULT_MIN_DOCUMENTS})",
    )
    learn.add_argument(
        "--min-share",
        type=float,
        default=corpus.DEFAULT_MIN_SHARE,
        help=f"... and in this share of its group's documents (default {corpus.DEFAULT_MIN_SHARE})",
    )
    learn.add_argument(
        "--max-length",
        type=int,
        default=corpus.DEFAULT_MAX_LENGTH,
        help=f"longer lines are content (default {corpus.DEFAULT_MAX_LENGTH} characters)",
    )
    learn.add_argument(
        "--max-words",
        type=int,
        default=corpus.DEFAULT_MAX_WORDS,
        help=f"lines of more words are content (default {corpus.DEFAULT_MAX_WORDS})",
    )
    learn.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="learn from the first N documents of each group (default: all)",
    )
    learn.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    _add_options(learn)
    return parser


def _add_corpus_options(parser: argparse.ArgumentParser, jsonl_only: bool = False) -> None:
    parser.add_argument(
        "--field",
        metavar="NAME",
        default="text" if jsonl_only else None,
        help="the input is JSON Lines; clean this field, keep the others "
        "(default for .jsonl/.ndjson input: text)",
    )
    parser.add_argument(
        "--html", action="store_true", help="the documents are HTML: convert them to text first"
    )
    if jsonl_only:
        parser.add_argument(
            "--skip-bad",
            action="store_true",
            help="count and skip malformed JSON lines instead of stopping",
        )


def _cleaner(arguments: argparse.Namespace) -> Cleaner:
    options = {
        option.name: tuple(value) if isinstance(value, list) else value
        for option in OPTIONS
        if (value := getattr(arguments, option.name)) is not None
    }
    return Cleaner(arguments.profile, enable=arguments.enable, disable=arguments.disable, **options)


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def _field(arguments: argparse.Namespace) -> str | None:
    if arguments.field is not None:
        return str(arguments.field)
    return "text" if str(arguments.file).endswith(JSONL_SUFFIXES) else None


def _clean(arguments: argparse.Namespace, cleaner: Cleaner) -> int:
    site_model = None
    if arguments.site_model is not None:
        try:
            site_model = SiteModel.load(arguments.site_model)
        except (OSError, ValueError) as error:
            raise InputError(
                f"{arguments.site_model}: cannot read the site model: {error}"
            ) from None
    field = _field(arguments)
    if site_model is not None and field is None and arguments.group is None:
        raise InputError("--site-model on a text file needs --group (the site of the document)")
    job = Job(
        cleaner,
        field=field,
        html=arguments.html,
        report=arguments.report is not None,
        site_model=site_model,
        group=arguments.group,
    )
    if arguments.html:
        html_to_text("")  # fail early, with a clear message, when HTML support is missing
    jobs = arguments.jobs if arguments.jobs > 0 else (os.cpu_count() or 1)
    show_progress = not arguments.quiet and sys.stderr.isatty()

    def warn(message: str) -> None:
        if not arguments.quiet:
            print(f"arnorm: skipped {message}", file=sys.stderr)

    stats = run(
        job,
        arguments.file,
        arguments.output,
        jobs=jobs,
        skip_bad=arguments.skip_bad,
        progress=show_progress,
        on_bad_line=warn,
    )
    if arguments.report is not None:
        with AtomicOutput(arguments.report) as out:
            json.dump(stats.as_json(), out, ensure_ascii=False, indent=1)
            out.write("\n")
    return 0


def _learn(arguments: argparse.Namespace, cleaner: Cleaner) -> int:
    field = str(arguments.field)
    group_by = str(arguments.group_by)
    counts = LineCounts(arguments.window)
    source = Input(arguments.file)
    bad = 0
    try:
        for number, raw in enumerate(source.lines(), 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                text = record[field]
                group = record.get(group_by)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                if arguments.skip_bad:
                    bad += 1
                    continue
                raise InputError(
                    f"{source.name}:{number}: not a JSON object with a {field!r} field ({error})"
                ) from None
            if isinstance(text, str) and group is not None:
                seen = counts.groups.get(str(group))
                if arguments.sample is not None and seen and seen.documents >= arguments.sample:
                    continue
                if arguments.html:
                    text = html_to_text(text)
                counts.add_document(cleaner(text), str(group))
    finally:
        source.close()
    model = counts.model(
        group_by,
        min_documents=arguments.min_documents,
        min_share=arguments.min_share,
        max_length=arguments.max_length,
        max_words=arguments.max_words,
    )
    with AtomicOutput(arguments.output) as out:
        json.dump(model.as_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
    if not arguments.quiet:
        learned = sum(len(lines) for lines in model.groups.values())
        skipped = f", {bad} bad lines skipped" if bad else ""
        print(
            f"arnorm: {learned} lines learned over {len(model.groups)} groups{skipped}",
            file=sys.stderr,
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        cleaner = _cleaner(arguments)
    except ValueError as error:
        parser.error(str(error))
    if getattr(arguments, "jobs", 1) < 0:
        parser.error("--jobs must be 0 (one per core) or more")
    try:
        if arguments.command == "clean":
            return _clean(arguments, cleaner)
        if arguments.command == "learn":
            return _learn(arguments, cleaner)
        report = cleaner.explain(read_text(arguments.file))
        write_text(None, str(report) + "\n")
    except InputError as error:
        print(f"arnorm: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("arnorm: interrupted; no output written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error worth a traceback
        return 0
    return 0
