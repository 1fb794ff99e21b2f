"""Profiles: named selections from the catalogue, with option defaults (presets as data).

A rule says which profiles include it (``profiles=`` in its decorator); a profile adds the
option values it needs.  ``repair`` is the default: it changes only what is wrong or
equivalent.  ``search`` adds the lossy folding of search indexes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from arnorm.catalogue import CATALOGUE, select
from arnorm.pipeline import Pipeline
from arnorm.rule import Rule


@dataclass(frozen=True)
class Profile:
    """A named preset: the catalogue rules tagged with its name, and its option defaults."""

    name: str
    doc: str
    options: Mapping[str, object] = field(default_factory=dict)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The profile's rules, in catalogue order."""
        return tuple(rule for rule in CATALOGUE if self.name in rule.profiles)


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "repair",
            "The default: repair what is wrong (encoding, invisible characters, stray marks, "
            "digit script) and remove boilerplate lines; correct text is left alone.",
        ),
        Profile(
            "search",
            "Repair, then fold for search indexes and queries (lossy): alef variants, teh "
            "marbuta, alef maksura, diacritics and tatweel.",
            {"digits": "latin"},
        ),
    )
}


def build(
    profile: str = "repair",
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    options: Mapping[str, object] | None = None,
) -> Pipeline:
    """Compile the pipeline of ``profile`` with rules added, removed and options set."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; profiles: {', '.join(PROFILES)}")
    chosen = PROFILES[profile]
    enabled = {rule.id for rule in select(enable, CATALOGUE)}
    disabled = {rule.id for rule in select(disable, CATALOGUE)}
    rules = [
        rule
        for rule in CATALOGUE
        if (rule in chosen.rules or rule.id in enabled) and rule.id not in disabled
    ]
    return Pipeline(rules, {**chosen.options, **(options or {})})
