"""The catalogue: every rule, in pipeline order, and every option.

This ordered tuple is the single list of rules (markdown-it's ruler chains work so); a profile
selects from it.  ``tests/test_catalogue.py`` pins the order, so a reorder is a visible diff.
"""

from __future__ import annotations

from collections.abc import Iterable

from arnorm import boilerplate, chars
from arnorm.context import OPTIONS as GATE_OPTIONS
from arnorm.options import Option
from arnorm.rule import Rule

CATALOGUE: tuple[Rule, ...] = (*chars.RULES, *boilerplate.RULES)
OPTIONS: tuple[Option, ...] = (*GATE_OPTIONS, *chars.OPTIONS, *boilerplate.OPTIONS)
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(rule.family for rule in CATALOGUE))


def rule(name: str) -> Rule:
    """The catalogue rule with this id or rulebook code (``marks.stray_tanween`` or ``M2``)."""
    found = select([name], CATALOGUE)
    if len(found) != 1:
        raise ValueError(f"{name!r} names {len(found)} rules, not one")
    return found[0]


def select(names: Iterable[str], rules: Iterable[Rule]) -> list[Rule]:
    """The rules named by ids, rulebook codes or family names; unknown names raise ValueError."""
    rules = list(rules)
    names = [names] if isinstance(names, str) else list(names)
    known = {r.id for r in CATALOGUE} | {r.code for r in CATALOGUE} | set(FAMILIES)
    known |= {r.id for r in rules} | {r.code for r in rules} | {r.family for r in rules}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(
            f"unknown rule or family {', '.join(map(repr, unknown))}; families: "
            f"{', '.join(FAMILIES)} (arnorm.rules() lists every rule id)"
        )
    wanted = set(names)
    return [r for r in rules if r.id in wanted or r.code in wanted or r.family in wanted]
