"""Options: what a user can set on a profile, declared by the rule families that read them.

Each family module that reads an option declares it as an :class:`Option` in its ``OPTIONS``
tuple; :mod:`arnorm.catalogue` collects them.  :class:`Options` is the validated, immutable,
hashable set of values a pipeline is compiled with (it is also the cache key of
:func:`arnorm.clean`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """One user option: its name, default, allowed values and what it does.

    An option with free-form values (a tuple of phrases) has a ``validator`` instead of a list
    of values: it returns the value to store (hashable) or raises ``ValueError``;
    ``allowed`` then holds only the default.
    """

    name: str
    default: object
    allowed: tuple[object, ...]
    doc: str
    example: str = ""
    validator: Callable[[object], object] | None = None

    def validate(self, value: object) -> object:
        """Return ``value`` if allowed, else raise ``ValueError`` naming the allowed values."""
        if self.validator is not None:
            try:
                return self.validator(value)
            except ValueError as error:
                raise ValueError(f"option {self.name}={value!r}: {error}") from None
        # bool is an int subclass and 1 == True: compare by type as well as value.
        for allowed in self.allowed:
            if type(value) is type(allowed) and value == allowed:
                return value
        shown = ", ".join(repr(a) for a in self.allowed)
        raise ValueError(f"option {self.name}={value!r} is not allowed; allowed values: {shown}")


class Options(Mapping[str, object]):
    """Validated option values: immutable, hashable, and complete (every option has a value)."""

    __slots__ = ("_hash", "_values")

    def __init__(self, specs: Iterable[Option], values: Mapping[str, object] | None = None):
        by_name = {spec.name: spec for spec in specs}
        given = dict(values or {})
        unknown = sorted(set(given) - set(by_name))
        if unknown:
            known = ", ".join(sorted(by_name))
            raise ValueError(f"unknown option(s) {', '.join(unknown)}; known options: {known}")
        self._values: dict[str, object] = {
            name: spec.validate(given[name]) if name in given else spec.default
            for name, spec in by_name.items()
        }
        self._hash = hash(tuple(sorted((k, repr(v)) for k, v in self._values.items())))

    def __getitem__(self, name: str) -> object:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Options) and self._values == other._values

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"Options({inner})"
