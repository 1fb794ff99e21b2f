"""Segment edges: is the start (or end) of a segment the start (or end) of the document?

Character rules see the segments between protected spans (URLs, e-mails, Latin tokens).  A
rule that deletes a mark at a segment edge must know whether a protected span is on the other
side: deleting it could glue a letter to that span and change, on the next run, what is
protected (and so break idempotence).  These checks look at the whole document (the context's
text, from which the segments were cut) and run only in that rare case.
"""

from __future__ import annotations

import re

from arnorm.chars.tables import MARK_CLASS
from arnorm.context import Context
from arnorm.protect import protected_spans

_INVISIBLE = "\u00ad\u200b-\u200f\u2060\ufeff"


_LEADING_MARKS = re.compile(f"[{MARK_CLASS}{_INVISIBLE}]*")


def _skip_marks(text: str) -> str:
    """``text`` without its leading marks and invisibles (the rules may have changed them)."""
    return text[_LEADING_MARKS.match(text).end() :]  # type: ignore[union-attr]


def starts_document(ctx: Context, segment: str, first: str = MARK_CLASS) -> bool:
    """Whether the segment that starts with ``segment`` is the document's first one.

    It is when the document starts with the segment and not with a protected span, or when no
    protected span of the document is followed by a character of the class ``first`` (the
    kind of character the segment starts with: earlier rules may have changed the start).
    """
    text = ctx.text
    spans = protected_spans(text)
    if _skip_marks(text)[:2] == _skip_marks(segment)[:2] and not (spans and spans[0][0] == 0):
        return True
    after = re.compile(f"[{_INVISIBLE}]*[{first}]")
    return not any(after.match(text, end) for _, end in spans)


def ends_document(ctx: Context, segment: str, last: str = MARK_CLASS) -> bool:
    """Whether the segment that ends with ``segment`` is the document's last one."""
    text = ctx.text
    spans = protected_spans(text)
    if _skip_marks(text[::-1])[:2] == _skip_marks(segment[::-1])[:2] and not (
        spans and spans[-1][1] == len(text)
    ):
        return True
    before = re.compile(f"[{last}][{_INVISIBLE}]*$")
    return not any(before.search(text, 0, start) for start, _ in spans)
