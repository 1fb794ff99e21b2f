"""The datatrove step, run by datatrove's own LocalPipelineExecutor on a small JSONL corpus."""

from __future__ import annotations

import gzip
import importlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

# CI sets ARNORM_REQUIRE_EXTRAS=1: there a missing extra fails instead of skipping.
if os.environ.get("ARNORM_REQUIRE_EXTRAS"):
    importlib.import_module("datatrove")
else:
    pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import arnorm
from arnorm.corpus import learn
from arnorm.integrations.datatrove import ArnormCleaner

FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "sites.jsonl"

pytestmark = pytest.mark.integration


def run_pipeline(
    tmp_path: Path, step: ArnormCleaner, workers: int = 1
) -> tuple[list[dict[str, object]], dict]:
    raw = tmp_path / "raw"
    raw.mkdir()
    lines = FIXTURE.read_text("utf-8").splitlines()
    # Two input files, so the two tasks each clean one; a document that is only boilerplate.
    lines.append(
        json.dumps({"source": "was", "text": "\u00a0\n// انتهى //\n\n"}, ensure_ascii=False)
    )
    (raw / "a.jsonl").write_text("\n".join(lines[:7]) + "\n", "utf-8")
    (raw / "b.jsonl").write_text("\n".join(lines[7:]) + "\n", "utf-8")
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(raw)), step, JsonlWriter(str(tmp_path / "out"))],
        tasks=2,
        workers=workers,  # 2: the step is pickled into datatrove's worker processes
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    documents = []
    for path in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            documents.extend(json.loads(line) for line in stream)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text("utf-8"))
    shutil.rmtree(raw)
    return documents, stats


def step_stats(stats: list[dict], name: str) -> dict[str, int]:
    (entry,) = [step for step in stats if name in step["name"]]
    return {
        key: value["total"] if isinstance(value, dict) else value
        for key, value in entry["stats"].items()
    }


def test_cleans_counts_rules_and_drops_empty(tmp_path: Path) -> None:
    documents, stats = run_pipeline(tmp_path, ArnormCleaner(drop_empty=True))
    inputs = [json.loads(line)["text"] for line in FIXTURE.read_text("utf-8").splitlines()]
    inputs.append("\u00a0\n// انتهى //\n\n")
    outputs = [arnorm.clean(text) for text in inputs]
    assert sorted(document["text"] for document in documents) == sorted(o for o in outputs if o)
    counts = step_stats(stats, "arnorm")
    assert counts["total"] == len(inputs)
    assert counts["dropped_empty"] == 1  # the lexicon (B5) knows "// انتهى //"
    assert counts["changed"] == sum(a != b for a, b in zip(inputs, outputs, strict=True))
    expected: Counter[str] = Counter()
    for text in inputs:
        expected += arnorm.explain(text).counts()
    assert {k[5:]: v for k, v in counts.items() if k.startswith("rule:")} == dict(expected)
    assert counts["characters_removed"] == sum(map(len, inputs)) - sum(map(len, outputs))


def test_site_model_strips_and_drops_pure_boilerplate(tmp_path: Path) -> None:
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    # B4/B5 already know the WAS markers: off here, so the site model is seen doing the work.
    cleaner = arnorm.Cleaner(disable=["boilerplate.trailer", "boilerplate.phrase_lines"])
    model = learn(
        [(cleaner(r["text"]), r["source"]) for r in records],
        group_by="source",
        min_documents=3,
    )
    step = ArnormCleaner(cleaner, drop_empty=True, site_model=model)
    documents, stats = run_pipeline(tmp_path, step, workers=2)
    assert len(documents) == len(records)  # the boilerplate-only document was dropped
    assert not any("// انتهى //" in document["text"] for document in documents)
    assert all(document["metadata"]["source"] in {"was", "almadina"} for document in documents)
    counts = step_stats(stats, "arnorm")
    assert counts["dropped_empty"] == 1
    assert counts["rule:corpus.site_boilerplate"] == 8 + 8 + 3 + 30 + 1
