"""Trailer rule B4: cut the related-posts / author / comment block at the end of an article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from arnorm.boilerplate import bulk
from arnorm.boilerplate.options import boilerplate_on
from arnorm.boilerplate.phrases import Lexicon, extra_phrases, fold, lexicon
from arnorm.context import Context
from arnorm.rule import line_rule

# A header is a short line; it must stand in the tail of the document, and the cut must not
# take more than a minor share of the document's text (BOILERPLATE.md, rule B4; the values
# are discussed in docs/boilerplate.md).
HEADER_MAX_LENGTH = 60
TAIL_START = 0.5  # the header starts after this share of the document's characters
MAX_CUT_SHARE = 0.3  # the cut text (header and all after it) is at most this share
# A line after the header that reads as a sentence (this long, ending with sentence
# punctuation) stops the cut: a subheading such as "الأكثر مشاهدة" before an article's last
# paragraph must not take the paragraph with it.  Related-post titles, time stamps and
# contact lines are short or unpunctuated.
SENTENCE_MIN_LENGTH = 80
SENTENCE_END = (".", "!", "?", "\u061f", "\u06d4")


def _sentence_like(line: str) -> bool:
    return len(line) >= SENTENCE_MIN_LENGTH and line.rstrip(" \"'»”)").endswith(SENTENCE_END)


def _last_sentence_like(lines: Sequence[str]) -> int:
    for index in range(len(lines) - 1, -1, -1):
        if _sentence_like(lines[index]):
            return index
    return -1


def trailer_header(line: str, extra: tuple[str, ...] = ()) -> str | None:
    """The lexicon header that ``line`` is (it starts the line and covers most of it), or None.

    >>> trailer_header("قد يهمك:"), trailer_header("اترك رداً"), trailer_header("قد")
    ('قد يهمك', 'اترك رداً', None)
    >>> trailer_header("// يتبع // 11:02 ت م")
    'يتبع'
    """
    if not line or len(line) > HEADER_MAX_LENGTH:
        return None
    headers = lexicon("trailer_headers", extra)
    return _header(line, headers) if headers.may_start(line) else None


def _header(line: str, headers: Lexicon) -> str | None:
    # trailer_header for a line that may_start.
    entry = headers.starting(fold(line))
    return None if entry is None else entry.phrase


def is_trailer_header(line: str) -> bool:
    """Whether ``line`` is, after folding, one of the trailer headers of the lexicon.

    >>> is_trailer_header("قد يهمك:"), is_trailer_header("اترك رداً"), is_trailer_header("قد")
    (True, True, False)
    """
    return trailer_header(line) is not None


@line_rule("boilerplate.trailer", code="B4", enabled_if=boilerplate_on)
def trailer(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Cut a trailer block: from a trailer header in the tail of the document to the end.

    A header that is not in the tail, whose cut would take a large share of the text, or
    that is followed by a line that reads as a sentence, is removed alone: the text after it
    may be content.

    >>> from arnorm.boilerplate.trailer import trailer
    >>> article = "نص الخبر الطويل الذي يتحدث عن أمور كثيرة ومهمة جدا." * 3
    >>> trailer(article + "\\nقد يهمك:\\n\\nعن الكاتب:\\nاترك رد") == article
    True
    """
    drop: dict[int, str] = {}
    if len(lines) == 1 and len(lines[0]) > HEADER_MAX_LENGTH:
        return drop  # one line longer than a header (a tweet, a sentence)
    headers = lexicon("trailer_headers", extra_phrases(ctx.options, "trailer_headers"))
    total = -1  # the document's length, counted at the first header
    position = counted = 0  # where line ``counted`` starts
    last_sentence = -2  # the index of the last line that reads as a sentence (-1: none)
    # Most lines start with no header's first word: may_start_lines tells without folding them.
    many = bulk.facts(lines, ctx) if len(lines) >= bulk.MIN_LINES else None
    known: dict[str, str | None] = {}  # each distinct line judged once (lists repeat lines)
    for index in headers.may_start_lines(lines, HEADER_MAX_LENGTH, many):
        line = lines[index]
        try:
            header = known[line]
        except KeyError:
            header = known[line] = _header(line, headers)
        if header is None:
            continue
        if total < 0:
            total = sum(map(len, lines)) + len(lines)
        position += sum(map(len, lines[counted:index])) + index - counted
        counted = index
        cut = total - position
        if position >= TAIL_START * total and cut <= MAX_CUT_SHARE * total:
            if last_sentence == -2:
                # Found once, from the end: each header in the tail looking at all the lines
                # after it was quadratic (thousands of headers before a last sentence).
                last_sentence = _last_sentence_like(lines)
            if last_sentence > index:
                drop[index] = f"trailer header {header!r} with content after it"
                continue
            reason = f"trailer block after the header {header!r}"
            drop.update(dict.fromkeys(range(index, len(lines)), reason))
            return drop
        drop[index] = f"trailer header {header!r} with content after it"
    return drop


RULES = (trailer,)
