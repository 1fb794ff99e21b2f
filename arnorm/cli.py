"""The ``arnorm`` command (also ``python -m arnorm``).

``arnorm clean [FILE|-] [-o OUT]`` cleans a UTF-8 text file; ``arnorm explain FILE`` prints
each change with its rule id.  Every option of :data:`arnorm.OPTIONS` is a flag
(``--digits keep``, ``--no-boilerplate``), generated from the option table so the command line
and the library never disagree.  User mistakes (a missing file, bytes that are not UTF-8, a bad
option) print one line naming the file and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from arnorm.catalogue import OPTIONS
from arnorm.cleaner import Cleaner
from arnorm.profiles import PROFILES

EXIT_USAGE = 2
EXIT_INPUT = 1


class InputError(Exception):
    """A problem with the user's input or output file, reported in one line."""


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
        if set(option.allowed) == {True, False}:
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
    clean = commands.add_parser("clean", help="clean a UTF-8 text file")
    clean.add_argument("file", nargs="?", default="-", help="input file (default: - for stdin)")
    clean.add_argument("-o", "--output", help="output file (default: stdout)")
    _add_options(clean)
    explain = commands.add_parser("explain", help="print each change with its rule id")
    explain.add_argument("file", help="input file (- for stdin)")
    _add_options(explain)
    return parser


def _cleaner(arguments: argparse.Namespace) -> Cleaner:
    options = {
        option.name: getattr(arguments, option.name)
        for option in OPTIONS
        if getattr(arguments, option.name) is not None
    }
    return Cleaner(arguments.profile, enable=arguments.enable, disable=arguments.disable, **options)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        cleaner = _cleaner(arguments)
    except ValueError as error:
        parser.error(str(error))
    try:
        text = read_text(arguments.file)
        if arguments.command == "clean":
            output = cleaner(text)
            write_text(arguments.output, output + "\n" if output else output)
        else:
            report = cleaner.explain(text)
            write_text(None, str(report) + "\n")
    except InputError as error:
        print(f"arnorm: {error}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error worth a traceback
        return 0
    return 0
