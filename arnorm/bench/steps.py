"""Where the time of a pipeline goes: the seconds spent in each of its steps.

A copy of the pipeline has each step (rule, fused rules, line rule) and the trigger scan
wrapped in a clock; what is left of the total is the pipeline's own work (segments, gates,
line split and join).  The clock calls add a little to every step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from arnorm.pipeline import Pipeline

OWN_WORK = "(pipeline: segments, gates, lines)"
TRIGGER_SCAN = "(trigger scan)"


def _clocked(name: str, function: Callable[..., Any], spent: dict[str, float]) -> Any:
    clock = time.perf_counter

    def timed(*args: Any) -> Any:
        start = clock()
        try:
            return function(*args)
        finally:
            spent[name] += clock() - start

    return timed


def instrument(pipeline: Pipeline) -> tuple[Pipeline, dict[str, float]]:
    """A copy of ``pipeline`` whose steps add their seconds to the returned dictionary."""
    copy = Pipeline(pipeline.rules, pipeline.options)
    spent: dict[str, float] = {}
    for groups in (copy._document, copy._character, copy._layout):
        for group in groups:
            for step in group.steps:
                spent[step.id] = 0.0
                step.apply = _clocked(step.id, step.apply, spent)
    finders = []
    for rule, finder in zip(copy._lines, copy._line_finders, strict=True):
        spent[rule.id] = 0.0
        finders.append(_clocked(rule.id, finder, spent))
    copy._line_finders = tuple(finders)
    spent[TRIGGER_SCAN] = 0.0
    copy._present = _clocked(TRIGGER_SCAN, copy._present, spent)  # type: ignore[method-assign]
    return copy, spent


def step_times(pipeline: Pipeline, documents: Sequence[str], repeat: int) -> dict[str, list[float]]:
    """Seconds per pass over ``documents`` spent in each step, ``repeat`` passes."""
    copy, spent = instrument(pipeline)
    result: dict[str, list[float]] = {name: [] for name in spent}
    result[OWN_WORK] = []
    clock = time.perf_counter
    for _ in range(repeat):
        for name in spent:
            spent[name] = 0.0
        start = clock()
        for document in documents:
            copy(document)
        total = clock() - start
        for name, seconds in spent.items():
            result[name].append(seconds)
        result[OWN_WORK].append(max(total - sum(spent.values()), 0.0))
    return result
