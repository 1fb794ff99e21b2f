"""Boilerplate line rules B1–B5 in the whole pipeline: guards, the lexicon, user phrases, explain.

The per-rule cases are in tests/cases/boilerplate.tsv; quoted lines come from the SaudiNewsNet
corpus (M. Alhagri, 2015, CC BY-NC-SA 4.0), with the newspaper named.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

import arnorm
from arnorm import Cleaner
from arnorm.boilerplate.phrases import Lexicon, fold, read

# A real sentence (was, 2015-08-11), and a document body long enough for the tail guards.
SENTENCE = (
    "وأبان أنه تم توجيه الدعوة لحضور الحفل الذي سيقام بمقر بيت الأمير فيصل بن فهد للشباب "
    "بالرياض لعدد من مسؤولي الحركة الكشفية."
)
BODY = "\n".join(
    [
        SENTENCE,
        "ويهدف المعرض إلى تنمية المجتمع من خلال دعم عمل الأسر المنتجة والتحول من المساعدة إلى "
        "المشاركة الفاعلة.",  # was
        "وأشار أمين العاصمة المقدسة إلى أنه تم زيادة عدد الدوائر الانتخابية للدورة الثالثة إلى "
        "عشر دوائر انتخابية بدلا من ثمان دوائر.",  # was
        "يذكر أن المعجم المقترح يراعي دقة التعبير ومصداقية الدلالة وموثوقيتها.",  # was
    ]
)


# --- the lexicon -------------------------------------------------------------------------


def test_spelling_variants_are_one_entry() -> None:
    variants = ["اقرأ أيضاً", "إقرأ ايضا:", "اقرأ أيضًا", "اقرأ أيضـــاً", "اقرأ  أيضا ..."]
    assert len({fold(variant) for variant in variants}) == 1
    assert fold("التعليقات مغلقة") == fold("التعليقات مغلقه")  # teh marbuta
    assert fold("إلغاء الرد") == fold("الغاء الرد")  # hamza under the alef
    assert fold("أضف تعليقاً") == fold("اضف تعليقا")


@pytest.mark.parametrize("kind", ["trailer_headers", "line_phrases"])
def test_lexicon_files_are_clean(kind: str) -> None:
    phrases = read(kind)
    assert phrases, kind
    keys = [(fold(p), p.endswith((" …", " ..."))) for p in phrases]
    assert all(key for key, _ in keys)
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"{kind}: phrases that fold to the same entry: {duplicates}"


def test_lexicon_cover_guard() -> None:
    lexicon = Lexicon(["تسجيل الدخول"])
    assert lexicon.covering(fold("تسجيل الدخول")) is not None
    assert lexicon.covering(fold("تسجيل الدخول:")) is not None
    # a phrase inside a sentence, or covering less than half of the letters, is not enough
    assert lexicon.covering(fold("يمكن للمستخدم مراجعة سجل تسجيل الدخول على الموقع")) is None
    assert lexicon.covering(fold("تسجيل الدخول إلى المنصة الوطنية للتوظيف")) is None


# --- B1 / B2: blank lines and duplicates after character normalisation ------------------


def test_nbsp_and_invisible_only_lines_are_dropped() -> None:
    text = f"{SENTENCE}\n\u00a0\n\u200f\u200b\n \u00a0 \n{SENTENCE[:-1]}!"
    assert arnorm.clean(text) == f"{SENTENCE}\n\n{SENTENCE[:-1]}!"


def test_duplicates_compare_after_character_normalisation() -> None:
    # the seed's doubled caption, one copy with an NBSP and a stray tanween (تٌفرض)
    text = "صور تٌفرض\u00a0على روسيا\nصور تُفرض على روسيا\n\n" + SENTENCE
    assert arnorm.clean(text) == "صور تُفرض على روسيا\n\n" + SENTENCE


def test_a_repeat_further_away_stays() -> None:
    refrain = "حفظ الله سموه في سفره وإقامته."  # alriyadh, recurs across articles
    text = f"{refrain}\n{SENTENCE}\n{refrain}"
    assert arnorm.clean(text) == text


# --- content that looks like boilerplate --------------------------------------------------


def test_recurring_sentence_across_articles_is_content() -> None:
    recurring = "وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك."  # almadina
    articles = [f"{SENTENCE}\n{recurring}\n{SENTENCE}"] * 5
    assert [arnorm.clean(article) for article in articles] == articles


def test_long_sentence_with_a_phrase_is_content() -> None:
    sentence = (  # alweeam, 2015
        "أعلن موقع التواصل الاجتماعي تويتر إطلاق وظيفة أمان جديدة، حيث يمكن للمستخدم في "
        "الإعدادات الاطلاع على سجل عمليات تسجيل الدخول على الموقع."
    )
    assert arnorm.clean(f"{SENTENCE}\n{sentence}") == f"{SENTENCE}\n{sentence}"


def test_lines_without_terminal_punctuation_are_kept() -> None:
    # a poem and subheadings: no line ends with punctuation (alriyadh, okaz 2015)
    text = "\n".join(
        [
            "يا من يبادلني بحظي وأزيده",
            "من جاز له بالزود ما فيه ردّه",
            "يقدم على حظ ترى يوم عيده",
            "أرقام وأسماء",
            "الخنين: المال سبب",
            "ويتم تهميش أصحاب الخبرة، لذا لا تنتظر منها أن تتعلم",
        ]
    )
    assert arnorm.clean(text) == text


# --- B4 guards ------------------------------------------------------------------------------


def test_trailer_cut_in_the_tail() -> None:
    text = f"{BODY}\n\nقد يهمك:\nكوريا الجنوبية تتهم جارتها\n\nعن الكاتب:\nاترك رداً"
    assert arnorm.clean(text) == BODY


def test_header_at_the_start_removes_only_its_line() -> None:
    text = f"اقرأ أيضا\n{BODY}"
    assert arnorm.clean(text) == BODY


def test_header_followed_by_much_text_removes_only_its_line() -> None:
    first = "حفظ الله سموه في سفره وإقامته."  # alriyadh
    text = f"{first}\nالتعليقات\n{BODY}"
    assert arnorm.clean(text) == f"{first}\n{BODY}"


def test_header_followed_by_a_sentence_removes_only_its_line() -> None:
    # a subheading that is also a trailer header, before the article's last paragraph
    last = "وكان مونديال السيدات الأكثر مشاهدة في تاريخ الكرة الأميركية بحسب أرقام الشبكة الناقلة."
    text = f"{BODY}\n{BODY}\nالأكثر مشاهدة\n{last}"
    assert arnorm.clean(text) == f"{BODY}\n{BODY}\n{last}"


def test_long_line_is_no_header() -> None:
    line = "اترك ردا على هذا الخبر في التعليقات أدناه وشاركنا رأيك في القرار الجديد"
    text = f"{BODY}\n{line}"
    assert arnorm.clean(text) == text


def test_many_headers_leave_a_fixed_point() -> None:
    # every header in the head is removed in one pass, so the rounds always settle
    sentences = [f"{SENTENCE[:-1]} في يومه {number}." for number in range(20)]
    text = "\n".join(line for sentence in sentences for line in ("قد يهمك:", sentence))
    once = arnorm.clean(text)
    assert once == "\n".join(sentences)
    assert arnorm.clean(once) == once


# --- user phrases -------------------------------------------------------------------------


def test_user_line_phrases() -> None:
    text = f"{BODY}\nاشترك الآن في خدمة الأخبار العاجلة"
    assert arnorm.clean(text) == text
    assert arnorm.clean(text, line_phrases=("اشترك الآن في خدمة الأخبار العاجلة",)) == BODY
    # a lead-in drops whatever follows it on a short line
    assert arnorm.clean(text, line_phrases=["اشترك الآن …"]) == BODY


def test_user_trailer_headers() -> None:
    text = f"{BODY}\nمواد ذات علاقة\nخبر أول\nخبر ثان"
    assert arnorm.clean(text) == text
    assert arnorm.clean(text, trailer_headers=("مواد ذات علاقة",)) == BODY


def test_user_phrases_are_validated_and_hashable() -> None:
    with pytest.raises(ValueError, match="line_phrases"):
        Cleaner(line_phrases="اشترك الآن")
    with pytest.raises(ValueError, match="trailer_headers"):
        Cleaner(trailer_headers=("...",))
    cleaner = Cleaner(line_phrases=["اشترك الآن"])
    assert cleaner.options["line_phrases"] == ("اشترك الآن",)
    assert hash(cleaner.options) == hash(Cleaner(line_phrases=("اشترك الآن",)).options)
    import pickle

    assert pickle.loads(pickle.dumps(cleaner)).options == cleaner.options


# --- explain --------------------------------------------------------------------------------


def test_explain_reports_every_removed_line_with_rule_and_reason() -> None:
    title = "الأمير بندر بن عبدالله يتلقى أوسمة عالمية"
    text = "\n".join(
        [
            title,  # 1
            "",  # 2
            SENTENCE,  # 3
            "\u00a0",  # 4
            "",  # 5  blank after a blank
            "صورة الحفل",  # 6
            "صورة الحفل",  # 7  doubled caption
            "",  # 8
            title,  # 9  title repeated
            SENTENCE[:-1] + " أمس.",  # 10
            "إقرأ أيضاً: كوريا الشمالية تطلق صاروخاً",  # 11 link line
            BODY,  # 12-15
            "// انتهى //",  # 16 end marker: trailer
            "13:38 ت م",  # 17
        ]
    )
    report = arnorm.explain(text)
    removed = {(change.line, change.rule) for change in report.removed_lines}
    assert removed == {
        (5, "boilerplate.blank_lines"),
        (7, "boilerplate.duplicate_lines"),
        (9, "boilerplate.repeated_title"),
        (11, "boilerplate.phrase_lines"),
        (16, "boilerplate.trailer"),
        (17, "boilerplate.trailer"),
    }
    reasons = {change.line: change.reason for change in report.removed_lines}
    assert "اقرأ أيضا" in reasons[11] and "انتهى" in reasons[16]
    assert report.replay() == report.output == arnorm.clean(text)


# --- the evaluation tool ----------------------------------------------------------------------


def test_evaluation_tool_runs_on_a_small_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    path = Path(__file__).parent.parent / "tools" / "eval_boilerplate.py"
    spec = importlib.util.spec_from_file_location("eval_boilerplate", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    articles = [
        {"source": "was", "title": "عنوان الخبر", "content": f"{BODY}\n// انتهى //\n13:38 ت م"},
        {"source": "aawsat", "title": "عنوان آخر", "content": f"{BODY}\n\n...المزيد"},
    ]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with zipfile.ZipFile(corpus / "day.zip", "w") as archive:
        archive.writestr("day.json", json.dumps(articles, ensure_ascii=False))
    assert tool.main([str(corpus), "--out", str(tmp_path / "out"), "--sample", "5"]) == 0
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert summary["articles"] == 2
    assert summary["removed_lines_with_text"] == {
        "boilerplate.trailer": 2,
        "boilerplate.phrase_lines": 1,
    }
    assert summary["sentence_like_removed"] == []
    sample = (tmp_path / "out" / "sample.tsv").read_text("utf-8").splitlines()
    assert len(sample) == 1 + 3
    assert "boilerplate.trailer" in capsys.readouterr().out
