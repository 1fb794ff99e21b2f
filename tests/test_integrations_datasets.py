"""The Hugging Face datasets recipe of docs/scale.md, run as written, with 2 processes."""

from __future__ import annotations

import importlib
import json
import os
import re
from pathlib import Path

import pytest

# CI sets ARNORM_REQUIRE_EXTRAS=1: there a missing extra fails instead of skipping.
if os.environ.get("ARNORM_REQUIRE_EXTRAS"):
    importlib.import_module("datasets")
else:
    pytest.importorskip("datasets")

import arnorm

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "corpus" / "sites.jsonl"

pytestmark = pytest.mark.integration


def recipe() -> str:
    """The Python block of docs/scale.md that starts with ``# recipe: datasets``."""
    text = (ROOT / "docs" / "scale.md").read_text("utf-8")
    (block,) = re.findall(r"```python\n(# recipe: datasets\n.*?)```", text, re.DOTALL)
    return block


def test_documented_recipe_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    records.append({"source": "x", "url": "", "text": None})
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), "utf-8"
    )
    namespace: dict[str, object] = {}
    exec(compile(recipe(), "docs/scale.md", "exec"), namespace)
    cleaned = namespace["cleaned"]
    texts = [record["text"] for record in records]
    assert cleaned["text"] == [None if t is None else arnorm.clean(t) for t in texts]  # type: ignore[index]
    assert cleaned["url"] == [record["url"] for record in records]  # type: ignore[index]
