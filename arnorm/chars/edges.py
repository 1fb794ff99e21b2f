"""Segment edges: may a rule delete a mark at the end of a segment?

Character rules see the segments between protected spans (URLs, e-mails, Latin tokens).  A
rule that deletes a mark at a segment edge must know whether a protected span is on the other
side: deleting it could glue a letter to that span and change, on the next run, what is
protected (and so break idempotence).  The check looks at the whole document (the context's
text, from which the segments were cut) and runs only in that rare case.
"""

from __future__ import annotations

from arnorm.chars.tables import MARK_CLASS, expand_class
from arnorm.context import Context
from arnorm.protect import protected_spans

_INVISIBLE = "\u00ad\u200b-\u200f\u2060\ufeff"
_INVISIBLES = frozenset(expand_class(_INVISIBLE))
_MARKS = frozenset(expand_class(MARK_CLASS))
_MEMO = "edges.spans"  # (ctx.memo: the document's text and its spans, found once)


def ends_document(ctx: Context, tail: str) -> bool:
    """Whether a segment that ends with ``tail`` (a base and its marks) may be treated as the
    end of the document: no protected span follows a mark, or no span follows this segment.

    The pipeline says where the segment is (``ctx.segment_ends_document``); a rule applied
    outside a pipeline guesses: the document ends with that same text and not with a span.
    """
    if not span_after_mark(ctx):
        return True
    if ctx.segment_ends_document is not None:
        return ctx.segment_ends_document
    text = ctx.text
    spans = _document_spans(ctx)[1]
    return text.endswith(tail) and not (spans and spans[-1][1] == len(text))


def span_after_mark(ctx: Context) -> bool:
    """Whether a protected span of the document comes right after a mark.

    Deleting that mark would glue the letter before it to the span, and a URL glued to a Latin
    letter (``AHTTP://``) is no longer one: the next run would protect something else.  A rule
    that deletes a mark at the end of a segment must then keep it.  (Spans are bounded by ASCII
    characters otherwise, so deleting a mark *after* a span never changes it.)

    Found once per document (a rule asks at each segment that ends with a mark): asked at every
    segment, with a search of the text before each span, a megabyte of Latin tokens each
    followed by a run of fathas took 360x the time of ordinary text (the adversarial survey).
    """
    return _document_spans(ctx)[2]


def _document_spans(ctx: Context) -> tuple[str, list[tuple[int, int]], bool]:
    """The text of ``ctx``, its protected spans, and whether one comes right after a mark
    (invisible characters between them read through)."""
    known = ctx.memo.get(_MEMO)
    text = ctx.text
    if isinstance(known, tuple) and known[0] is text:
        return known
    spans = protected_spans(text)
    after_mark = False
    for start, _ in spans:
        # (the characters walked over are invisible: none starts a span, so no character is
        # walked over twice)
        at = start
        while at > 0 and text[at - 1] in _INVISIBLES:
            at -= 1
        if at > 0 and text[at - 1] in _MARKS:
            after_mark = True
            break
    found = (text, spans, after_mark)
    ctx.memo[_MEMO] = found
    return found
