"""What the whole pipeline would do with the faster rule variants measured in this folder.

    python benchmarks/bench_whatif.py [--size 2MB]

The alternatives give the same output as the rules (each file checks it on the corpus); here
they are swapped into a copy of the default pipeline with ``Pipeline.replace``, and the copy is
checked to give the same output too, so the gain can be weighed before anyone edits a rule.

Both alternatives measured here have since become the rules' own code, so the copy now runs
at about the default pipeline's speed:

- ``bench_whitespace.trim_by_strip`` is ``whitespace.trim_lines``'s ``fast`` path, which
  ``clean()`` already runs; it is still swapped in (as a ``Rewrite``).
- ``bench_marks.tanween_first`` (``marks.stray_tanween`` tried only at the tanweens) was
  removed: the rule's pattern starts with the tanween itself, so the alternative, which still
  tried the pattern at the letter before it, never matched and left the text unchanged
  (``"بٌب"``: the rule gives ``"بُب"``), and this file stopped at ``check_same``.  See
  ``bench_marks.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from _harness import arguments, check_same, compare, corpora
from bench_whitespace import trim_by_strip

from arnorm.boilerplate.whitespace import trim_lines
from arnorm.cleaner import Cleaner
from arnorm.rule import Phase, Rewrite


def _variant_rules() -> dict[str, object]:
    # Rules of the same id whose work is done by the alternatives.
    def trim_lines_fast(text, ctx):  # type: ignore[no-untyped-def]
        return trim_by_strip(text)

    trim_lines_fast.__name__ = "trim_lines"
    return {
        trim_lines.id: Rewrite(
            trim_lines_fast, Phase.LINE, id=trim_lines.id, code="W1", trigger=None,
            profiles=trim_lines.profiles, enabled_if=trim_lines.enabled_if, produces="",
        ),
    }  # fmt: skip


def main() -> None:
    args = arguments("the pipeline with faster rule variants")
    built = corpora(args)
    contenders: list[tuple[str, Callable[[str], object]]] = []
    for profile in ("repair", "search"):
        current = Cleaner(profile).pipeline
        faster = current
        for rule_id, rule in _variant_rules().items():
            if rule_id in faster.ids:
                faster = faster.replace(rule_id, rule)  # type: ignore[arg-type]
        check_same(current, faster, built)
        contenders += [
            (f"{profile}: current rules", current),
            (f"{profile}: faster variants", faster),
        ]
    compare("whole pipeline, current rules vs the measured alternatives", contenders, built, args)


if __name__ == "__main__":
    main()
