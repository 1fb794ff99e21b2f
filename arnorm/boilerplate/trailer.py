"""Trailer rule B4: cut the related-posts / author / comment block at the end of an article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from arnorm.boilerplate.options import boilerplate_on
from arnorm.boilerplate.phrases import fold, load
from arnorm.context import Context
from arnorm.rule import line_rule

# A header is a short line; it must stand in the tail of the document, and the cut must not
# take more than a minor share of the document's text (BOILERPLATE.md, rule B4).
HEADER_MAX_LENGTH = 60
TAIL_START = 0.5  # the header starts after this share of the document's characters
MAX_CUT_SHARE = 0.3  # the cut text (header and all after it) is at most this share


def is_trailer_header(line: str) -> bool:
    """Whether ``line`` is, after folding, one of the trailer headers of the lexicon.

    >>> is_trailer_header("قد يهمك:"), is_trailer_header("اترك رداً"), is_trailer_header("قد")
    (True, True, False)
    """
    return 0 < len(line) <= HEADER_MAX_LENGTH and fold(line) in load("trailer_headers")


@line_rule("boilerplate.trailer", code="B4", enabled_if=boilerplate_on)
def trailer(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Cut a trailer block: from a trailer header in the tail of the document to the end.

    A header that is not in the tail, or whose cut would take a large share of the text, is
    removed alone: the text after it may be content.

    >>> from arnorm.boilerplate.trailer import trailer
    >>> article = "نص الخبر الطويل الذي يتحدث عن أمور كثيرة ومهمة جدا." * 3
    >>> trailer(article + "\\nقد يهمك:\\n\\nعن الكاتب:\\nاترك رد") == article
    True
    """
    total = sum(len(line) + 1 for line in lines)
    position = 0
    for index, line in enumerate(lines):
        if is_trailer_header(line):
            cut = total - position
            if position >= TAIL_START * total and cut <= MAX_CUT_SHARE * total:
                reason = f"trailer block after the header {line!r}"
                return {i: reason for i in range(index, len(lines))}
            return {index: "trailer header with content after it"}
        position += len(line) + 1
    return {}


RULES = (trailer,)
