"""The normaliser protocol: a named rule with a stable id, a docstring, a trigger and a function.

Three kinds of rule, each made by a decorator over the function that does the work:

* :func:`substitution`: a regular expression and a replacement function ``(match, ctx) -> str``.
  Its changes for :func:`arnorm.explain` are exactly its matches, so the report and the output
  cannot disagree.
* :func:`rewrite`: a function ``(text, ctx) -> str`` over a whole text or segment (encoding
  repair, NFC).  Its changes are found by diffing.
* :func:`line_rule`: a function ``(lines, ctx) -> {index: reason}`` naming the lines to drop.

The decorated name becomes a :class:`Rule` that keeps the function's docstring (doctests run in
CI) and, called as ``rule(text, **options)``, applies that rule alone: the *reference path* the
compiled :class:`~arnorm.pipeline.Pipeline` must agree with.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, count
from typing import Any

from arnorm.context import Context
from arnorm.options import Options
from arnorm.report import Edit, diff_edits


class Phase(enum.IntEnum):
    """When a rule runs: document rules, then character rules, then line rules."""

    DOCUMENT = 0  # whole text: encoding repair, NFC; before the gates and protected spans
    CHARACTER = 1  # each segment outside protected spans (URLs, e-mails, Latin+digit tokens)
    LINE = 2  # whole text after character rules: whitespace layout and line removals


Gate = str  # the name of a boolean Context attribute: "quranic", "visual", "persian_like", ...
Trigger = str | Callable[[str], bool] | None
ReplaceFunction = Callable[["re.Match[str]", Context], str]
RewriteFunction = Callable[[str, Context], str]
LineFunction = Callable[[Sequence[str], Context], Mapping[int, str]]


class Rule:
    """A named, documented normaliser.

    ``id`` is ``family.name`` (``marks.stray_tanween``), also the function's name in its module;
    ``code`` is the rulebook id (``M2``).  ``trigger`` is either the characters without which
    the rule cannot change anything, a predicate on the text, or ``None`` (always runs).
    ``skip_when`` names context gates that turn the rule off for a document; ``enabled_if``
    decides from the options whether the rule is in a pipeline at all.  ``profiles`` are the
    profiles that include the rule by default.  ``produces`` lists the characters the rule may
    write (``None``: unknown), so the pipeline knows when other rules' triggers must be rescanned.
    ``fusable`` (substitutions only) lets the pipeline merge the rule with its fusable neighbours
    into one alternation scan: the rule promises its pattern has no groups and its matches do
    not overlap theirs (a property test checks fused == one by one).
    ``word_local`` (character rules only): every change the rule makes lies in a word (a run of
    characters other than space and newline) that contains one of its trigger characters, and
    depends only on that word and the character just before and after it.  The pipeline then
    runs a family of such rules on those words alone (:mod:`arnorm.windows`).
    ``judged_on_output`` (document rules): what the rule reads of a line, when it judges whole
    lines and the rules after it can change what it judged (E2: ftfy reads a line as a whole,
    and a later rule deletes a tatweel or a mark in it).  The pipeline then runs the rule on
    the output once more, and cleans the output again if it would change it, as the next run
    would.  Such a rule keeps the text it judged in ``ctx.memo[id]``: only the lines of the
    output whose reading is not that of a line it judged are judged again (French prose no
    rule changed, or a line whose Arabic the search folds changed, costs nothing twice).
    """

    phase: Phase

    def __init__(
        self,
        function: Callable[..., Any],
        *,
        id: str,
        code: str,
        trigger: Trigger,
        profiles: Iterable[str],
        skip_when: Iterable[Gate] = (),
        enabled_if: Callable[[Options], bool] | None = None,
        produces: str | None = None,
        fusable: bool = False,
        word_local: bool = False,
        judged_on_output: Callable[[str], str] | None = None,
    ):
        family, _, name = id.partition(".")
        if not family or not name or name != function.__name__:
            raise ValueError(f"rule id {id!r} must be 'family.{function.__name__}'")
        self.id = id
        self.family = family
        self.code = code
        self.trigger = trigger
        self.profiles = frozenset(profiles)
        self.skip_when = tuple(skip_when)
        self.enabled_if = enabled_if
        self.produces = produces
        self.fusable = fusable
        self.word_local = word_local
        self.judged_on_output = judged_on_output
        self.function = function
        # Let doctest, help() and the docs generator see the wrapped function.
        self.__wrapped__ = function
        self.__doc__ = function.__doc__
        self.__name__ = function.__name__
        self.__qualname__ = function.__qualname__
        self.__module__ = function.__module__

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return (self.__doc__ or "").strip().splitlines()[0] if self.__doc__ else ""

    def is_enabled(self, options: Options) -> bool:
        """Whether the rule belongs in a pipeline compiled with ``options``."""
        return self.enabled_if is None or self.enabled_if(options)

    def skipped(self, ctx: Context) -> bool:
        """Whether a gate of this document turns the rule off."""
        return any(getattr(ctx, gate) for gate in self.skip_when)

    def apply(self, text: str, ctx: Context) -> str:
        """Apply the rule to ``text`` (gates and trigger are the pipeline's business)."""
        raise NotImplementedError

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        """The edits :meth:`apply` makes, for reports."""
        return diff_edits(text, self.apply(text, ctx))

    def __call__(self, text: str, **options: object) -> str:
        """Apply this rule alone to ``text``, with its gates: the reference implementation."""
        from arnorm.pipeline import Pipeline

        return Pipeline([self], options)(text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rules pickle by reference (module and name), so pipelines pickle small.
        return (_rule_from_module, (self.__module__, self.__name__))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} ({self.code})>"


def _rule_from_module(module: str, name: str) -> Rule:
    import importlib

    rule = getattr(importlib.import_module(module), name)
    if not isinstance(rule, Rule):
        raise TypeError(f"{module}.{name} is not an arnorm rule")
    return rule


class Substitution(Rule):
    """A rule made of one regular expression and a replacement function."""

    phase = Phase.CHARACTER

    def __init__(
        self,
        function: ReplaceFunction,
        pattern: re.Pattern[str],
        phase: Phase,
        fast: RewriteFunction | None = None,
        **kwargs: Any,
    ):
        super().__init__(function, **kwargs)
        self.pattern = pattern
        self.phase = phase
        self.fast = fast

    def apply(self, text: str, ctx: Context) -> str:
        # The pattern's substitution: the reference.  The pipeline's fast path uses ``fast``
        # when there is one, and a property test compares the two paths.
        replace = self.function
        return self.pattern.sub(lambda match: replace(match, ctx), text)

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        result = []
        for match in self.pattern.finditer(text):
            after = self.function(match, ctx)
            if after != match.group():
                result.append(Edit(match.start(), match.end(), after))
        return result


class Rewrite(Rule):
    """A rule that rewrites a whole text or segment with one function."""

    def __init__(self, function: RewriteFunction, phase: Phase, **kwargs: Any):
        super().__init__(function, **kwargs)
        self.phase = phase

    def apply(self, text: str, ctx: Context) -> str:
        result: str = self.function(text, ctx)
        return result


class Removals(Mapping[int, str]):
    """Lines to remove, all for one reason: a line rule's answer without a dict of n entries.

    ``indexes`` are sorted and distinct.  A rule that may remove many lines for one reason
    (B2's repeats of the line before, B3's repeats of the title) returns this instead of
    ``dict.fromkeys(indexes, reason)``: building that dict cost more than finding the lines,
    and the pipeline reads the sorted indexes directly.

    Or ``flags`` (``indexes`` is then ``None``): one byte a line, not 0 for each line to
    remove, as a rule that tests all the lines at once finds them.  The pipeline keeps the
    other lines with ``compress`` over the flags, and the indexes are made only when asked.
    """

    __slots__ = ("_indexes", "_members", "flags", "reason")

    def __init__(self, indexes: Sequence[int] | None, reason: str, flags: bytes | None = None):
        if (indexes is None) == (flags is None):
            raise ValueError("Removals takes indexes or flags")
        self._indexes = indexes
        self.flags = flags
        self.reason = reason
        self._members: frozenset[int] | None = None

    @property
    def indexes(self) -> Sequence[int]:
        """The indexes of the lines to remove, sorted."""
        if self._indexes is None:
            self._indexes = list(self)
        return self._indexes

    def __getitem__(self, index: int) -> str:
        if index in self:
            return self.reason
        raise KeyError(index)

    def __contains__(self, index: object) -> bool:
        if self.flags is not None:
            return (
                isinstance(index, int) and 0 <= index < len(self.flags) and self.flags[index] != 0
            )
        if self._members is None:
            self._members = frozenset(self.indexes)
        return index in self._members

    def __iter__(self) -> Iterator[int]:
        if self._indexes is None and self.flags is not None:
            return compress(count(), self.flags)
        return iter(self.indexes)

    def __len__(self) -> int:
        if self._indexes is None and self.flags is not None:
            return len(self.flags) - self.flags.count(0)
        return len(self.indexes)

    def __repr__(self) -> str:
        return f"Removals({len(self)} lines: {self.reason!r})"


class LineRule(Rule):
    """A rule that names whole lines to remove, each with a reason.

    ``prepass``: an optional ``text -> text`` that removes, on the whole text before it is
    split, some of the lines the rule's first application would remove (never others).  The
    pipeline's fast path runs it when the rule is the first line rule; reports and the
    reference path do not, and a property test compares the paths.

    ``line_local``: the rule judges each line alone (not its neighbours or its place), so once
    it has been applied, removing other lines cannot give it anything new to remove: the
    pipeline's fast path applies it once instead of in every round.
    """

    phase = Phase.LINE

    def __init__(
        self,
        function: Callable[..., Any],
        prepass: Callable[[str], str] | None = None,
        line_local: bool = False,
        **kwargs: Any,
    ):
        super().__init__(function, **kwargs)
        self.prepass = prepass
        self.line_local = line_local

    def find(self, lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
        """The indexes of ``lines`` to remove, mapped to the reason for each."""
        found: Mapping[int, str] = self.function(lines, ctx)
        return found

    def apply(self, text: str, ctx: Context) -> str:
        lines = text.split("\n")
        drop = self.find(lines, ctx)
        return "\n".join(line for index, line in enumerate(lines) if index not in drop)

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        lines = text.split("\n")
        return line_edits(lines, self.find(lines, ctx))


def line_edits(
    lines: Sequence[str], drop: Mapping[int, str], origins: Sequence[int] | None = None
) -> list[Edit]:
    """Edits of ``"\\n".join(lines)`` that remove the lines in ``drop`` (with their reasons).

    A removed line takes its following newline with it; the last line takes the newline before
    it instead, so the result is always ``"\\n".join`` of the lines kept.  ``origins`` gives
    where each line began when the line phase started (the edit's ``line_start``).
    """
    starts = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    last_kept = max((i for i in range(len(lines)) if i not in drop), default=-1)
    result = []
    for index in sorted(drop):
        start = starts[index]
        line_start = origins[index] if origins is not None else start
        end = start + len(lines[index])
        if index < last_kept:
            end += 1  # the newline after it
        elif index > 0 and last_kept >= 0:
            start -= 1  # a line after the last kept one: the newline before it
        elif index + 1 < len(lines):
            end += 1
        result.append(Edit(start, end, "", drop[index], line_start))
    return result


def substitution(
    id: str,
    pattern: str | re.Pattern[str],
    *,
    code: str,
    trigger: Trigger,
    profiles: Iterable[str] = ("repair", "search"),
    skip_when: Iterable[Gate] = (),
    enabled_if: Callable[[Options], bool] | None = None,
    produces: str | None = None,
    phase: Phase = Phase.CHARACTER,
    fusable: bool = False,
    fast: RewriteFunction | None = None,
    word_local: bool = False,
) -> Callable[[ReplaceFunction], Substitution]:
    """Make a :class:`Substitution` rule from a replacement function ``(match, ctx) -> str``.

    ``fusable=True``: the pipeline may merge this rule with adjacent fusable substitutions of
    the same phase and gates into one regular-expression pass (the pattern must have no
    groups, and ``produces`` must be given).

    ``fast``: an equivalent implementation of the whole substitution ``(text, ctx) -> str``
    (plain string methods, or a pattern that finds fewer candidates), used by the pipeline's
    fast path to clean; ``explain`` and the reference path (``use_triggers=False``) use the
    pattern, and the property test that compares the two paths checks that both agree.

    ``word_local=True``: see :class:`Rule` (the rule's trigger must be characters).
    """
    if word_local and not isinstance(trigger, str):
        raise ValueError(f"{id}: a word-local rule needs trigger characters")
    compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
    if fusable and (compiled.groups or produces is None):
        raise ValueError(f"{id}: a fusable substitution needs a pattern without groups, produces=")

    def decorate(function: ReplaceFunction) -> Substitution:
        return Substitution(
            function,
            compiled,
            phase,
            fast,
            id=id,
            code=code,
            trigger=trigger,
            profiles=profiles,
            skip_when=skip_when,
            enabled_if=enabled_if,
            produces=produces,
            fusable=fusable,
            word_local=word_local,
        )

    return decorate


def rewrite(
    id: str,
    *,
    code: str,
    trigger: Trigger,
    phase: Phase,
    profiles: Iterable[str] = ("repair", "search"),
    skip_when: Iterable[Gate] = (),
    enabled_if: Callable[[Options], bool] | None = None,
    produces: str | None = None,
    judged_on_output: Callable[[str], str] | None = None,
) -> Callable[[RewriteFunction], Rewrite]:
    """Make a :class:`Rewrite` rule from a function ``(text, ctx) -> str``."""

    def decorate(function: RewriteFunction) -> Rewrite:
        return Rewrite(
            function,
            phase,
            id=id,
            code=code,
            trigger=trigger,
            profiles=profiles,
            skip_when=skip_when,
            enabled_if=enabled_if,
            produces=produces,
            judged_on_output=judged_on_output,
        )

    return decorate


def line_rule(
    id: str,
    *,
    code: str,
    profiles: Iterable[str] = ("repair", "search"),
    enabled_if: Callable[[Options], bool] | None = None,
    prepass: Callable[[str], str] | None = None,
    line_local: bool = False,
) -> Callable[[LineFunction], LineRule]:
    """Make a :class:`LineRule` from a function ``(lines, ctx) -> {index: reason}``."""

    def decorate(function: LineFunction) -> LineRule:
        return LineRule(
            function,
            prepass,
            line_local,
            id=id,
            code=code,
            trigger=None,
            profiles=profiles,
            enabled_if=enabled_if,
        )

    return decorate
