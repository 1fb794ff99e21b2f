"""Clean Dask collections with arnorm, and learn site boilerplate (B6) on a Dask cluster.

``pip install "arnorm[dask]"``.  The cleaner travels to the workers as its settings (a small
pickle) and is compiled once per task; ``None`` values (dataframe nulls) pass through::

    import dask.bag as db
    clean_bag(db.from_sequence(["تٌفرض ٢٠٢٣", None]), digits="keep").compute()
    # ['تُفرض ٢٠٢٣', None]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError('arnorm.integrations.dask needs dask: pip install "arnorm[dask]"') from error

from arnorm.cleaner import Cleaner
from arnorm.corpus import (
    DEFAULT_MAX_LENGTH,
    DEFAULT_MAX_WORDS,
    DEFAULT_MIN_DOCUMENTS,
    DEFAULT_MIN_SHARE,
    DEFAULT_WINDOW,
    LineCounts,
    SiteModel,
    count_lines,
)


def _cleaner(cleaner: Cleaner | None, profile: str, options: dict[str, Any]) -> Cleaner:
    return cleaner if cleaner is not None else Cleaner(profile, **options)


def _clean_partition(texts: Iterable[str | None], cleaner: Cleaner) -> list[str | None]:
    return cleaner.clean_batch(texts)


def clean_bag(
    bag: db.Bag, cleaner: Cleaner | None = None, *, profile: str = "repair", **options: Any
) -> db.Bag:
    """A bag of cleaned strings, in the same order (``None`` passes through)."""
    return bag.map_partitions(_clean_partition, _cleaner(cleaner, profile, options))


def _clean_series(series: Any, cleaner: Cleaner) -> Any:
    import pandas

    texts = [None if pandas.isna(value) else value for value in series.tolist()]
    return pandas.Series(
        cleaner.clean_batch(texts), index=series.index, name=series.name, dtype=series.dtype
    )


def clean_column(
    frame: dd.DataFrame,
    column: str,
    cleaner: Cleaner | None = None,
    *,
    output: str | None = None,
    profile: str = "repair",
    **options: Any,
) -> dd.DataFrame:
    """``frame`` with ``column`` cleaned, in place or into ``output``; nulls stay null."""
    chosen = _cleaner(cleaner, profile, options)
    source = frame[column]
    cleaned = source.map_partitions(_clean_series, chosen, meta=source._meta)
    return frame.assign(**{output or column: cleaned})


def _count_partition(
    records: Iterable[dict[str, Any]], text_key: str, group_key: str, window: int, cleaner: Cleaner
) -> LineCounts:
    pairs = (
        (
            None if record.get(text_key) is None else cleaner(record[text_key]),
            record.get(group_key),
        )
        for record in records
    )
    return count_lines(pairs, window)


def _add_counts(parts: Iterable[LineCounts]) -> LineCounts:
    result: LineCounts | None = None
    for part in parts:
        result = part if result is None else result + part
    return result if result is not None else LineCounts()


def learn_site_model(
    records: db.Bag,
    *,
    text_key: str = "text",
    group_key: str = "source",
    cleaner: Cleaner | None = None,
    window: int = DEFAULT_WINDOW,
    min_documents: int = DEFAULT_MIN_DOCUMENTS,
    min_share: float = DEFAULT_MIN_SHARE,
    max_length: int = DEFAULT_MAX_LENGTH,
    max_words: int = DEFAULT_MAX_WORDS,
) -> SiteModel:
    """Learn a :class:`~arnorm.corpus.SiteModel` from a bag of dict records (map/reduce).

    Each partition's texts are cleaned and counted on the workers; only the counts travel.
    """
    chosen = cleaner if cleaner is not None else Cleaner()
    counts: LineCounts = records.reduction(
        lambda part: _count_partition(part, text_key, group_key, window, chosen),
        _add_counts,
    ).compute()
    return counts.model(
        group_key,
        min_documents=min_documents,
        min_share=min_share,
        max_length=max_length,
        max_words=max_words,
    )


def strip_site_boilerplate(records: db.Bag, model: SiteModel, *, text_key: str = "text") -> db.Bag:
    """A bag of records whose ``text_key`` has the model's site lines stripped."""

    def strip(record: dict[str, Any]) -> dict[str, Any]:
        text, group = record.get(text_key), record.get(model.group_by)
        if isinstance(text, str) and group is not None:
            record = {**record, text_key: model.strip(text, str(group))}
        return record

    return records.map(strip)
