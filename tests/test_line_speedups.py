"""The fast line phase against the straightforward rules of tests/line_reference.py.

Every shortcut of the line phase (W1's skip test, B1/B2's blank test, B3's list.index, the
lexicon's test of a line's first and last word before folding it) must decide exactly what
the plain version decides.  The texts are built from what the shortcuts look at: lexicon
phrases in their spelling variants, with marks, punctuation, digits, addresses and links
around them; blank lines of spaces, NBSPs and invisible characters; short and long lines;
repeated lines and titles.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm import Cleaner
from arnorm.boilerplate import bulk, lines, phrase_lines, phrases, trailer, whitespace
from arnorm.catalogue import CATALOGUE
from arnorm.context import Context
from arnorm.pipeline import Pipeline
from arnorm.rule import LineRule, Removals
from tests import line_reference as reference
from tests.strategies import any_text

OPTIONS = Cleaner().options
PHRASES = (*phrases.read("line_phrases"), *phrases.read("trailer_headers"))

# Spelling variants fold() merges: a phrase is written with any of them.
VARIANTS = {"ا": "اأإآٱ", "ه": "هة", "ي": "يى"}


@st.composite
def variant(draw: st.DrawFn, phrase: str) -> str:
    """``phrase`` with some letters written another way and marks or tatweel added."""
    out = []
    for character in phrase:
        if character in VARIANTS and draw(st.booleans()):
            character = draw(st.sampled_from(VARIANTS[character]))
        out.append(character)
        if character.isalpha() and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from("\u064b\u064e\u0650\u0651\u0652\u0640\u0670")))
    return "".join(out)


WORDS = [
    *str.split("و ب ل ف ك ت م ن ي ا"),
    *str.split("في من على عن إلى قد لن كل أن إن الله"),
    *str.split("وقال الخبر الحقوق محفوظة المزيد انتهى يتبع أيضا تسجيل الدخول تعليقات شارك"),
    *str.split("اقرأ إقرأ الأكثر قراءة اترك رداً الكاتب للتواصل لمراسلة جميع حقوق سبق الوئام"),
    "مُحَمَّد",
    "جداً",
    "كتـــاب",
    "SMS",
    "sms",
    "Email",
    "iPhone",
    "2015",
    "١٤٣٦",
    "©",
    "//",
    "-",
    "*",
    "«",
    "»",
    ":",
    ".",
    "،",
    "؟",
    "…",
    "...",
    "a@b.net",
    "محمد@site.com",
    "1محمد@x.org",
    "محمد@1.2",
    "www.example.com/اقرأ",
    "https://t.co/x",
    "http://",
    "@user5",  # (a mention: no address, fold() keeps its letters)
    "#وسم_3",
    "a@b",
    "www.x.com@y.org",
    "_",
    "\u200f",
    "\u00a0",
]
SEPARATORS = [" ", " ", " ", "", "  ", "\t", "\u00a0", ": ", " - ", "/", "."]
word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PHRASES).flatmap(variant),
    st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئءٱ"), min_size=1, max_size=7),
)


@st.composite
def line(draw: st.DrawFn) -> str:
    """A line: words and separators, a lexicon phrase often at one end, sometimes long."""
    parts = draw(st.lists(st.tuples(word, st.sampled_from(SEPARATORS)), max_size=8))
    text = "".join(w + s for w, s in parts)
    if draw(st.booleans()):
        phrase = draw(st.sampled_from(PHRASES).flatmap(variant))
        if draw(st.booleans()):  # one or two words beside the phrase: it may still cover them
            text = " ".join(draw(st.lists(word, min_size=1, max_size=2)))
        text = phrase + " " + text if draw(st.booleans()) else text + " " + phrase
    text = draw(st.sampled_from(["", "", "// ", "© 2015 ", "- ", "«", "...", " "])) + text
    text += draw(st.sampled_from(["", "", ".", ":", " //", "»", "\u064b.", " 11:02 ت م", " "]))
    if draw(st.integers(0, 9)) == 0:
        text = text * draw(st.integers(2, 12))  # a paragraph, longer than the length limits
    return text


BLANKS = ["", "", "", " ", "\u00a0", "\u200f", " \u200b\t", "\ufeff", "\t"]
blank = st.sampled_from(BLANKS)
any_line = st.one_of(line(), blank, any_text.map(lambda text: text.replace("\n", " ")))


@st.composite
def document(draw: st.DrawFn) -> list[str]:
    """Lines drawn from a small pool, so that repeats, runs of blanks and titles happen."""
    pool = draw(st.lists(st.one_of(line(), blank), min_size=1, max_size=8))
    chosen = draw(st.lists(st.sampled_from(pool), max_size=30))
    if chosen and draw(st.booleans()):
        chosen.append(chosen[0])  # the title again
    return chosen


# Short lines (one letter, a list item, a verse) and a few that are not short, for documents
# laid out with blank lines between them: the layout of B1's runs and B3's repeats beside empty
# lines (the adversarial "ب\n\nب\n\n...").
SHORT_LINES = ["ب", "ج", "بب", "عنوان", "نص.", "- بند", "\u200fب", "ب ", "نص طويل " * 12]


@st.composite
def spaced_document(draw: st.DrawFn) -> list[str]:
    """Lines from a small pool of mostly short lines, with runs of 0 to 3 blank lines between."""
    pool = draw(st.lists(st.one_of(st.sampled_from(SHORT_LINES), line()), min_size=1, max_size=4))
    chosen = draw(st.lists(blank, max_size=3))  # blank lines at the start, sometimes
    for _ in range(draw(st.integers(0, 30))):
        chosen.append(draw(st.sampled_from(pool)))
        chosen += draw(st.lists(blank, max_size=3))
    return chosen


extra = st.lists(
    st.one_of(
        st.sampled_from(PHRASES).flatmap(variant),
        st.lists(word, min_size=1, max_size=3).map(" ".join),
        st.sampled_from(["أإآ أإآ", "و", "ا ب", "آية الكرسي …", "SMS", "إ"]),
    ).filter(lambda phrase: bool(phrases.fold(phrase))),
    max_size=3,
).map(tuple)


def context(document: list[str], **options: object) -> Context:
    return Context("\n".join(document), Cleaner(**options).options if options else OPTIONS)


@contextmanager
def many_lines(on: bool) -> Iterator[None]:
    """The rules' paths for many lines (arnorm.boilerplate.bulk) on every document, or on none."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk, "MIN_LINES", 0 if on else math.inf)
        yield


BOTH_WAYS = (False, True)


# --- W1 and the blank test ---------------------------------------------------------------


@given(st.lists(any_line, max_size=12).map("\n".join))
@example("a \nb")
@example("a\n\u200f\u00a0\nb")
@example("\u200f")
@example("a\n\t")
@example("a\t\nb")
@example(" a")
@example("a ")
def test_trim_lines_fast_is_its_pattern(text: str) -> None:
    assert whitespace._trim_lines_fast(text) == reference.trim_lines(text)


@given(st.one_of(any_line, any_text))
def test_is_blank(line: str) -> None:
    assert lines.is_blank(line) == reference.is_blank(line)


# --- the line rules ----------------------------------------------------------------------


@given(document())
@example(["", "", "a", "", "", "b", " ", "\u200f"])
@example(["a", " ", "a", "\u00a0", "a"])
@example(["عنوان", "نص.", "عنوان", "نص آخر."])
@example(["ب"] * 5 + ["نص طويل " * 20] + ["ب"] * 3)
@example(["ب", "", "ب", "", "ب", "ج", "ب"])
@example(["\u200f", "ب", "ب", "\u200f", "ب"])
@example(["ب", "ج", "ب", "ب", "ب", "ج", "ب", "ب", ""])  # B3: blocks of repeats
@example(["ب", "ب", "ب", "ج", "ب", "ب"])
@example(["ب" * 90, "ج", "ب" * 90, "د", "ب" * 90, "ب" * 90, "ج", "ب" * 90])  # a long title
@example(["", "ب", "", "ب", "ب", "ج", "ب", "ب", "د"])
def test_line_rules_decide_as_the_reference(document: list[str]) -> None:
    _line_rules_decide_as_the_reference(document)


@given(spaced_document())
@example(["ب", ""] * 20 + ["ب"])
@example(["", "ب", "", "", "ب", "", ""])
@example(["", " ", "\u200f"])
@example(["ب", "", "ب", "ب", "", "نص طويل " * 12, "ب", "", "ب"])
@example(["\u200f", "ج", "", "ب", "", "ج", "\u00a0", "", "ج"])
def test_spaced_short_lines_decide_as_the_reference(document: list[str]) -> None:
    # Many short lines with blank lines between: B1's runs of blank lines, B3's repeats beside
    # empty lines and B2's repeats across blank lines, found for all the lines at once.
    _line_rules_decide_as_the_reference(document)


def _line_rules_decide_as_the_reference(document: list[str]) -> None:
    for many in BOTH_WAYS:
        with many_lines(many):
            ctx = context(document)  # one context: the rules share the facts of the lines
            assert lines.blank_lines.function(document, ctx) == reference.blank_lines(document)
            assert lines.duplicate_lines.function(document, ctx) == reference.duplicate_lines(
                document
            )
            assert lines.repeated_title.function(document, ctx) == reference.repeated_title(
                document
            )
            assert lines.title_of(document) == reference.title_of(document)
            assert trailer.trailer.function(document, ctx) == reference.trailer_rule(document)
            assert phrase_lines.phrase_lines.function(document, ctx) == reference.phrase_lines_rule(
                document
            )


# A line ending in a letter and a full stop (not a one-letter word): found in this session.
@example(["و كًلً اًلحقوق محفوظة.", "ب", "ة."], (), ())
@given(document(), extra, extra)
def test_user_phrases_decide_as_the_reference(
    document: list[str], line_phrases: tuple[str, ...], trailer_headers: tuple[str, ...]
) -> None:
    for many in BOTH_WAYS:
        with many_lines(many):
            ctx = context(document, line_phrases=line_phrases, trailer_headers=trailer_headers)
            assert trailer.trailer.function(document, ctx) == reference.trailer_rule(
                document, trailer_headers
            )
            assert phrase_lines.phrase_lines.function(document, ctx) == reference.phrase_lines_rule(
                document, line_phrases
            )


@given(st.lists(line(), min_size=8, max_size=40), st.integers(0, 7), st.sampled_from(PHRASES))
def test_trailer_in_the_tail_as_the_reference(body: list[str], at: int, header: str) -> None:
    # Headers in every position of a long document: the tail guards see the same positions.
    document = [*body[: len(body) - at], header, *body[len(body) - at :]]
    for many in BOTH_WAYS:
        with many_lines(many):
            ctx = context(document)
            assert trailer.trailer.function(document, ctx) == reference.trailer_rule(document)


def test_many_headers_in_the_tail_before_a_last_sentence() -> None:
    # Each header in the tail looked at every line after it for a sentence: quadratic.  The
    # last sentence is now found once; the headers before it go alone, the block stays.
    body = [f"سطر رقم {index} من نص الخبر الطويل الذي يتحدث عن أمور كثيرة" for index in range(300)]
    sentence = "وقال المتحدث إن القرار سيطبق على جميع المناطق اعتبارا من الأسبوع المقبل في المملكة."
    document = [*body, *["قد يهمك", "اترك رداً"] * 50, sentence]
    ctx = context(document)
    assert trailer.trailer.function(document, ctx) == reference.trailer_rule(document)
    assert len(trailer.trailer.function(document, ctx)) == 100
    assert trailer.trailer.function(document[:-1], ctx) == reference.trailer_rule(document[:-1])


# --- the lexicon's test before folding ---------------------------------------------------


@given(any_line)
@example("1محمد@x.org الحقوق محفوظة")
@example("1محمد@x.org قد يهمك")
@example("1محمد@x.org جميع الحقوق محفوظة محمد@1.2")
@example("لصحيفة سبق جميع الحقوق محفوظة")
@example("جميع الحقوق محفوظة a@b.com")
@example("...المزيد")
@example("// انتهى //")
@example("و")
def test_lines_and_headers_as_the_reference(line: str) -> None:
    assert phrase_lines.phrase_line(line) == reference.phrase_line(line)
    assert trailer.trailer_header(line) == reference.trailer_header(line)
    assert phrases.fold(line) == reference.fold(line)
    assert phrases.fold(line, addresses=False) == reference.fold(line, addresses=False)


@given(any_line, extra)
# (Latin words, looked up without folding the line where fold() only splits and lower-cases them)
@example("The Zain", ("zain",))
@example("L\u2019\u00e9t\u00e9 d'Or", ("l", "or"))
@example("\u0391\u03a3'B \u0391\u03a3", ("\u03b1\u03c2 b", "\u03b1\u03c2"))  # (final sigma)
@example("Share\u00a0now", ("share now",))
@example("x@y.com Share", ("share",))
@example("x@y.com Share x@y.com", ("share",))  # (an address at both edges)
@example("Stc Mobily", ("stc mobily",))  # (a key that starts and ends with ASCII letters)
@example("www.x.com Share www.y.com", ("share",))
@example("http://x.com Share http://y.com", ("share",))
@example("\u00a7\u00a7 SMS", ("sms",))  # (a first word that folds to nothing)
@example("\u0130stanbul", ("i\u0307stanbul",))
# (a tweet: a mention and a link, tested without the link)
@example("@user https://t.co/x Share", ("user share",))
@example("Share https://t.co/x @user", ("share user",))
@example("@user قد يهمك https://t.co/x", ())
@example("https://t.co/x جميع الحقوق محفوظة #x", ())
@example("www.x.com@y.org Share", ("share",))
@example("جميعhttps://t.co/xالحقوق محفوظة", ())  # (a link parts two words)
@example("a@b.c@d.org Share", ("share",))
def test_may_cover_is_never_wrong(line: str, extra: tuple[str, ...]) -> None:
    fast = phrases.Lexicon((*phrases.read("line_phrases"), *extra))
    slow = reference.Lexicon((*phrases.read("line_phrases"), *extra))
    folded = reference.fold(line)
    if not fast.may_cover(line):
        assert slow.covering(folded) is None
    if not fast.may_start(line):
        assert slow.starting(folded) is None
    covering, expected = fast.covering(folded), slow.covering(folded)
    assert (covering and covering.phrase) == (expected and expected.phrase)
    starting, expected = fast.starting(folded), slow.starting(folded)
    assert (starting and starting.phrase) == (expected and expected.phrase)


@given(any_line)
@example("www.x.com@y.org a@b.c.d https://t.co/x@y.org")
@example("@user x@y.org https://t.co/x")  # (the e-mail after a mention)
@example("محمد@x.org @a")
@example("_@x.org")
@example("a-@x.org")
def test_what_fold_leaves_of_addresses_has_none(line: str) -> None:
    # fold() replaces the addresses once, skipping the e-mail branch where no "@" can end
    # one; Lexicon.may_cover tests the edge words of what is left, without a test for "@":
    # no address must be left.
    bare = phrases._without_addresses(line)
    assert bare == phrases._ADDRESSES.sub(" ", line)
    assert phrases._ADDRESSES.search(bare) is None


# The loops over many lines make some of the per-line test inline (the ASCII edge of a
# Latin-script line): they must pick the lines it picks.
@given(st.lists(any_line, max_size=12), extra)
@example(["The Zain", "Share now", "share.", "www.x.com Share", "a//b Share", "N", "x@y.z"], ())
@example(["Stc Mobily", "SMS", "ارسل رسالة SMS", "Zain.", "Shares"], ("stc mobily", "zain"))
@example(["وقال www.x.com Share", "وقال a//b Share"], ())  # (a link: the tail is fold()'s)
@example(["@user Share https://t.co/x", "a@b.net Share", "Share @user", "@a b@c.org"], ("share",))
@example(["محمد@x.org قد يهمك", "محمد@x.org جميع نص", "نص@x.org"], ())
def test_the_loops_over_lines_pick_what_the_line_tests_pick(
    lines_: list[str], extra: tuple[str, ...]
) -> None:
    lexicon = phrases.Lexicon(
        (*phrases.read("line_phrases"), *phrases.read("trailer_headers"), *extra)
    )
    for max_length in (8, 200):
        fits = [i for i, line in enumerate(lines_) if line and len(line) <= max_length]
        assert lexicon.may_start_lines(lines_, max_length) == [
            i for i in fits if lexicon.may_start(lines_[i])
        ]
        assert lexicon.may_cover_lines(lines_, max_length) == [
            i for i in fits if lexicon.may_cover(lines_[i])
        ]


CONTEXTS = [
    "{}",
    "{}.",
    "// {} //",
    "© 2015 {}",
    "لصحيفة سبق {}",
    "{} لصحيفة سبق",
    "{} SMS",
    "1محمد@x.org {} محمد@1.2",
    "- {}:",
    "«{}»",
    "وقال {} في بيان",
    "{} ١٤٣٦هـ",
    "@user {} https://t.co/x",
    "https://t.co/x {} #وسم @user",
]


def test_may_cover_and_may_start_on_every_phrase_in_context() -> None:
    # Every phrase of both files, in its variants, at the start, the end, alone: whenever the
    # reference finds an entry, the test before folding must have let the line through.
    for kind in ("line_phrases", "trailer_headers"):
        fast, slow = phrases.lexicon(kind), reference.lexicon(kind)
        for phrase in PHRASES:
            for written in {phrase, phrase.replace("ا", "أ"), phrase.replace("ة", "ه") + "ً"}:
                for pattern in CONTEXTS:
                    line = pattern.format(written)
                    folded = reference.fold(line)
                    if slow.covering(folded) is not None:
                        assert fast.may_cover(line), (kind, line)
                    if slow.starting(folded) is not None:
                        assert fast.may_start(line), (kind, line)


def test_may_cover_lets_most_content_lines_through_without_folding() -> None:
    # The point of the test before folding: an ordinary sentence is not folded.
    lexicon = phrases.lexicon("line_phrases")
    sentences = [
        "وأبان أنه تم توجيه الدعوة لحضور الحفل.",  # was, 2015-08-11
        "ويهدف المعرض إلى تنمية المجتمع.",
        "يذكر أن المعجم المقترح يراعي دقة التعبير ومصداقية الدلالة وموثوقيتها.",  # was
        "«وزير الدفاع الكوري الجنوبي شين وون سيك»",
        "- وقال إن القرار نهائي،",
    ]
    # Latin-script lines too: their first and last words are looked up without folding.
    sentences += [
        "The minister said on Monday that talks would resume.",
        "L\u2019\u00e9t\u00e9 dernier, le pr\u00e9sident a d\u00e9clar\u00e9 \u00ab non \u00bb.",
        "Espa\u00f1a y M\u00e9xico firmaron el acuerdo en Bogot\u00e1.",
    ]
    # Tweets: a hashtag, a mention and a link (tested without the link, as fold() reads them).
    sentences += [
        "وأبان أنه تم توجيه الدعوة #وسم_3 @user5 https://t.co/a1b42",
        "https://t.co/a1 ويهدف المعرض إلى تنمية المجتمع @user",
    ]
    assert not any(lexicon.may_cover(sentence) for sentence in sentences)
    assert all(lexicon.may_cover(line) for line in ["// انتهى //", "© 2015 جميع الحقوق محفوظة"])
    assert lexicon.may_cover("للتواصل مع الكاتب ارسل رسالة SMS")  # (a key that ends in Latin)


def test_plain_letters_fold_alone() -> None:
    # The test before folding relies on these: a plain letter folds to one letter, whatever
    # is around it, and the edge characters are dropped by the fold.
    for letter in phrases._PLAIN:
        folded = reference.fold(letter)
        assert len(folded) == 1
        assert reference.fold("ب" + letter + "ب") == "ب" + folded + "ب"
    for character in phrases._EDGE:
        assert reference.fold("ب" + character + "ب") in ("ب ب", "بب"), ascii(character)


LINE_LOCAL = [rule for rule in CATALOGUE if isinstance(rule, LineRule) and rule.line_local]


def test_phrase_lines_is_line_local() -> None:
    assert [rule.id for rule in LINE_LOCAL] == ["boilerplate.phrase_lines"]


@example(document=["نص الخبر الطويل عن أمور كثيرة ومهمة جدا." * 3, "قد يهمك:", "عنوان آخر"])
@given(document=st.one_of(st.lists(any_line, max_size=12), document()))
def test_a_line_local_rule_judges_each_line_alone(document: list[str]) -> None:
    # What the pipeline relies on to apply it once: a line is removed in a document exactly
    # when it is removed alone, so removing other lines never changes what it removes.
    ctx = Context("\n".join(document), OPTIONS)
    for rule in LINE_LOCAL:
        alone = {index for index, line in enumerate(document) if rule.find([line], ctx)}
        assert set(rule.find(document, ctx)) == alone


# --- the line phase on many lines -------------------------------------------------------


@pytest.mark.parametrize("profile", ["repair", "search"])
@given(document=st.one_of(document(), spaced_document()))
@example(document=["ب", "ج"] * 40)
@example(document=["ب", ""] * 40)
@example(document=["ب", "", "ج", ""] * 20)
def test_cleaning_many_lines_equals_the_reference(profile: str, document: list[str]) -> None:
    fast = Cleaner(profile).pipeline
    reference = Pipeline(fast.rules, fast.options, use_triggers=False)
    text = "\n".join(document)
    with many_lines(False):
        expected = reference(text)
        changes = fast.explain(text).changes
    with many_lines(True):
        assert fast(text) == expected
        report = fast.explain(text)
        assert report.output == expected
        assert report.changes == changes  # the same lines removed, for the same reasons


@given(st.lists(st.sampled_from("abc"), max_size=80), st.sets(st.integers(-3, 85)))
def test_removing_lines_keeps_the_others_in_order(lines_: list[str], drop: set[int]) -> None:
    from arnorm.pipeline import _without

    expected = [line for index, line in enumerate(lines_) if index not in drop]
    assert _without(lines_, dict.fromkeys(drop, "x")) == expected
    assert _without(lines_, Removals(sorted(drop), "x")) == expected
    flags = bytes(index in drop for index in range(len(lines_)))
    assert _without(lines_, Removals(None, "x", flags)) == expected


def test_removals_is_a_mapping_of_one_reason() -> None:
    removals = Removals([2, 5, 9], "same as the line before")
    assert removals == {
        2: "same as the line before",
        5: "same as the line before",
        9: ("same as the line before"),
    }
    assert 5 in removals and 4 not in removals and len(removals) == 3
    with pytest.raises(KeyError):
        removals[4]


@given(st.lists(st.integers(0, 3), max_size=40), st.dictionaries(st.integers(0, 45), st.text()))
def test_removals_given_by_flags_are_the_removals_of_their_indexes(
    flags: list[int], others: dict[int, str]
) -> None:
    indexes = [index for index, flag in enumerate(flags) if flag]
    others = {index: reason for index, reason in others.items() if index in indexes}
    by_flags = Removals(None, "same as the line before", bytes(flags))
    by_indexes = Removals(indexes, "same as the line before")
    assert by_flags == by_indexes == dict.fromkeys(indexes, "same as the line before")
    assert list(by_flags) == indexes and by_flags.indexes == indexes
    assert len(by_flags) == len(indexes) and bool(by_flags) == bool(indexes)
    assert all((index in by_flags) == (index in indexes) for index in range(-2, 45))
    assert "1" not in by_flags and None not in by_flags
    expected = {**dict.fromkeys(indexes, "after"), **others}
    assert bulk.RemovalsWith(None, "after", others, bytes(flags)) == expected
    assert bulk.RemovalsWith(indexes, "after", others) == expected
    with pytest.raises(ValueError):
        Removals(None, "x")
    with pytest.raises(ValueError):
        Removals(indexes, "x", bytes(flags))
