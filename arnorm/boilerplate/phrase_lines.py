"""Whole-line phrase rule B5: copyright lines, agency end markers, read-more stubs, link lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from arnorm.boilerplate import bulk
from arnorm.boilerplate.options import boilerplate_on
from arnorm.boilerplate.phrases import Lexicon, extra_phrases, fold, lexicon
from arnorm.context import Context
from arnorm.rule import line_rule

# A whole-line phrase is looked for only in lines up to this long (the longest phrase lines of
# the corpus, author-contact footers, are about 130 characters; sentences that contain a
# phrase are longer or are not covered by it).
LINE_MAX_LENGTH = 200
# A lead-in ("اقرأ أيضا: …") drops a line up to this long: a link title, not a paragraph.
LEAD_IN_MAX_LENGTH = 140


def phrase_line(line: str, extra: tuple[str, ...] = ()) -> str | None:
    """The lexicon phrase that makes ``line`` a boilerplate line, or ``None``.

    >>> phrase_line("// انتهى //"), phrase_line("© 2015 جميع الحقوق محفوظة لصحيفة سبق")
    ('انتهى', 'جميع الحقوق محفوظة')
    >>> phrase_line("أعلن موقع تويتر إطلاق سجل عمليات تسجيل الدخول على الموقع.") is None
    True
    """
    if not line or len(line) > LINE_MAX_LENGTH:
        return None
    phrases = lexicon("line_phrases", extra)
    return _phrase_line(line, phrases) if phrases.may_cover(line) else None


def _phrase_line(line: str, phrases: Lexicon) -> str | None:
    # phrase_line for a line that may_cover.
    entry = phrases.covering(fold(line))
    if entry is None:
        return None
    if entry.lead_in and (
        len(line) > LEAD_IN_MAX_LENGTH
        # A link before the lead-in may end the sentence of the line before: keep the line.
        or not fold(line, addresses=False).startswith(entry.folded)
    ):
        return None
    return entry.phrase


@line_rule("boilerplate.phrase_lines", code="B5", enabled_if=boilerplate_on, line_local=True)
def phrase_lines(lines: Sequence[str], ctx: Context) -> Mapping[int, str]:
    """Drop whole-line boilerplate: a short line that a lexicon phrase covers.

    The phrases (``arnorm/boilerplate/phrases/line_phrases.txt``, plus the option
    ``line_phrases``) are copyright and legal lines, news-agency markers, read-more stubs,
    account and share prompts, author-contact footers, and lead-ins of link lines ("اقرأ
    أيضا: …").  A line that only contains a phrase inside a sentence stays.

    >>> from arnorm.boilerplate.phrase_lines import phrase_lines
    >>> phrase_lines("نص الخبر.\\n// انتهى //\\n...المزيد")
    'نص الخبر.'
    """
    phrases = lexicon("line_phrases", extra_phrases(ctx.options, "line_phrases"))
    if len(lines) >= bulk.MIN_LINES:  # each distinct line judged once

        def verdict(line: str) -> str | None:
            if not phrases.may_cover(line):
                return None
            phrase = _phrase_line(line, phrases)
            return None if phrase is None else f"boilerplate line: the phrase {phrase!r}"

        return bulk.facts(lines, ctx).judged(1, LINE_MAX_LENGTH, verdict)
    drop: dict[int, str] = {}
    # Most lines share no word with a phrase: may_cover_lines tells without folding them.
    for index in phrases.may_cover_lines(lines, LINE_MAX_LENGTH):
        phrase = _phrase_line(lines[index], phrases)
        if phrase is not None:
            drop[index] = f"boilerplate line: the phrase {phrase!r}"
    return drop


RULES = (phrase_lines,)
