"""Dask: clean bags and dataframe columns, learn site boilerplate, on a real 2-process cluster."""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# CI sets ARNORM_REQUIRE_EXTRAS=1: there a missing extra fails instead of skipping.
for _module in ("dask.bag", "dask.dataframe", "distributed", "pandas"):
    if os.environ.get("ARNORM_REQUIRE_EXTRAS"):
        importlib.import_module(_module)
    else:
        pytest.importorskip(_module)

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import arnorm  # noqa: E402
from arnorm.corpus import learn  # noqa: E402
from arnorm.integrations.dask import (  # noqa: E402
    clean_bag,
    clean_column,
    learn_site_model,
    strip_site_boilerplate,
)

FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "sites.jsonl"
RECORDS = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
TEXTS = [str(record["text"]) for record in RECORDS]

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_two_worker_processes(client: Client) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2 and len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_clean_bag(client: Client) -> None:
    bag = db.from_sequence([*TEXTS, None], npartitions=4)
    assert clean_bag(bag).compute() == [*map(arnorm.clean, TEXTS), None]
    digits = db.from_sequence(["تٌفرض ٢٠٢٣"] * 3, npartitions=2)
    assert clean_bag(digits, arnorm.Cleaner(digits="keep")).compute() == ["تُفرض ٢٠٢٣"] * 3
    assert clean_bag(digits, digits="keep", disable=["marks"]).compute() == ["تٌفرض ٢٠٢٣"] * 3


def test_clean_dataframe_column(client: Client) -> None:
    frame = pd.DataFrame({"text": [*TEXTS, None], "n": range(len(TEXTS) + 1)})
    ddf = dd.from_pandas(frame, npartitions=3)
    result = clean_column(ddf, "text").compute()
    assert result["text"].tolist()[:-1] == [arnorm.clean(text) for text in TEXTS]
    assert pd.isna(result["text"].iloc[-1])
    assert result["n"].tolist() == frame["n"].tolist()
    both = clean_column(ddf, "text", output="clean").compute()
    assert both["text"].tolist()[:-1] == TEXTS
    assert both["clean"].tolist()[:-1] == result["text"].tolist()[:-1]


def test_learn_and_strip_site_boilerplate(client: Client) -> None:
    bag = db.from_sequence(RECORDS, npartitions=4)
    model = learn_site_model(bag, group_key="source", min_documents=3)
    local = learn(
        [
            (arnorm.clean(text), record["source"])
            for text, record in zip(TEXTS, RECORDS, strict=True)
        ],
        group_by="source",
        min_documents=3,
    )
    assert model == local
    cleaned = clean_bag(bag.pluck("text"))
    records = db.zip(cleaned, bag.pluck("source")).map(
        lambda pair: {"text": pair[0], "source": pair[1]}
    )
    stripped = strip_site_boilerplate(records, model).compute()
    assert [r["text"] for r in stripped] == [
        local.strip(arnorm.clean(text), record["source"])
        for text, record in zip(TEXTS, RECORDS, strict=True)
    ]
    assert not any("// انتهى //" in r["text"] for r in stripped)
