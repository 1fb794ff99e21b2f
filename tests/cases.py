"""Load the data-driven rule cases of ``tests/cases/*.tsv``.

One case a line, tab-separated: ``rule id``, ``input``, ``expected``, ``options``, ``note``.
``expected`` may be ``=`` (the input must come out unchanged: a "must NOT change" case), or
``=reported`` (unchanged, but the rule reports it: report-only rules such as E4).
``options`` is ``name=value;name=value`` or empty.  Inside fields, ``\\n``, ``\\r``, ``\\t``,
``\\uXXXX`` and ``\\\\`` are escapes, so invisible characters stay visible in review.  Lines
starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CASES_DIR = Path(__file__).parent / "cases"
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|n|r|t|\\)")
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}


def unescape(field: str) -> str:
    """Decode the escapes of a case field."""

    def decode(match: re.Match[str]) -> str:
        code = match.group(1)
        if code in _SIMPLE:
            return _SIMPLE[code]
        return chr(int(code[1:], 16))

    return _ESCAPE.sub(decode, field)


def _value(text: str) -> object:
    return {"true": True, "false": False}.get(text.lower(), text)


@dataclass(frozen=True)
class Case:
    rule: str
    input: str
    expected: str
    options: dict[str, object]
    note: str
    where: str
    # The rule must report this case in explain(): it changes the text, or it is a
    # report-only rule's "=reported" case.
    reported: bool = False

    @property
    def id(self) -> str:
        return f"{self.where}:{self.rule}"


def load_cases() -> list[Case]:
    """Every case of every file under ``tests/cases``."""
    cases = []
    for path in sorted(CASES_DIR.glob("*.tsv")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 3:
                raise ValueError(f"{path.name}:{number}: expected at least 3 tab-separated fields")
            fields += [""] * (5 - len(fields))
            rule, source, expected, options, note = fields[:5]
            source = unescape(source)
            parsed = {
                name.strip(): _value(value.strip())
                for name, _, value in (item.partition("=") for item in options.split(";") if item)
            }
            unchanged = expected in ("=", "=reported")
            target = source if unchanged else unescape(expected)
            reported = expected == "=reported" or target != source
            where = f"{path.name}:{number}"
            cases.append(Case(rule, source, target, parsed, note, where, reported))
    return cases
