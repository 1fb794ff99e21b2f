"""Pipeline: an ordered, immutable, picklable list of rules, compiled once, run on many texts.

Running a pipeline on a text (the *fast path*):

1. document rules (encoding repair, NFC) on the whole text;
2. the gates, computed lazily from the repaired text (:class:`~arnorm.context.Context`);
3. character rules on each segment outside the protected spans;
4. line-phase text rules (whitespace layout) on the whole text, then line rules, repeated
   until no line rule removes anything (so the result is a fixed point).

A rule runs only if its trigger is present: one scan of the text for the union of all the
character triggers tells which rules can fire, and is repeated only after a rule that may have
written another rule's trigger.  :meth:`Pipeline.explain` runs the same steps recording each
rule's edits; its output equals the fast path's by construction, and a property test checks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from arnorm.context import Context
from arnorm.options import Options
from arnorm.protect import protected_spans
from arnorm.report import Edit, Report, apply_edits
from arnorm.rule import LineRule, Phase, Rule, line_edits

# Line rules are applied until none removes anything; this bounds the rounds.
MAX_LINE_ROUNDS = 8


def require_str(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to do."""
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"{name} must be str, not {type(text).__name__}; decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise TypeError(f"{name} must be str, not {type(text).__name__}")


class _Compiled:
    """One rule ready to run: its trigger as a set of characters or a predicate."""

    __slots__ = ("characters", "invalidates", "predicate", "rule")

    def __init__(self, rule: Rule, scanned: frozenset[str], use_trigger: bool):
        self.rule = rule
        trigger = rule.trigger if use_trigger else None
        self.characters = frozenset(trigger) if isinstance(trigger, str) else None
        self.predicate = trigger if callable(trigger) else None
        # Does a change by this rule oblige us to rescan the other rules' triggers?
        self.invalidates = rule.produces is None or not scanned.isdisjoint(rule.produces)


class Pipeline:
    """An ordered list of rules compiled with a set of options.

    >>> from arnorm.chars.marks import stray_tanween
    >>> Pipeline([stray_tanween])("تٌفرض")
    'تُفرض'
    """

    def __init__(
        self,
        rules: Iterable[Rule],
        options: Mapping[str, object] | None = None,
        *,
        use_triggers: bool = True,
    ):
        from arnorm.catalogue import OPTIONS

        self.use_triggers = use_triggers  # False: every rule runs on every text (reference path)
        self.rules: tuple[Rule, ...] = tuple(rules)
        seen: set[str] = set()
        for rule in self.rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"a pipeline holds arnorm rules, not {type(rule).__name__}")
            if rule.id in seen:
                raise ValueError(f"rule {rule.id} is twice in the pipeline")
            seen.add(rule.id)
        self.options = options if isinstance(options, Options) else Options(OPTIONS, options)
        self._compile()

    def _compile(self) -> None:
        active = [rule for rule in self.rules if rule.is_enabled(self.options)]
        trigger_characters = frozenset(
            character
            for rule in active
            if isinstance(rule.trigger, str)
            for character in rule.trigger
        )
        self._scanner = (
            re.compile("[" + "".join(re.escape(c) for c in sorted(trigger_characters)) + "]")
            if trigger_characters
            else None
        )

        def compiled(phase: Phase, line_rules: bool = False) -> tuple[_Compiled, ...]:
            return tuple(
                _Compiled(rule, trigger_characters, self.use_triggers)
                for rule in active
                if rule.phase == phase and isinstance(rule, LineRule) == line_rules
            )

        self._document = compiled(Phase.DOCUMENT)
        self._character = compiled(Phase.CHARACTER)
        self._layout = compiled(Phase.LINE)
        self._lines = tuple(
            c.rule for c in compiled(Phase.LINE, line_rules=True) if isinstance(c.rule, LineRule)
        )
        phases = [rule.phase for rule in active]
        if phases != sorted(phases):
            raise ValueError("rules must be ordered by phase: document, character, line")

    # -- running ---------------------------------------------------------------------------

    def __call__(self, text: str) -> str:
        """Clean one text."""
        return self._run(require_str(text), None)

    def explain(self, text: str) -> Report:
        """Clean one text and report every change, with its rule id and position in ``text``."""
        report = Report(require_str(text))
        report.output = self._run(text, report)
        return report

    def clean_batch(self, texts: Iterable[str | None]) -> list[str | None]:
        """Clean many texts; ``None`` passes through unchanged (dataframe nulls)."""
        return [None if text is None else self(text) for text in texts]

    def _run(self, text: str, report: Report | None) -> str:
        if not text:
            return text
        ctx = Context(text, self.options)
        if self._document:
            text = self._apply(self._document, text, ctx, report, 0)
            ctx = Context(text, self.options)
        if report is not None:
            report.gates = ctx.gates()
        if self._character:
            text = self._apply_outside_protected(text, ctx, report)
        if self._layout:
            text = self._apply(self._layout, text, ctx, report, 0)
        if self._lines:
            text = self._remove_lines(text, ctx, report)
        return text

    def _apply_outside_protected(self, text: str, ctx: Context, report: Report | None) -> str:
        spans = protected_spans(text)
        if not spans:
            return self._apply(self._character, text, ctx, report, 0)
        pieces: list[str] = []
        written = 0  # length of the output so far: where the next segment now starts
        position = 0
        for start, end in [*spans, (len(text), len(text))]:
            segment = self._apply(self._character, text[position:start], ctx, report, written)
            pieces.append(segment)
            pieces.append(text[start:end])
            written += len(segment) + end - start
            position = end
        return "".join(pieces)

    def _trigger_set(self, text: str) -> frozenset[str]:
        return frozenset(self._scanner.findall(text)) if self._scanner else frozenset()

    def _apply(
        self,
        rules: Sequence[_Compiled],
        text: str,
        ctx: Context,
        report: Report | None,
        offset: int,
    ) -> str:
        present: frozenset[str] | None = None
        for item in rules:
            rule = item.rule
            if rule.skip_when and rule.skipped(ctx):
                continue
            if item.characters is not None:
                if present is None:
                    present = self._trigger_set(text)
                if present.isdisjoint(item.characters):
                    continue
            elif item.predicate is not None and not item.predicate(text):
                continue
            if report is None:
                new = rule.apply(text, ctx)
            else:
                edits = rule.edits(text, ctx)
                new = apply_edits(text, edits)
                report.add_step(rule.id, _shifted(edits, offset))
            if new is not text and new != text:
                text = new
                if item.invalidates:
                    present = None
        return text

    def _remove_lines(self, text: str, ctx: Context, report: Report | None) -> str:
        lines = text.split("\n")
        origins: list[int] = []  # where each line began in ``text``, for reports
        if report is not None:
            report.start_line_phase()
            position = 0
            for line in lines:
                origins.append(position)
                position += len(line) + 1
        for _ in range(MAX_LINE_ROUNDS):
            removed_any = False
            for rule in self._lines:
                drop = rule.find(lines, ctx)
                if not drop:
                    continue
                if report is not None:
                    report.add_step(rule.id, line_edits(lines, drop, origins))
                    origins = [o for index, o in enumerate(origins) if index not in drop]
                lines = [line for index, line in enumerate(lines) if index not in drop]
                removed_any = True
            if not removed_any:
                break
        return "\n".join(lines)

    # -- deriving new pipelines ------------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        """The rule ids, in order."""
        return tuple(rule.id for rule in self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def disable(self, *names: str) -> Pipeline:
        """A new pipeline without the named rules (ids, rulebook codes or family names)."""
        from arnorm.catalogue import select

        dropped = {rule.id for rule in select(names, self.rules)}
        return Pipeline([r for r in self.rules if r.id not in dropped], self.options)

    def enable(self, *names: str) -> Pipeline:
        """A new pipeline with the named catalogue rules added in catalogue order."""
        from arnorm.catalogue import CATALOGUE, select

        wanted = {rule.id for rule in select(names, CATALOGUE)} | set(self.ids)
        extra = [rule for rule in self.rules if rule.id not in {r.id for r in CATALOGUE}]
        ordered = [rule for rule in CATALOGUE if rule.id in wanted]
        return Pipeline(_merge_by_phase(ordered, extra), self.options)

    def replace(self, rule_id: str, rule: Rule) -> Pipeline:
        """A new pipeline with the rule ``rule_id`` replaced by ``rule``."""
        if rule_id not in self.ids:
            raise ValueError(
                f"no rule {rule_id} in this pipeline; its rules: {', '.join(self.ids)}"
            )
        return Pipeline([rule if r.id == rule_id else r for r in self.rules], self.options)

    def with_options(self, **options: object) -> Pipeline:
        """A new pipeline with some options changed."""
        return Pipeline(self.rules, {**self.options, **options})

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make_pipeline, (self.rules, dict(self.options), self.use_triggers))

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(self.ids)}], {self.options!r})"


def _make_pipeline(
    rules: tuple[Rule, ...], options: dict[str, object], use_triggers: bool
) -> Pipeline:
    return Pipeline(rules, options, use_triggers=use_triggers)


def _merge_by_phase(ordered: list[Rule], extra: list[Rule]) -> list[Rule]:
    # User rules keep their relative order, after the catalogue rules of the same phase.
    result = list(ordered)
    for rule in extra:
        index = max((i + 1 for i, r in enumerate(result) if r.phase <= rule.phase), default=0)
        result.insert(index, rule)
    return result


def _shifted(edits: list[Edit], offset: int) -> list[Edit]:
    if not offset:
        return edits
    return [edit._replace(start=edit.start + offset, end=edit.end + offset) for edit in edits]
