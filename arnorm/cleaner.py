"""Cleaner: a profile, its options and switched rules, compiled once for many texts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from arnorm.pipeline import Pipeline, require_str
from arnorm.profiles import build
from arnorm.report import Report
from arnorm.rule import Rule


class Cleaner:
    """A reusable cleaner: ``Cleaner(profile="repair", enable=(), disable=(), **options)``.

    It compiles its pipeline once; it is immutable, thread-safe, and pickles as its settings
    (small pickles for multiprocessing, Dask and datatrove workers).

    >>> cleaner = Cleaner(digits="keep", disable=["boilerplate"])
    >>> cleaner("عام ٢٠٢٣ تٌفرض")
    'عام ٢٠٢٣ تُفرض'
    """

    def __init__(
        self,
        profile: str = "repair",
        *,
        enable: Iterable[str] = (),
        disable: Iterable[str] = (),
        **options: object,
    ):
        self.profile = profile
        self.enabled = _names(enable, "enable")
        self.disabled = _names(disable, "disable")
        self.pipeline: Pipeline = build(profile, self.enabled, self.disabled, options)
        self.options = self.pipeline.options
        self._run = self.pipeline._run

    def __call__(self, text: str) -> str:
        """Clean one text."""
        if text.__class__ is not str:
            text = require_str(text)
        return self._run(text, None)

    clean = __call__

    def explain(self, text: str) -> Report:
        """Clean one text and report each change with its rule id, position and reason."""
        return self.pipeline.explain(text)

    def clean_batch(self, texts: Iterable[str | None]) -> list[str | None]:
        """Clean many texts; ``None`` passes through (dataframe nulls)."""
        return self.pipeline.clean_batch(texts)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules this cleaner runs, in order."""
        return self.pipeline.rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.pipeline)

    def _settings(self) -> dict[str, Any]:
        return {"enable": self.enabled, "disable": self.disabled, **self.options}

    def with_options(self, **options: object) -> Cleaner:
        """A new cleaner with some options changed."""
        return Cleaner(self.profile, **{**self._settings(), **options})

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make_cleaner, (self.profile, self._settings()))

    def __repr__(self) -> str:
        # The rules enabled and disabled by name too: two cleaners that print alike clean alike.
        named = "".join(
            f", {name}={rules!r}"
            for name, rules in (("enable", self.enabled), ("disable", self.disabled))
            if rules
        )
        return f"Cleaner({self.profile!r}, {self.options!r}{named})"


def _make_cleaner(profile: str, settings: dict[str, Any]) -> Cleaner:
    return Cleaner(profile, **settings)


def _names(names: Iterable[str], what: str) -> tuple[str, ...]:
    if isinstance(names, str):
        return (names,)
    result = tuple(names)
    for name in result:
        if not isinstance(name, str):
            raise TypeError(
                f"{what} takes rule ids or family names (str), not {type(name).__name__}"
            )
    return result


@lru_cache(maxsize=64)
def cached_cleaner(
    profile: str,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    options: tuple[tuple[str, object], ...],
) -> Cleaner:
    """The compiled cleaner for one set of settings (the cache behind :func:`clean`)."""
    return Cleaner(profile, enable=enable, disable=disable, **dict(options))


def _cleaner_for(
    profile: str, enable: Iterable[str], disable: Iterable[str], options: dict[str, object]
) -> Cleaner:
    key = tuple(sorted(options.items()))
    try:
        return cached_cleaner(profile, _names(enable, "enable"), _names(disable, "disable"), key)
    except TypeError as error:
        if "unhashable" not in str(error):
            raise
        return Cleaner(profile, enable=enable, disable=disable, **options)


def clean(
    text: str,
    profile: str = "repair",
    *,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    **options: object,
) -> str:
    """Clean ``text`` with a profile (``repair`` by default) and options.

    The compiled pipeline is cached per set of settings, so calling ``clean`` in a loop is
    as fast as holding a :class:`Cleaner`.

    >>> clean("تٌفرض عقوبات منذ عام ٢٠٢٢")
    'تُفرض عقوبات منذ عام 2022'
    """
    if text.__class__ is not str:
        text = require_str(text)
    if profile == "repair" and not enable and not disable and not options:
        run = _DEFAULT_RUN or _default_run()
        return run(text, None)
    return _cleaner_for(profile, enable, disable, options)(text)


_DEFAULT_RUN: Callable[[str, Report | None], str] | None = None


def _default_run() -> Callable[[str, Report | None], str]:
    # The default cleaner's entry point, kept aside: clean(text) skips the cache lookup.
    global _DEFAULT_RUN
    _DEFAULT_RUN = cached_cleaner("repair", (), (), ())._run
    return _DEFAULT_RUN


def explain(
    text: str,
    profile: str = "repair",
    *,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    **options: object,
) -> Report:
    """Clean ``text`` and report every change: rule id, position in ``text``, before, after.

    >>> report = explain("تٌفرض")
    >>> [(c.rule, c.start, c.before, c.after) for c in report.changes] == [
    ...     ("marks.stray_tanween", 1, "\u064c", "\u064f")]
    True
    """
    require_str(text)
    return _cleaner_for(profile, enable, disable, options).explain(text)
