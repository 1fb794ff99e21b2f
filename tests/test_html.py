"""HTML input: html_to_text and clean_html on pages written for the tests (fixtures/html)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import arnorm
import arnorm.html
from arnorm.html import clean_html, html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PARSERS = ["html.parser"] + (["lxml"] if importlib.util.find_spec("lxml") else [])


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with each installed parser."""
    monkeypatch.setattr(arnorm.html, "_parser", lambda: request.param)
    return str(request.param)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_clean_html_is_exported() -> None:
    assert arnorm.clean_html is clean_html
    assert "clean_html" in arnorm.__all__


@pytest.mark.parametrize("name", ["wordpress", "classless"])
def test_page_cleans_to_expected(name: str, parser: str) -> None:
    expected = fixture(f"{name}.expected.txt")
    assert clean_html(fixture(f"{name}.html")) + "\n" == expected


def test_wordpress_page_keeps_the_article_and_drops_the_rest(parser: str) -> None:
    text = html_to_text(fixture("wordpress.html"))
    lines = text.split("\n")
    # the article: title, paragraphs, each caption once
    assert lines[0].startswith("تعاون كوريا الشمالية مع روسيا")
    assert lines.count("وزير الدفاع الكوري الجنوبي شين وون سيك") == 1
    assert lines.count("زيارة زعيم كوريا الشمالية لروسيا") == 1  # spaces in figcaption collapsed
    assert "كوريا الشمالية تطلق صاروخاً باليستياً" in lines  # alt of a figure without caption
    assert "وقد نفت كل من موسكو وبيونغ يانغ وجود صفقة أسلحة بين البلدين." in lines
    # <br> is a line break inside the paragraph
    index = next(i for i, line in enumerate(lines) if line.startswith("ويُفرض"))
    assert lines[index + 1].startswith("وفي سبتمبر 2023")
    # page furniture, share bar, related posts, tags, author box, comments, cookie notice
    for gone in (
        "الرئيسية",
        "var ads",
        "margin",
        "بواسطة",
        "شارك هذا",
        "مقالات ذات صلة",
        "الوسوم",
        "عن الكاتب",
        "يكتب في الشؤون الدولية",
        "تعليق من قارئ",
        "اترك رداً",
        "لن يتم نشر",
        "الأكثر قراءة",
        "جميع الحقوق محفوظة",
        "ملفات تعريف الارتباط",
        "\u00a0",
    ):
        assert gone not in text, gone
    # blocks are separated by one blank line, and no line is empty of text
    assert "\n\n\n" not in text
    assert all(line.strip() or not line for line in lines)


def test_classless_page_relies_on_the_line_rules(parser: str) -> None:
    text = html_to_text(fixture("classless.html"))
    assert "قد يهمك:" in text and "// انتهى //" in text  # no class tells they are boilerplate
    report = arnorm.explain(text)
    removed = {c.before.strip(): c.rule for c in report.removed_lines if c.before.strip()}
    assert removed["إقرأ أيضًا: المدينة تطلق برنامجا جديدا للمنح البحثية"] == (  # M4 ran
        "boilerplate.phrase_lines"
    )
    assert removed["// انتهى //"] == "boilerplate.trailer"
    assert removed["اترك رد"] == "boilerplate.trailer"
    out = report.output
    # a sentence that recurs across articles is content (almadina, 2015)
    assert "وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك." in out
    assert out.endswith("وأن أعدادا أخرى ستصدر تباعا خلال العام الجاري.")


def test_seed_pattern_in_html_gives_the_seed_lines(parser: str) -> None:
    title = "تعاون كوريا الشمالية مع روسيا بتوريد 7 آلاف حاوية عسكرية لدعم العمليات في أوكرانيا"
    caption = "رئيس روسيا وزعيم كوريا الشمالية"
    page = (
        f"<h1>{title}</h1><p>نص الخبر الأول.</p><h2>{title}</h2>"
        f'<figure><img alt="{caption}"><figcaption>{caption}</figcaption></figure>'
        "<p>&nbsp;</p><p>نص الخبر الثاني.</p>"
    )
    assert clean_html(page) == f"{title}\n\nنص الخبر الأول.\n\n{caption}\n\nنص الخبر الثاني."


def test_alt_that_differs_from_the_caption_is_kept(parser: str) -> None:
    page = '<figure><img alt="صورة من المؤتمر"><figcaption>وزير الدفاع</figcaption></figure>'
    assert html_to_text(page) == "صورة من المؤتمر\n\nوزير الدفاع"


def test_image_outside_a_figure_gives_no_text(parser: str) -> None:
    assert html_to_text('<p>نص <img alt="شعار الموقع"> آخر</p>') == "نص آخر"


def test_class_words_do_not_drop_the_article(parser: str) -> None:
    # WordPress puts tag-* and category-* classes on the article, and themes put words such
    # as "has-comments" on wrappers: the element that holds the h1 is never dropped.
    page = (
        '<div class="wrapper has-comments"><article class="post tag-news">'
        "<h1>عنوان</h1><p>نص الخبر.</p></article></div>"
    )
    assert html_to_text(page) == "عنوان\n\nنص الخبر."


@pytest.mark.parametrize(
    ("marked", "kept"),
    [
        ("share-buttons", "commentary-body"),
        ("comments-area", "img-responsive"),
        ("post-author", "authority-news"),
        ("jp-relatedposts", "entry-content"),
        ("tagcloud", "stage"),
    ],
)
def test_class_words(marked: str, kept: str, parser: str) -> None:
    page = f'<div class="{kept}"><p>نص الخبر.</p></div><div class="{marked}"><p>حشو</p></div>'
    assert html_to_text(page) == "نص الخبر."


def test_options_pass_through(parser: str) -> None:
    page = "<p>عام ٢٠٢٣</p><p>اشترك الآن</p>"
    assert clean_html(page, digits="keep", line_phrases=("اشترك الآن",)) == "عام ٢٠٢٣"


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError, match="decode"):
        html_to_text(b"<p>x</p>")  # type: ignore[arg-type]


def test_deeply_nested_page_does_not_recurse(parser: str) -> None:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + "<p>نص عميق</p>" + "</div>" * depth
    assert html_to_text(page + "</body></html>") == "نص عميق"
    # unclosed, inline and figure nesting too
    assert html_to_text("<span>" * depth + "نص") == "نص"
    assert html_to_text("<figure>" * 20_000 + '<img alt="صورة"><figcaption>صورة</figcaption>') == (
        "صورة"
    )


@pytest.mark.parametrize(
    "page",
    [
        fixture("malformed.html"),
        "<" * 50_000,
        "<!--" + "x" * 10_000,
        "<p>a\x00b\ud800c</p>",  # NUL and a lone surrogate: lxml refuses them
        '<div class="' + "share " * 10_000 + '">x</div>',
        "",
    ],
    ids=["fixture", "lt", "comment", "surrogate", "attributes", "empty"],
)
def test_malformed_markup_does_not_crash(page: str, parser: str) -> None:
    text = html_to_text(page)
    assert isinstance(text, str)
    assert isinstance(clean_html(page), str)


def test_malformed_fixture_keeps_its_text(parser: str) -> None:
    text = html_to_text(fixture("malformed.html"))
    assert "عقوبات دولية بسبب" in text and "سلوكهما." in text
    assert "الفقرة الثانية < بلا إغلاق" in text
    assert "خلية" in text and "أخرى" in text
