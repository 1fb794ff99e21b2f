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

import functools
import importlib
import operator
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, compress, repeat
from typing import Any

try:  # the regular-expression parser: re._parser since Python 3.11, sre_parse before
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = importlib.import_module("sre_parse")

from arnorm import windows
from arnorm.anchored import Anchor, anchored_sub, literal_anchor
from arnorm.chars.unicode import to_nfc
from arnorm.chars.visual import SIGNAL_LETTERS
from arnorm.context import (
    COSTLY_GATES,
    COUNTING_GATES,
    COUNTING_GROUPS,
    GATE_EVIDENCE,
    GATE_OPTION,
    GATES,
    LOWERED_COUNTS_MATTER,
    Context,
)
from arnorm.options import Options
from arnorm.protect import protected_spans
from arnorm.report import Edit, Report, apply_edits, diff_edits
from arnorm.rule import LineRule, Phase, Removals, Rule, Substitution, line_edits

# Line rules are applied until none removes anything; this bounds the rounds.
MAX_LINE_ROUNDS = 8
# How many times a document is cleaned again when its gates changed (removed lines, or a rule
# that wrote letters they count).
MAX_GATE_RERUNS = 2


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


# Characters found in almost every Arabic text (letters, harakat, digits, spaces).  A trigger
# made of these is tested with ``in`` (which stops at the first occurrence); the other trigger
# characters are found by one scan whose matches are rare, so building its result is cheap.
FREQUENT = frozenset(chr(code) for code in range(0x0621, 0x0653)) | frozenset(
    " \n.,:0123456789\u0640\u060c\u0670"
)
# A step with this many trigger characters or fewer is tested with ``in`` when the trigger
# characters of the text are not known (a rule before it may have written any).
FEW_TRIGGERS = 4
# A text dense in short runs of scanned characters (digits between letters, forms between
# spaces, Latin words) makes the scan build one item per run: past _DENSE_RUNS runs in its
# first _SAMPLE characters, the presence set is taken from the set of its characters (one hash
# each, ~25 ms per million characters; the scan took up to 55 ms there, and 4 on Arabic prose).
_SAMPLE = 4096
_DENSE_RUNS = 256
# ... unless those runs are of this many distinct characters or fewer (see _present).
_FEW_DENSE = 4
# A text of _MISSING_MIN characters or more, dense in many, or with long runs: the rest is
# searched only for the scanned characters its sample has not shown, with one pattern of those
# (compiled per set and cached): the search runs in C at ~3 ms a million characters, where
# hashing each character took 25 (once for each rule that may write anything: it was a third of
# the time a MB of E1's triggers between letters took beyond ordinary text), and deleting the
# runs before a scan 13.  Each character found after the sample costs a new pattern (~3 ms to
# compile), so after _MISSING_SEARCHES of them the rest is scanned as before; a shorter text is
# hashed at once (cheaper than one compile).
_MISSING_MIN = 200_000
_MISSING_SEARCHES = 4
# Without one of these a text has no protected span (URLs, e-mails and Latin tokens need a
# Latin letter, e-mails an @): what ``arnorm.protect._LATIN`` looks for, found by the same scan.
PROTECT_STARTERS = frozenset("@abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class _Compiled:
    """One step ready to run: a rule (or fused rules), its trigger and its gates."""

    __slots__ = (
        "apply",
        "characters",
        "edits",
        "gates",
        "id",
        "invalidates",
        "lazy_gates",
        "predicate",
        "rule",
        "shifts_counts",
        "writes_evidence",
    )

    def __init__(
        self,
        rule: Rule,
        scanned: frozenset[str],
        use_trigger: bool,
        evidence: frozenset[str] = frozenset(),
    ):
        self.rule = rule
        self.id = rule.id
        self.apply: Callable[[str, Context], str] = rule.apply
        self.edits = rule.edits
        # The cheap gates, read before the rule runs, and the costly ones, read only when it
        # would change the text (see COSTLY_GATES).
        self.gates = tuple(gate for gate in rule.skip_when if gate not in COSTLY_GATES)
        self.lazy_gates = tuple(gate for gate in rule.skip_when if gate in COSTLY_GATES)
        trigger = rule.trigger if use_trigger else None
        self.characters = frozenset(trigger) if isinstance(trigger, str) else None
        self.predicate = trigger if callable(trigger) else None
        if use_trigger and trigger is None and isinstance(rule, Substitution):
            # A pattern that cannot match without a literal (two spaces, "&nbsp;") gets a
            # free trigger: ``in`` tests run at thousands of MB/s.
            self.predicate = _contains_any(required_literals(rule.pattern))
        if use_trigger and isinstance(rule, Substitution):
            if rule.fast is not None:
                self.apply = rule.fast
            elif type(rule).apply is Substitution.apply:
                anchor = literal_anchor(rule.pattern)
                if anchor is not None and _worth_anchoring(anchor):
                    self.apply = _anchored_apply(rule, anchor)
        # Does a change by this rule oblige us to rescan the other rules' triggers?
        self.invalidates = rule.produces is None or not scanned.isdisjoint(rule.produces)
        # Does a change by this rule possibly write a gate's evidence (see _gates_changed)?
        self.writes_evidence = rule.produces is None or not evidence.isdisjoint(rule.produces)
        # Does it change what a counting gate counts (_shifts_counts), or a letter V1's order
        # score reads (_shifts_signals)?
        self.shifts_counts = _shifts_counts(rule) | _shifts_signals(rule)


COUNTS_RAISED = 1  # a rule wrote letters into a counted group (see _shifts_counts)
COUNTS_LOWERED = 2  # a rule took letters from a group whose lower count matters
SIGNALS_SHIFTED = 4  # a rule changed letters V1's order score reads (see _shifts_signals)


def _shifts_signals(rule: Rule) -> int:
    """``SIGNALS_SHIFTED`` if ``rule`` takes or writes a letter V1's order score reads
    (``visual.SIGNAL_LETTERS``) and the visual gate does not turn it off, else 0.

    The gate is read once, on the text before the character rules; such a rule may change
    the score of the output (S2 enabled in the repair profile folded the ة of a document
    judged visual, so U2 had left its ligature; the next run, no longer visual, mapped it;
    found by the random search, seed 1026, fifteenth session).  The pipeline reads the gate
    again at the end when it was on (see Pipeline._run)."""
    if rule.produces is None or "visual" in rule.skip_when:
        return 0
    taken = rule.trigger if isinstance(rule.trigger, str) else ""
    return 0 if SIGNAL_LETTERS.isdisjoint(taken + rule.produces) else SIGNALS_SHIFTED


def _shifts_counts(rule: Rule) -> int:
    """How ``rule`` changes the number of letters of a group a counting gate counts
    (``COUNTING_GROUPS``), as flags: ``COUNTS_RAISED`` if it writes into a group it takes none
    from (S4 writes ي for ئ, and the next run may find the document Arabic);
    ``COUNTS_LOWERED`` if it takes from a group of ``LOWERED_COUNTS_MATTER`` and writes
    outside it (S1 folds ٱ to ا: three waslas made a document Quranic, and the next run, no
    longer Quranic, repaired its marks), unless the group's gate turns it off.  A rule that
    maps within a group (ى → ي, a form to its letter, a ligature to its words) leaves the
    counts as they were; one that may write anything (``produces=None``) composes, or
    deletes marks and invisible characters."""
    if rule.produces is None:
        return 0
    taken = rule.trigger if isinstance(rule.trigger, str) else ""
    written = set(rule.produces)
    flags = 0
    for group in COUNTING_GROUPS:
        if not group.isdisjoint(written) and group.isdisjoint(taken):
            flags |= COUNTS_RAISED
        if (
            group in LOWERED_COUNTS_MATTER
            and not group.isdisjoint(taken)
            and not written <= group
            and LOWERED_COUNTS_MATTER[group] not in rule.skip_when
        ):
            flags |= COUNTS_LOWERED
    return flags


def _tell_evidence(
    ctx: Context, found: frozenset[str], evidence: tuple[tuple[str, frozenset[str]], ...]
) -> None:
    """Decide in ``ctx`` what ``found`` (the evidence characters of its text) decides: a gate
    without any of its evidence is off, and, every presentation form being the evidence of
    ``has_presentation_forms``, the forms the text has are known (the counting gates read them).
    """
    for gate, characters in evidence:
        if found.isdisjoint(characters):
            ctx.__dict__[gate] = False  # what the cached property would compute
        elif gate == "has_presentation_forms":
            ctx.__dict__["presentation_forms"] = found & characters


def _class_of(characters: frozenset[str]) -> str:
    """A character class of ``characters`` (not empty)."""
    return "[" + "".join(re.escape(c) for c in sorted(characters)) + "]"


def _run_scanner(characters: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern whose ``findall`` gives the runs of ``characters`` in a text: one string per
    run, not per character (a long run is one item), and the scan still runs in C between
    runs (a pattern that starts with a repeat would be tried at every position)."""
    if not characters:
        return None
    one = _class_of(characters)
    return re.compile(one + one + "*")


# The scanners of the characters found in a text's sample, deleted from the rest (_present).
_cached_run_scanner = functools.lru_cache(maxsize=64)(_run_scanner)


@functools.lru_cache(maxsize=32)
def _missing_scanner(scanned: frozenset[str], found: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern of the characters of ``scanned`` not in ``found`` (None if there are none)."""
    missing = scanned - found
    return re.compile(_class_of(missing)) if missing else None


def _worth_anchoring(anchor: Anchor) -> bool:
    # A single frequent character (a space, a letter) is found faster by the engine's scan.
    return len(anchor.literal) > 1 or anchor.literal not in FREQUENT


def _anchored_apply(rule: Substitution, anchor: Anchor) -> Callable[[str, Context], str]:
    """``rule.apply`` run from the literal of its pattern (:mod:`arnorm.anchored`)."""
    pattern, replace = rule.pattern, rule.function

    def apply(text: str, ctx: Context) -> str:
        return anchored_sub(pattern, anchor, lambda match: replace(match, ctx), text)

    return apply


def _contains_any(literals: tuple[str, ...] | None) -> Callable[[str], bool] | None:
    if not literals:
        return None
    if len(literals) == 1:
        literal = literals[0]
        return lambda text: literal in text
    return lambda text: any(literal in text for literal in literals)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains; ``None`` if none is known.

    >>> required_literals(re.compile(r"(?<=[^ ]) {2,}(?=[^ ])"))
    ('  ',)
    >>> required_literals(re.compile(r"&(?:nbsp|#160);"))
    ('nbsp', '#160')
    >>> required_literals(re.compile(r"(?m)^[ \\t]+|[ \\t]+$")) is None
    True
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - it compiled, so it parses
        return None
    return _required(list(parsed))


def _better(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    # The more selective requirement: longer shortest literal, then fewer alternatives.
    if a is None or b is None:
        return a if b is None else b
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _required(items: list[Any]) -> tuple[str, ...] | None:
    constants = _sre
    best: tuple[str, ...] | None = None
    run = ""
    for op, value in items:
        if op is constants.LITERAL:
            run += chr(value)
            continue
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) or (
            op is getattr(constants, "POSSESSIVE_REPEAT", None)
        ):
            low, high, body = value
            body = list(body)
            if low >= 1 and len(body) == 1 and body[0][0] is constants.LITERAL:
                repeated = chr(body[0][1]) * low
                run += repeated
                if high != low:  # variable length: what follows starts after the repeats
                    best = _better(best, (run,))
                    run = repeated
                continue
            best = _better(best, (run,) if run else None)
            run = ""
            if low >= 1:
                best = _better(best, _required(body))
            continue
        best = _better(best, (run,) if run else None)
        run = ""
        if op is constants.SUBPATTERN:
            add_flags = value[1]
            if not add_flags & re.IGNORECASE:
                best = _better(best, _required(list(value[-1])))
        elif op is getattr(constants, "ATOMIC_GROUP", None):
            best = _better(best, _required(list(value)))
        elif op is constants.BRANCH:
            branches = [_required(list(branch)) for branch in value[1]]
            if all(branch is not None for branch in branches):
                alternatives = tuple(
                    dict.fromkeys(literal for branch in branches for literal in branch or ())
                )
                best = _better(best, alternatives)
        # classes, anchors, lookarounds, backreferences: no literal, and they end the run
    return _better(best, (run,) if run else None)


class _Group:
    """Consecutive steps of one family, skipped together when none of their triggers is present.

    ``finder``: when every step is word-local (and ``windowed``), a pattern that finds the
    group's trigger characters, so the group can run on the words that have them alone
    (:mod:`arnorm.windows`); ``whole`` is then the same group run on a whole text.
    """

    __slots__ = (
        "characters",
        "finder",
        "invalidates",
        "shifts_counts",
        "steps",
        "whole",
        "writes_evidence",
    )

    def __init__(self, steps: Sequence[_Compiled], windowed: bool = False):
        self.steps = tuple(steps)
        triggers = [step.characters for step in self.steps]
        self.characters: frozenset[str] | None = (
            frozenset().union(*triggers)  # type: ignore[arg-type]
            if all(t is not None for t in triggers)
            else None
        )
        self.invalidates = any(step.invalidates for step in self.steps)
        self.writes_evidence = any(step.writes_evidence for step in self.steps)
        self.shifts_counts = functools.reduce(
            operator.or_, (s.shifts_counts for s in self.steps), 0
        )
        self.finder: re.Pattern[str] | None = None
        self.whole = self
        if (
            windowed
            and self.characters
            and self.characters.isdisjoint(windows.DELIMITERS + windows.JOINER)
            and all(getattr(step.rule, "word_local", False) for step in self.steps)
        ):
            characters = "".join(re.escape(c) for c in sorted(self.characters))
            self.finder = re.compile(f"[{characters}]")  # (no "+": the scan is twice as fast)
            self.whole = _Group(self.steps)


def _groups(steps: Sequence[_Compiled], windowed: bool = False) -> tuple[_Group, ...]:
    groups: list[list[_Compiled]] = []
    for step in steps:
        if groups and groups[-1][-1].rule.family == step.rule.family:
            groups[-1].append(step)
        else:
            groups.append([step])
    return tuple(_Group(group, windowed) for group in groups)


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
        phases = [rule.phase for rule in active]
        if phases != sorted(phases):
            raise ValueError("rules must be ordered by phase: document, character, line")
        trigger_characters = frozenset(
            character
            for rule in active
            if isinstance(rule.trigger, str)
            for character in rule.trigger
        )
        has_character_rules = any(
            rule.phase == Phase.CHARACTER and not isinstance(rule, LineRule) for rule in active
        )
        # Frequent trigger characters are tested with ``in``; the rest, and the characters a
        # protected span needs, are found by one character-class scan.
        # Gates the rules read, and the characters without which each is off.
        gates = {gate for rule in active for gate in rule.skip_when}
        if gates:  # every gate but the forced ones reads whether the text has presentation forms
            gates.add("has_presentation_forms")
        if gates & {"persian_like", "arabic_confident", "not_arabic_confident"}:
            gates.add("persian_markers")
        # A gate forced by its option (quranic="yes", lang="fa") is not decided by evidence.
        decided = {
            gate
            for gate in gates & set(GATE_EVIDENCE)
            if self.options.get(GATE_OPTION.get(gate, ""), "auto") == "auto"
        }
        self._evidence = tuple((gate, frozenset(GATE_EVIDENCE[gate])) for gate in sorted(decided))
        evidence = frozenset().union(*(characters for _, characters in self._evidence))
        self._evidence_scanner = _run_scanner(evidence)
        self._evidence_of = dict(self._evidence)
        self._frequent = tuple(sorted((trigger_characters | evidence) & FREQUENT))
        scanned = (trigger_characters | evidence) - FREQUENT
        if has_character_rules:
            scanned |= PROTECT_STARTERS
        self._scanner = _run_scanner(scanned)
        self._scanned = frozenset(scanned)
        self._ascii_scanned = tuple(sorted(c for c in scanned | set(self._frequent) if c.isascii()))
        self._all_scanned = self._scanned | frozenset(self._frequent)

        # A rule that may write a scanned character obliges a rescan (a Latin letter or an @
        # too: the presence set also decides whether protected spans are looked for).
        invalidating = trigger_characters | PROTECT_STARTERS | evidence

        def compiled(phase: Phase, line_rules: bool = False) -> tuple[_Compiled, ...]:
            return tuple(
                _Compiled(rule, invalidating, self.use_triggers, evidence)
                for rule in active
                if rule.phase == phase and isinstance(rule, LineRule) == line_rules
            )

        # Reports run the rules one by one (each step is a rule id); the fast path fuses the
        # substitutions that declare themselves fusable, and skips whole families at once.
        fuse = self.use_triggers
        self._document = _groups(_fused(compiled(Phase.DOCUMENT), fuse))
        # Word-local families run on the words that can change (the fast path only).
        self._character = _groups(_fused(compiled(Phase.CHARACTER), fuse), windowed=fuse)
        self._layout = _groups(_fused(compiled(Phase.LINE), fuse))
        # The gates only document rules read (E1's, E3's): kept when the later document rules
        # change the text, and judged again at the end (see _run).
        later = {gate for rule in active if rule.phase != Phase.DOCUMENT for gate in rule.skip_when}
        self._document_gates = tuple(
            sorted(
                {gate for rule in active if rule.phase == Phase.DOCUMENT for gate in rule.skip_when}
                - later
            )
        )
        # The document rules judged again on the output (see Rule.judged_on_output), each with
        # a scan for its trigger.
        self._judged_on_output = tuple(
            (
                rule,
                rule.judged_on_output,
                frozenset(rule.trigger),
                re.compile("[" + "".join(map(re.escape, sorted(rule.trigger))) + "]"),
            )
            for rule in active
            if rule.judged_on_output is not None and isinstance(rule.trigger, str)
        )
        # The document rules a later one may ask to be applied again (see _changes_output).
        self._applied_again = tuple(
            (
                rule,
                re.compile("[" + "".join(map(re.escape, sorted(rule.trigger))) + "]")
                if isinstance(rule.trigger, str)
                else None,
            )
            for rule in active
            if rule.phase == Phase.DOCUMENT
        )
        self._judged_triggers = frozenset().union(
            *(characters for _, _, characters, _ in self._judged_on_output)
        )
        # With U1 disabled the rules judge marks in the input's order, which the final NFC may
        # change for the next run: an output the final NFC changed is cleaned again (_run).
        ids = {rule.id for rule in active}
        self._cleans_renormalized_again = "unicode.renormalize" in ids and "unicode.nfc" not in ids
        # ... and the protected spans, which no character rule changes, are composed with the
        # rest (see _apply_outside_protected).
        self._composes_spans = self._cleans_renormalized_again and "marks.display_order" not in ids
        self._layout_reads_gates = any(
            step.rule.skip_when for group in self._layout for step in group.steps
        )
        self._lines = tuple(
            c.rule for c in compiled(Phase.LINE, line_rules=True) if isinstance(c.rule, LineRule)
        )
        self._line_local = tuple(rule.line_local and self.use_triggers for rule in self._lines)
        # The first line rule's text pre-pass (the fast path only: reports show every line).
        self._line_prepass = self._lines[0].prepass if self._lines and self.use_triggers else None
        # LineRule.find only calls the function: call it directly unless a subclass overrides it.
        self._line_finders = tuple(
            rule.function if type(rule).find is LineRule.find else rule.find for rule in self._lines
        )
        self._options = self.options

    # -- running ---------------------------------------------------------------------------

    def __call__(self, text: str) -> str:
        """Clean one text."""
        if text.__class__ is not str:
            text = require_str(text)
        return self._run(text, None)

    def explain(self, text: str) -> Report:
        """Clean one text and report every change, with its rule id and position in ``text``."""
        report = Report(require_str(text))
        report.output = self._run(text, report)
        return report

    def clean_batch(self, texts: Iterable[str | None]) -> list[str | None]:
        """Clean many texts; ``None`` passes through unchanged (dataframe nulls)."""
        run = self._run
        return [None if text is None else run(require_str(text), None) for text in texts]

    def _run(self, text: str, report: Report | None, again: int = MAX_GATE_RERUNS) -> str:
        if not text:
            return text
        ctx = Context(text, self._options)
        present: frozenset[str] | None = None  # trigger characters of ``text``, when known
        found_first = None  # those of the input, when known
        judged: dict[str, object] | None = None
        if self._document:
            if report is None and self.use_triggers:
                # The document rules read the gates' evidence too (E1: presentation forms).
                present = self._present(text)
                self._decide_by_evidence(ctx, present)
            found_first = present
            new, present = self._apply(self._document, text, ctx, report, 0, present)
            judged = ctx.__dict__.get("memo")  # the texts the rules judged on output judged
            if new is not text:
                # The gates that turned a document rule off were read on the text before the
                # later document rules changed it: kept, they are judged again at the end (see
                # _gates_changed).  (The old context goes here: it holds the old text.)
                kept = [gate for gate in self._document_gates if ctx.__dict__.get(gate) is True]
                stable = ctx.removal_stable.intersection(kept)
                judge_again = ctx.judge_again.intersection(kept)
                applied_again = ctx.apply_again
                if_counts_shift = ctx.apply_again_if_counts_shift
                text = new
                ctx = Context(text, self._options)
                ctx.__dict__.update(dict.fromkeys(kept, True))
                ctx.removal_stable = stable
                ctx.judge_again = judge_again
                ctx.apply_again = applied_again
                ctx.apply_again_if_counts_shift = if_counts_shift
        if report is not None:
            # Read on a context of its own: a gate read only for the report must not count as
            # read by the rules (the pipeline reads those again, see _gates_changed).
            report.gates = Context(ctx.text, self._options).gates()
        if self._character:
            text = self._apply_outside_protected(text, ctx, report, present)
        # Whether the output is known to be in NFC: the final NFC (or a rule that kept it in
        # NFC) wrote it, and no later rule changed it (see _output_context).  The context lets
        # that text go (memory: the line rules make the next one).
        nfc = ctx.nfc is text
        ctx.nfc = None
        # (Each text a phase returns is bound to ``text`` alone: a second name would keep an
        # earlier text alive to the end, a copy of the document more at the peak.)
        unchanged: str | None = None
        if self._layout:
            unchanged = text
            text = self._apply(self._layout, text, ctx, report, 0, None)[0]
            nfc = nfc and text is unchanged
        if self._lines:
            if report is None and self._line_prepass is not None:
                unchanged = text
                text = self._line_prepass(text)
                nfc = nfc and text is unchanged
            if not self._layout_reads_gates:
                # The context held the text the gates were read from: let it go (memory).
                # No line rule reads a gate, so nothing is computed from the new text.
                ctx.text = text
            unchanged = text
            text, content_removed = self._remove_lines(text, ctx, report)
            nfc = nfc and text is unchanged
        else:
            content_removed = False
        unchanged = None
        shifted = ctx.counts_shifted
        if shifted & SIGNALS_SHIFTED:
            # Read again only when it was on: the rules it turned off would run next time.
            # Turned on, it turns rules off next time, whose work the output already holds
            # (the probe of the fix found no text that this changes).
            shifted &= ~SIGNALS_SHIFTED
            if ctx.__dict__.get("visual") is True:
                ctx.judge_again.add("visual")
        if (
            again
            and (content_removed or shifted or ctx.judge_again)
            and self._gates_changed(ctx, text, content_removed)
        ):
            # The gates were read from lines that are gone (a Quranic or visual-order line
            # removed as a duplicate), or before a rule wrote letters they count (S4 writes ي,
            # E2 the pairs E1 counts): the next run would judge the document differently.
            # Clean the result again, with the gates of what it now is.
            return self._run(text, report, again - 1)
        if (
            again
            and self._judged_on_output
            # (the input had none of their triggers: most texts, decided without a call)
            and (found_first is None or not found_first.isdisjoint(self._judged_triggers))
            and self._would_change_output(text, found_first, judged, nfc)
        ):
            return self._run(text, report, again - 1)
        if again and self._cleans_renormalized_again and ctx.renormalized:
            # U1 disabled and the final NFC changed the text (found by a probe of equivalent
            # spellings, seventeenth session: shadda, U+16B33, shadda kept two shaddas).
            return self._run(text, report, again - 1)
        applied_again = ctx.apply_again
        if ctx.apply_again_if_counts_shift and (
            content_removed or ctx.counts_shifted & (COUNTS_RAISED | COUNTS_LOWERED)
        ):
            applied_again = applied_again | ctx.apply_again_if_counts_shift
        if again and applied_again and self._changes_output(text, applied_again, nfc):
            return self._run(text, report, again - 1)
        return text

    def _output_context(self, text: str, nfc: bool) -> Context:
        """A context for judging the output ``text`` again; ``nfc``: the text is known to be in
        NFC (the final NFC wrote it and nothing changed it after), so the rules that compose
        it first (E1, E2: ``unicode.composed``) need not (a page of marks NFC cannot pass by
        its quick check paid a pass over the whole output each time)."""
        ctx = Context(text, self._options)
        if nfc:
            ctx.composed = (text, text)
            ctx.nfc = text
        return ctx

    def _changes_output(self, text: str, rule_ids: set[str], nfc: bool = False) -> bool:
        """Whether one of the document rules ``rule_ids`` (Context.apply_again) would change
        ``text`` (the next run would)."""
        for rule, trigger in self._applied_again:
            if rule.id not in rule_ids or (trigger is not None and trigger.search(text) is None):
                continue
            ctx = self._output_context(text, nfc)
            if not rule.skipped(ctx) and rule.apply(text, ctx) != text:
                return True
        return False

    def _would_change_output(
        self,
        text: str,
        found_first: frozenset[str] | None,
        judged: dict[str, object] | None,
        nfc: bool = False,
    ) -> bool:
        """Whether a rule judged on the output would change ``text`` (the next run would).

        ``found_first``: the trigger characters of the input, when the pipeline scanned it.  A
        rule none of whose triggers the input had is not asked: the rules delete and write
        Arabic, and do not write its triggers (a scan of every output cost 8% of the time).
        ``judged``: the memo of the document phase, with the text each such rule judged; only
        the lines of ``text`` that are not lines of it are judged again.
        ``nfc``: ``text`` is known to be in NFC (see :meth:`_output_context`).
        """
        known_nfc = text if nfc else None
        for rule, reads, characters, trigger in self._judged_on_output:
            if found_first is not None:
                if found_first.isdisjoint(characters):
                    continue
            elif trigger.search(text) is None:
                continue
            seen = None if judged is None else judged.get(rule.id)
            if isinstance(seen, str):
                # Only the lines with its triggers, read without the spaces and tabs W1 trims
                # at their ends (a 1 MB line it trimmed was judged twice, 2x the time).  A line
                # that is a line of ``seen`` as it stands reads as that line: it is passed over
                # by a set test, and the readings are made only for the others (a Latin-script
                # line after each Arabic line made three calls per line: 12% of the time).
                seen_lines = set(seen.split("\n"))
                fresh = [
                    line
                    for line in text.split("\n")
                    if line not in seen_lines and trigger.search(line)
                ]
                if not fresh:
                    continue
                lines = {reads(line.strip(" \t")) for line in seen_lines if trigger.search(line)}
                text = "\n".join(line for line in fresh if reads(line.strip(" \t")) not in lines)
                if not text:
                    continue
            ctx = self._output_context(text, text is known_nfc)
            if not rule.skipped(ctx) and rule.apply(text, ctx) != text:
                return True
        return False

    def _apply_outside_protected(
        self, text: str, ctx: Context, report: Report | None, present: frozenset[str] | None
    ) -> str:
        if present is None and self.use_triggers:
            present = self._present(text)
        if present is not None and ctx.present is not present:  # (not decided yet for ctx)
            self._decide_by_evidence(ctx, present)
        # The presence set of the whole text is a superset of each segment's: a rule it lets
        # run on a segment without its trigger changes nothing, so it is safe for every segment.
        if present is not None and present.isdisjoint(PROTECT_STARTERS):
            spans = []
        else:
            spans = protected_spans(text)
        if not spans:
            ctx.segment_ends_document = True
            return self._apply(self._character, text, ctx, report, 0, present)[0]
        if report is None:
            cleaned = self._apply_between(text, spans, ctx, present)
        else:
            cleaned = self._apply_segments_reporting(text, spans, ctx, report, present)
        if self._composes_spans:
            # U1 disabled: the spans were not composed, and the final NFC ran between them
            # ("x@y.z" + U+0301 is one span; combined search, seed 48, seventeenth session).
            # Composed here, as U1 composes them (not with M6, which orders marks otherwise).
            composed = to_nfc(cleaned)
            if composed != cleaned:
                if report is not None:
                    report.add_step("unicode.renormalize", diff_edits(cleaned, composed))
                ctx.renormalized = True
                cleaned = composed
        return cleaned

    def _apply_segments_reporting(
        self,
        text: str,
        spans: list[tuple[int, int]],
        ctx: Context,
        report: Report,
        present: frozenset[str] | None,
    ) -> str:
        """Reports: each segment in turn, its edits shifted to where it now starts."""
        pieces: list[str] = []
        written = 0  # length of the output so far: where the next segment now starts
        position = 0
        for start, end in [*spans, (len(text), len(text))]:
            # Rules that delete a mark at a segment's end ask whether a span follows it.
            ctx.segment_ends_document = start == len(text)
            segment = self._apply(
                self._character, text[position:start], ctx, report, written, present
            )[0]
            pieces.append(segment)
            pieces.append(text[start:end])
            written += len(segment) + end - start
            position = end
        return "".join(pieces)

    def _apply_between(
        self,
        text: str,
        spans: list[tuple[int, int]],
        ctx: Context,
        present: frozenset[str] | None,
    ) -> str:
        """The character rules on the segments between ``spans`` (fast path): each distinct
        segment is cleaned once (" " between two links, " و "), the last one apart (it ends
        the document); lists are built in C, for texts that are mostly spans."""
        # (the bounds read from one flat list, and slices made by map: no bytecode per segment,
        # for texts that are mostly spans; zip(*spans) took twice as long)
        flat = list(chain.from_iterable(spans))
        span_starts, span_ends = flat[0::2], flat[1::2]
        bounds = map(slice, [0, *span_ends], [*span_starts, len(text)])
        segments = list(map(text.__getitem__, bounds))
        apply, groups = self._apply, self._character
        ctx.segment_ends_document = False
        cleaned = {
            segment: apply(groups, segment, ctx, None, 0, present)[0]
            for segment in dict.fromkeys(segments[:-1])
        }
        ctx.segment_ends_document = True
        last = apply(groups, segments[-1], ctx, None, 0, present)[0]
        if last == segments[-1] and all(after == before for before, after in cleaned.items()):
            return text  # every segment as it was (spaces between links, tokens, addresses)
        pieces = [""] * (2 * len(spans) + 1)
        pieces[0:-1:2] = map(cleaned.__getitem__, segments[:-1])
        pieces[-1] = last
        pieces[1::2] = map(text.__getitem__, map(slice, span_starts, span_ends))  # as they are
        return "".join(pieces)

    def _decide_by_evidence(self, ctx: Context, present: frozenset[str]) -> None:
        """Turn off, without counting, the gates with no evidence in ``present`` (the trigger
        characters of the whole of ``ctx.text``), and keep ``present`` for the rules."""
        ctx.present = present
        _tell_evidence(ctx, present, self._evidence)

    def _gates_changed(self, ctx: Context, text: str, content_removed: bool) -> bool:
        """Whether a gate the rules read would be different on ``text`` (the cleaned document)."""
        read = [gate for gate in GATES if gate in ctx.__dict__]
        if not read:
            return False
        raised = ctx.counts_shifted & COUNTS_RAISED
        # Only a lower count since (S1 folded ٱ): only the counting gates may differ.
        only_counts = not content_removed and not raised
        after: Context | None = None
        for gate in read:
            before = ctx.__dict__[gate]
            if only_counts and gate not in COUNTING_GATES and gate not in ctx.judge_again:
                continue
            if gate == "quranic" and not before and not raised:
                continue  # removing lines or waslas only lowers its counts: it cannot turn on
            if gate in ctx.removal_stable and not raised and gate not in ctx.judge_again:
                continue  # (its computation found that removing lines cannot change it)
            if self._still_without_evidence(ctx, gate):
                continue
            if after is None:
                after = Context(text, self._options)
                if self._evidence_scanner is not None:
                    # One scan for the evidence of every gate, instead of counting each.
                    found = frozenset("".join(self._evidence_scanner.findall(text)))
                    _tell_evidence(after, found, self._evidence)
            if getattr(after, gate) != before:
                return True
        return False

    def _still_without_evidence(self, ctx: Context, gate: str) -> bool:
        """Whether ``gate`` had no evidence in the document and no rule wrote any since (so it
        is off in the cleaned text too: removing lines adds no characters)."""
        if ctx.present is None or ctx.evidence_written:
            return False
        characters = self._evidence_of.get(gate)
        return characters is not None and ctx.present.isdisjoint(characters)

    def _present(self, text: str) -> frozenset[str]:
        """The trigger characters (and protected-span starters) that ``text`` contains."""
        if text.isascii():
            return frozenset(c for c in self._ascii_scanned if c in text)
        scanner = self._scanner
        if scanner is None:
            found = set()
        elif len(text) <= 4 * _SAMPLE:
            found = set("".join(scanner.findall(text)))
        else:
            head = scanner.findall(text, 0, _SAMPLE)
            found = set("".join(head))  # (a run cut at _SAMPLE is two items: the same set)
            if len(head) > _DENSE_RUNS:
                if len(found) > _FEW_DENSE:
                    if len(text) < _MISSING_MIN:
                        return self._all_scanned.intersection(text)
                    rest_at = self._add_missing(text, found)
                    if rest_at is not None:
                        found.update(self._scanned.intersection(text[rest_at:]))
                else:
                    # Dense in a few characters (an NBSP between all words, a form between
                    # spaces): each is deleted from the rest with str.replace, in C (17 ms → 5
                    # ms a million characters), and the rest is scanned, or hashed if dense too.
                    rest = text[_SAMPLE:]
                    for character in found:
                        rest = rest.replace(character, "")
                    if len(scanner.findall(rest, 0, _SAMPLE)) > _DENSE_RUNS:
                        found.update(self._all_scanned.intersection(rest))
                    else:
                        found.update("".join(scanner.findall(rest)))
            elif sum(map(len, head)) > _SAMPLE // 4:
                # Long runs (a line of marks): the characters of the head are deleted from the
                # rest first, in C, so the scan joins only what is new there (joining the runs
                # and hashing each character was 25 ms a million characters).
                # A long text is searched for the characters the head has not shown first.
                rest_at = self._add_missing(text, found) if len(text) >= _MISSING_MIN else _SAMPLE
                if rest_at is not None:
                    runs = _cached_run_scanner(frozenset(found))
                    assert runs is not None  # (found has the head's runs)
                    found.update("".join(scanner.findall(runs.sub("", text[rest_at:]))))
            else:
                found.update("".join(scanner.findall(text, _SAMPLE)))
        for character in self._frequent:
            if character in text:
                found.add(character)
        return frozenset(found)

    def _add_missing(self, text: str, found: set[str]) -> int | None:
        """Add to ``found`` (the scanned characters of ``text[:_SAMPLE]``) the scanned
        characters of the rest, one search for each new one (see _MISSING_MIN); return where
        the part still to be scanned starts, or None when the searches covered the rest."""
        start = _SAMPLE
        for _ in range(_MISSING_SEARCHES):
            missing = _missing_scanner(self._scanned, frozenset(found))
            match = None if missing is None else missing.search(text, start)
            if match is None:
                return None
            found.add(match.group())
            start = match.end()
        return start

    def _trigger_set(self, text: str) -> frozenset[str]:
        return self._present(text)

    def _apply(
        self,
        groups: Sequence[_Group],
        text: str,
        ctx: Context,
        report: Report | None,
        offset: int,
        present: frozenset[str] | None,
    ) -> tuple[str, frozenset[str] | None]:
        """Run the steps of ``groups``; the text, and its trigger characters if still known."""
        if report is not None:
            return self._apply_reporting(groups, text, ctx, report, offset), None
        for group in groups:
            if group.characters is not None:
                if present is None:
                    present = self._present(text)
                if present.isdisjoint(group.characters):
                    continue
                if group.finder is not None and len(text) < windows.MIN_LENGTH:
                    # A short text (most often a segment between protected spans, whose
                    # ``present`` is the whole document's): one search tells whether it has
                    # the group's triggers (a text with many tokens or links ran the six mark
                    # rules on each segment between them).
                    if group.finder.search(text) is None:
                        continue
                elif group.finder is not None:
                    new = self._apply_in_windows(group, text, ctx, present)
                    if new is not None:
                        if new is not text:
                            text = new
                            if group.invalidates:
                                present = None
                            if group.writes_evidence:
                                ctx.evidence_written = True
                            if group.shifts_counts:
                                ctx.counts_shifted |= group.shifts_counts
                        continue
            for step in group.steps:
                if step.characters is not None:
                    if present is None and len(step.characters) <= FEW_TRIGGERS:
                        # After a rule that may write anything: a few ``in`` tests, not a
                        # scan for every trigger (a text dense in joiners paid one per rule).
                        if not any(character in text for character in step.characters):
                            continue
                    else:
                        if present is None:
                            present = self._present(text)
                        if present.isdisjoint(step.characters):
                            continue
                elif step.predicate is not None and not step.predicate(text):
                    continue
                if step.gates and any(getattr(ctx, gate) for gate in step.gates):
                    continue
                new = step.apply(text, ctx)
                if new is not text and new != text:
                    # A costly gate is read only when the rule would change something: most
                    # documents then never pay for it (visual order).
                    if step.lazy_gates and any(getattr(ctx, gate) for gate in step.lazy_gates):
                        continue
                    text = new
                    if step.invalidates:
                        present = None
                    if step.writes_evidence:
                        ctx.evidence_written = True
                    if step.shifts_counts:
                        ctx.counts_shifted |= step.shifts_counts
        return text, present

    def _apply_in_windows(
        self, group: _Group, text: str, ctx: Context, present: frozenset[str]
    ) -> str | None:
        """``group`` run on the words of ``text`` that have its triggers; None when those words
        cover too much of the text, and the group should run on all of it."""
        assert group.finder is not None
        spans = windows.word_windows(text, group.finder)
        if spans is None:
            return None
        return windows.apply_in_windows(
            text,
            spans,
            lambda joined: self._apply((group.whole,), joined, ctx, None, 0, present)[0],
        )

    def _apply_reporting(
        self,
        groups: Sequence[_Group],
        text: str,
        ctx: Context,
        report: Report,
        offset: int,
    ) -> str:
        # The rules one by one (fused steps unfused), each step's edits recorded.
        present: frozenset[str] | None = None
        for group in groups:
            for fused in group.steps:
                for step in _unfused(fused):
                    if step.characters is not None:
                        if present is None:
                            present = self._present(text)
                        if present.isdisjoint(step.characters):
                            continue
                    elif step.predicate is not None and not step.predicate(text):
                        continue
                    if step.gates and any(getattr(ctx, gate) for gate in step.gates):
                        continue
                    if step.lazy_gates and any(getattr(ctx, gate) for gate in step.lazy_gates):
                        continue
                    edits = step.edits(text, ctx)
                    new = apply_edits(text, edits)
                    report.add_step(step.id, _shifted(edits, offset))
                    if new != text:
                        text = new
                        if step.invalidates:
                            present = None
                        if step.writes_evidence:
                            ctx.evidence_written = True
                        if step.shifts_counts:
                            ctx.counts_shifted |= step.shifts_counts
        return text

    def _remove_lines(self, text: str, ctx: Context, report: Report | None) -> tuple[str, bool]:
        """The text without the lines the line rules remove, and whether any had content."""
        lines = text.split("\n")
        origins: list[int] = []  # where each line began in ``text``, for reports
        if report is not None:
            report.start_line_phase()
            position = 0
            for line in lines:
                origins.append(position)
                position += len(line) + 1
        # The rules in rounds until none removes anything.  A rule applied to lines that did not
        # change since it last found nothing would find nothing again, so the loop stops as
        # soon as every rule in turn found nothing: the same applications as whole rounds,
        # minus the tail of the last round.
        # The reference path (use_triggers=False) runs whole rounds.
        # A line-local rule, once applied, has nothing more to remove (the fast path only).
        rules = self._lines
        finders = self._line_finders
        count = len(rules)
        idle = 0  # consecutive applications that removed nothing
        removed = content_removed = False
        line_local = self._line_local
        applied = [False] * count if True in line_local else None
        for application in range(MAX_LINE_ROUNDS * count):
            if idle >= count and (self.use_triggers or application % count == 0):
                break
            index = application % count
            if applied is not None:
                if applied[index]:
                    idle += 1
                    continue
                applied[index] = line_local[index]
            drop = finders[index](lines, ctx)
            if not drop:
                idle += 1
                continue
            idle = 0  # every rule, this one too, must look at the new lines
            removed = True
            content_removed = content_removed or any(map(str.strip, _removed(lines, drop)))
            if report is not None:
                report.add_step(rules[index].id, line_edits(lines, drop, origins))
                origins = [o for i, o in enumerate(origins) if i not in drop]
            if self.use_triggers:
                lines = _without(lines, drop)
            else:  # the reference path: the plainest way
                lines = [line for i, line in enumerate(lines) if i not in drop]
        # Nothing removed: the text itself, not a copy of it (memory, and no join).
        return ("\n".join(lines) if removed else text), content_removed

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


class _FusedStep(_Compiled):
    """Fusable substitutions merged into one alternation: one scan instead of one per rule."""

    __slots__ = ("parts",)

    def __init__(self, parts: Sequence[_Compiled]):
        self.parts = tuple(parts)
        rules = [part.rule for part in self.parts]
        self.rule = rules[0]
        self.id = "+".join(rule.id for rule in rules)
        self.gates = self.parts[0].gates  # parts share their gates (_fusable_together)
        self.lazy_gates = self.parts[0].lazy_gates
        triggers = [part.characters for part in self.parts]
        # every part has a character trigger (see _fused): the step runs if one is present
        self.characters = frozenset().union(*triggers)  # type: ignore[arg-type]
        self.predicate = None
        self.invalidates = any(part.invalidates for part in self.parts)
        self.writes_evidence = any(part.writes_evidence for part in self.parts)
        self.shifts_counts = functools.reduce(
            operator.or_, (p.shifts_counts for p in self.parts), 0
        )
        substitutions = [rule for rule in rules if isinstance(rule, Substitution)]
        pattern = re.compile(
            "|".join(f"(?P<_f{i}>{rule.pattern.pattern})" for i, rule in enumerate(substitutions)),
            substitutions[0].pattern.flags,
        )
        functions = tuple(rule.function for rule in substitutions)
        sub = pattern.sub

        def apply(text: str, ctx: Context) -> str:
            return sub(lambda match: functions[match.lastindex - 1](match, ctx), text)  # type: ignore[operator]

        self.apply = apply
        self.edits = self._unsupported

    @staticmethod
    def _unsupported(text: str, ctx: Context) -> list[Edit]:
        raise AssertionError("reports run fused rules one by one")


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _can_fuse(rule: Rule) -> bool:
    return (
        isinstance(rule, Substitution)
        and rule.fusable
        and rule.pattern.groups == 0
        and rule.produces is not None
        and not _GLOBAL_FLAGS.match(rule.pattern.pattern)  # (?m) must stay at the start
    )


def _fusable_together(group: Sequence[_Compiled], step: _Compiled) -> bool:
    first = group[0].rule
    rule = step.rule
    if not isinstance(first, Substitution) or not isinstance(rule, Substitution):
        return False
    if rule.phase != first.phase or rule.skip_when != first.skip_when:
        return False
    if rule.pattern.flags != first.pattern.flags or step.predicate or group[0].predicate:
        return False
    # a rule must not write what a later rule of the group reads (or fused != one by one)
    written = "".join(part.rule.produces or "" for part in group)
    trigger = rule.trigger if isinstance(rule.trigger, str) else None
    return trigger is not None and not set(written) & set(trigger)


def _fused(steps: Sequence[_Compiled], fuse: bool) -> list[_Compiled]:
    """``steps`` with runs of compatible fusable substitutions merged into one step each."""
    if not fuse:
        return list(steps)
    result: list[_Compiled] = []
    run: list[_Compiled] = []

    def flush() -> None:
        if len(run) > 1:
            result.append(_FusedStep(run))
        else:
            result.extend(run)
        run.clear()

    for step in steps:
        if _can_fuse(step.rule) and step.characters is not None:
            if run and not _fusable_together(run, step):
                flush()
            run.append(step)
        else:
            flush()
            result.append(step)
    flush()
    return result


def _unfused(step: _Compiled) -> tuple[_Compiled, ...]:
    return step.parts if isinstance(step, _FusedStep) else (step,)


_KEPT = bytes([1]) + bytes(255)  # bytes.translate: 1 for a line whose flag is 0, else 0


def _removed(lines: list[str], drop: Mapping[int, str]) -> Iterator[str]:
    """The lines ``drop`` names (read in C when it has flags)."""
    if isinstance(drop, Removals) and drop.flags is not None:
        return compress(lines, drop.flags)
    return map(lines.__getitem__, drop)


def _without(lines: list[str], drop: Mapping[int, str]) -> list[str]:
    """``lines`` without the indexes in ``drop`` (a new list; the rules' list is not changed).

    Linear in the lines and the removals, in C but for one step per removal: many removals
    mark a mask that ``compress`` reads, a few are cut out by slices.  (Deleting removals one
    by one from a copy moved the tail of the list each time: quadratic when a long document
    loses every sixteenth line or so.)  Removals given as flags are a mask already.
    """
    if isinstance(drop, Removals) and drop.flags is not None and len(drop.flags) == len(lines):
        return list(compress(lines, drop.flags.translate(_KEPT)))
    indexes = drop.indexes if isinstance(drop, Removals) else sorted(drop)
    if indexes and (indexes[0] < 0 or indexes[-1] >= len(lines)):  # as the reference path
        indexes = [index for index in indexes if 0 <= index < len(lines)]
    if len(indexes) * 8 > len(lines):
        keep = bytearray(b"\x01") * len(lines)
        deque(map(keep.__setitem__, indexes, repeat(0)), maxlen=0)  # keep[i] = 0, in C
        return list(compress(lines, keep))
    kept: list[str] = []
    start = 0
    for index in indexes:
        kept += lines[start:index]
        start = index + 1
    kept += lines[start:]
    return kept


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
