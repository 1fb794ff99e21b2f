"""Site-wide boilerplate (rule B6): lines that recur across one site's documents, learned.

A site prints the same short lines at the top or bottom of its pages: an agency's end marker
("// انتهى //"), a byline stamp ("عين اليوم – جدة"), a dateline ("الرياض 26 شوال 1436 هـ
الموافق 11 أغسطس 2015 م واس"), a phone-operator footer ("88591 - Stc").  No phrase list can
name them all; a sample of the site's own documents shows them.

Learning is a map/reduce, so it runs on one machine or on Dask:

* **map** -- :func:`count_lines` over a part of the documents: for each group (site), how many
  documents it has and, for each line in a document's head or tail (the first and last
  ``window`` non-blank lines), in how many documents it occurs;
* **reduce** -- ``LineCounts + LineCounts``;
* **finish** -- :meth:`LineCounts.model` keeps the lines that occur in at least
  ``min_documents`` documents *and* ``min_share`` of their group's documents, and are not
  sentence-like (:func:`sentence_like`: terminal punctuation, or long).  Frequency alone is not
  a signal: "حفظ الله سموه في سفره وإقامته." recurs and is content, hence the shape guard.

Lines are compared by :func:`line_key`: trimmed, with every run of digits written ``0``, so a
dateline or a time stamp matches whatever its date.  The :class:`SiteModel` is a small JSON file
(``SiteModel.save``/``SiteModel.load``) that users can read and edit: delete a line to keep it.
Apply it to documents that were cleaned with the same settings as the sample
(:meth:`SiteModel.strip`); it removes matching lines from the head and tail only, and never a
sentence-like line, whatever the file says.

>>> docs = [(f"الرياض 1{i} شوال 1436 هـ واس\\nنص الخبر رقم {i}.\\n// انتهى //", "was")
...         for i in range(6)]
>>> model = learn(docs, group_by="source", min_documents=3)
>>> sorted(model.groups["was"])
['// انتهى //', 'الرياض 0 شوال 0 هـ واس']
>>> model.strip("الرياض 30 شوال 1436 هـ واس\\nخبر جديد.\\n// انتهى //", "was")
'خبر جديد.'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "arnorm-site-model"
VERSION = 1

# A line ending so is a sentence (or a sentence in quotes or brackets) and is never learned.
SENTENCE_END = (".", "!", "?", "\u061f", "\u2026", "\u06d4", ":", "\u061b")
CLOSERS = "\"')]}»”’"
DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")

DEFAULT_WINDOW = 5
DEFAULT_MIN_DOCUMENTS = 5
DEFAULT_MIN_SHARE = 0.01
DEFAULT_MAX_LENGTH = 80
DEFAULT_MAX_WORDS = 12


def line_key(line: str) -> str:
    """How lines are compared: trimmed, every run of digits written ``0``.

    >>> line_key(" 14:12 ت م ")
    '0:0 ت م'
    """
    return DIGITS.sub("0", line.strip())


def sentence_like(
    line: str, max_length: int = DEFAULT_MAX_LENGTH, max_words: int = DEFAULT_MAX_WORDS
) -> bool:
    """Whether a line reads as content: it ends like a sentence, or it is long.

    >>> sentence_like("حفظ الله سموه في سفره وإقامته.")
    True
    >>> sentence_like("// انتهى //")
    False
    """
    text = line.strip().rstrip(CLOSERS).rstrip()
    return (
        text.endswith(SENTENCE_END)
        or len(line.strip()) > max_length
        or len(text.split()) > max_words
    )


def edges(lines: list[str], window: int) -> tuple[set[int], set[int]]:
    """Indexes of the head and tail lines: up to ``window`` non-blank lines at each end.

    A short document is split between the two: its first half is head, the rest tail.
    """
    filled = [index for index, line in enumerate(lines) if line.strip()]
    head = filled[: min(window, (len(filled) + 1) // 2)]
    tail = filled[max(len(head), len(filled) - window) :]
    return set(head), set(tail)


@dataclass
class GroupCounts:
    """One group's counts: documents, and per line key the documents it occurs in."""

    documents: int = 0
    lines: Counter[str] = field(default_factory=Counter)
    head: Counter[str] = field(default_factory=Counter)  # of those, documents with it in the head

    def __add__(self, other: GroupCounts) -> GroupCounts:
        return GroupCounts(
            self.documents + other.documents, self.lines + other.lines, self.head + other.head
        )


@dataclass
class LineCounts:
    """The reduced counts of a sample, per group (the result of the *map* and *reduce* steps)."""

    window: int = DEFAULT_WINDOW
    groups: dict[str, GroupCounts] = field(default_factory=dict)

    def add_document(self, text: str, group: str) -> None:
        counts = self.groups.setdefault(group, GroupCounts())
        counts.documents += 1
        lines = text.split("\n")
        head, tail = edges(lines, self.window)
        head_keys = {line_key(lines[index]) for index in head}
        keys = head_keys | {line_key(lines[index]) for index in tail}
        counts.lines.update(keys)
        counts.head.update(head_keys)

    def __add__(self, other: LineCounts) -> LineCounts:
        if other.window != self.window:
            raise ValueError(f"cannot add counts of windows {self.window} and {other.window}")
        groups = dict(self.groups)
        for name, counts in other.groups.items():
            groups[name] = groups[name] + counts if name in groups else counts
        return LineCounts(self.window, groups)

    def model(
        self,
        group_by: str = "group",
        *,
        min_documents: int = DEFAULT_MIN_DOCUMENTS,
        min_share: float = DEFAULT_MIN_SHARE,
        max_length: int = DEFAULT_MAX_LENGTH,
        max_words: int = DEFAULT_MAX_WORDS,
    ) -> SiteModel:
        """The *finish* step: the recurring, non-sentence lines of each group."""
        groups: dict[str, dict[str, LearnedLine]] = {}
        sizes: dict[str, int] = {}
        for name in sorted(self.groups):
            counts = self.groups[name]
            sizes[name] = counts.documents
            floor = max(min_documents, min_share * counts.documents)
            learned: dict[str, LearnedLine] = {}
            for key, documents in counts.lines.most_common():
                if documents < floor:
                    break
                if not key or sentence_like(key, max_length, max_words):
                    continue
                in_head = counts.head[key]
                where = "head" if in_head == documents else "tail" if in_head == 0 else "both"
                learned[key] = LearnedLine(documents, where)
            groups[name] = learned
        return SiteModel(
            group_by=group_by,
            groups=groups,
            documents=sizes,
            window=self.window,
            max_length=max_length,
            max_words=max_words,
            settings={"min_documents": min_documents, "min_share": min_share},
        )


def count_lines(
    documents: Iterable[tuple[str | None, str | None]], window: int = DEFAULT_WINDOW
) -> LineCounts:
    """The *map* step over ``(text, group)`` pairs (``None`` texts or groups are skipped)."""
    counts = LineCounts(window)
    for text, group in documents:
        if text is not None and group is not None:
            counts.add_document(text, str(group))
    return counts


@dataclass(frozen=True)
class LearnedLine:
    documents: int  # in how many documents of the sample the line occurred
    where: str  # "head", "tail" or "both"


@dataclass
class SiteModel:
    """Learned site boilerplate: per group, the line keys to strip from heads and tails."""

    group_by: str
    groups: dict[str, dict[str, LearnedLine]]
    documents: dict[str, int] = field(default_factory=dict)
    window: int = DEFAULT_WINDOW
    max_length: int = DEFAULT_MAX_LENGTH
    max_words: int = DEFAULT_MAX_WORDS
    settings: dict[str, Any] = field(default_factory=dict)

    def strip_lines(self, text: str, group: str) -> tuple[str, list[str]]:
        """``text`` without its group's learned lines in the head and tail, and the lines removed.

        Removing lines brings others into the head or tail window, so this repeats until
        nothing more goes; blank lines left at the ends or doubled are dropped too.
        """
        learned = self.groups.get(group)
        if not learned or not text:
            return text, []
        lines = text.split("\n")
        removed: list[str] = []
        while True:
            head, tail = edges(lines, self.window)
            drop = {
                index
                for index in head | tail
                if line_key(lines[index]) in learned
                and not sentence_like(lines[index], self.max_length, self.max_words)
            }
            if not drop:
                break
            removed.extend(lines[index] for index in sorted(drop))
            lines = [line for index, line in enumerate(lines) if index not in drop]
        if not removed:
            return text, []
        return _tidy_blank_lines(lines), removed

    def strip(self, text: str, group: str) -> str:
        """``text`` without its group's learned boilerplate lines (see :meth:`strip_lines`)."""
        return self.strip_lines(text, group)[0]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "group_by": self.group_by,
            "window": self.window,
            "max_length": self.max_length,
            "max_words": self.max_words,
            "learned_with": self.settings,
            "groups": {
                name: {
                    "documents": self.documents.get(name, 0),
                    "lines": {
                        key: {"documents": line.documents, "where": line.where}
                        for key, line in learned.items()
                    },
                }
                for name, learned in self.groups.items()
            },
        }

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SiteModel:
        """Read a model; each group's ``lines`` may be a mapping (as saved) or a list of lines."""
        if data.get("format") != FORMAT:
            raise ValueError(f"not an arnorm site model (format should be {FORMAT!r})")
        groups: dict[str, dict[str, LearnedLine]] = {}
        sizes: dict[str, int] = {}
        for name, group in data.get("groups", {}).items():
            lines = group.get("lines", {})
            if isinstance(lines, list):
                lines = {line: {} for line in lines}
            groups[str(name)] = {
                line_key(key): LearnedLine(
                    int(value.get("documents", 0)), str(value.get("where", "both"))
                )
                for key, value in lines.items()
            }
            sizes[str(name)] = int(group.get("documents", 0))
        return cls(
            group_by=str(data.get("group_by", "group")),
            groups=groups,
            documents=sizes,
            window=int(data.get("window", DEFAULT_WINDOW)),
            max_length=int(data.get("max_length", DEFAULT_MAX_LENGTH)),
            max_words=int(data.get("max_words", DEFAULT_MAX_WORDS)),
            settings=dict(data.get("learned_with", {})),
        )

    @classmethod
    def load(cls, path: str | Path) -> SiteModel:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _tidy_blank_lines(lines: list[str]) -> str:
    result: list[str] = []
    for line in lines:
        if not line.strip() and (not result or not result[-1].strip()):
            continue
        result.append(line)
    while result and not result[-1].strip():
        result.pop()
    return "\n".join(result)


def learn(
    documents: Iterable[tuple[str | None, str | None]],
    *,
    group_by: str = "group",
    window: int = DEFAULT_WINDOW,
    min_documents: int = DEFAULT_MIN_DOCUMENTS,
    min_share: float = DEFAULT_MIN_SHARE,
    max_length: int = DEFAULT_MAX_LENGTH,
    max_words: int = DEFAULT_MAX_WORDS,
) -> SiteModel:
    """Learn a :class:`SiteModel` from ``(text, group)`` pairs on one machine (map, then finish).

    Give it texts cleaned with the settings you will clean the corpus with.
    """
    return count_lines(documents, window).model(
        group_by,
        min_documents=min_documents,
        min_share=min_share,
        max_length=max_length,
        max_words=max_words,
    )
