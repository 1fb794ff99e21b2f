"""A datatrove pipeline step that cleans each document's text with arnorm.

``pip install "arnorm[datatrove]"``, then put :class:`ArnormCleaner` in a pipeline::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from arnorm.integrations.datatrove import ArnormCleaner

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("raw/"),
            ArnormCleaner(drop_empty=True),
            JsonlWriter("clean/"),
        ],
        tasks=4,
    ).run()

The step's stats (``stats.json`` in the logging folder, and the summary datatrove prints) hold
``total``, ``changed``, ``characters_removed``, ``dropped_empty``, and, with ``rule_stats``
(the default), one ``rule:<rule id>`` count per rule that fired: the same counts as
``arnorm clean --report``.  Rule counts come from :meth:`arnorm.Cleaner.explain`, several times
slower than cleaning; ``rule_stats=False`` skips them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        'arnorm.integrations.datatrove needs datatrove: pip install "arnorm[datatrove]"'
    ) from error

from arnorm.cleaner import Cleaner
from arnorm.corpus import SiteModel

SITE_RULE = "corpus.site_boilerplate"


class ArnormCleaner(PipelineStep):  # type: ignore[misc]
    """Clean ``document.text``; optionally strip learned site boilerplate and drop empty documents.

    ``cleaner`` is an :class:`arnorm.Cleaner` (default: the ``repair`` profile), or give
    ``profile`` and ``options`` to build one.  ``site_model`` (a :class:`arnorm.corpus.SiteModel`
    or the path of its JSON file) strips each site's learned lines; the site is the document's
    metadata field ``group_key`` (default: the model's ``group_by``).
    """

    name = "🧹 arnorm"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        cleaner: Cleaner | None = None,
        *,
        profile: str = "repair",
        drop_empty: bool = False,
        rule_stats: bool = True,
        site_model: SiteModel | str | Path | None = None,
        group_key: str | None = None,
        **options: Any,
    ):
        super().__init__()
        self.cleaner = cleaner if cleaner is not None else Cleaner(profile, **options)
        self.drop_empty = drop_empty
        self.rule_stats = rule_stats
        if isinstance(site_model, str | Path):
            site_model = SiteModel.load(site_model)
        self.site_model = site_model
        self.group_key = group_key or (site_model.group_by if site_model is not None else None)

    def clean_document(self, document: Document) -> bool:
        """Clean one document in place; return whether to keep it."""
        text: str = document.text
        self.stat_update("total")
        if self.rule_stats:
            report = self.cleaner.explain(text)
            output = report.output
            for rule, count in report.counts().items():
                self.stat_update(f"rule:{rule}", value=count)
        else:
            output = self.cleaner(text)
        if self.site_model is not None and self.group_key is not None:
            group = document.metadata.get(self.group_key)
            if group is not None:
                output, removed = self.site_model.strip_lines(output, str(group))
                if removed and self.rule_stats:
                    self.stat_update(f"rule:{SITE_RULE}", value=len(removed))
        if output != text:
            self.stat_update("changed")
        self.stat_update("characters_removed", value=len(text) - len(output))
        document.text = output
        if self.drop_empty and not output.strip():
            self.stat_update("dropped_empty")
            return False
        return True

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterable[Document]:
        if data is None:
            return
        for document in data:
            with self.track_time():
                keep = self.clean_document(document)
            if keep:
                self.update_doc_stats(document)
                yield document
