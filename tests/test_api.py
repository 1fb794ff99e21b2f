"""The public API: errors users can act on, caching, pickling, switching rules."""

from __future__ import annotations

import pickle
import threading

import pytest

import arnorm
from arnorm import Cleaner, Pipeline
from arnorm.catalogue import rule


@pytest.mark.parametrize("bad", [None, 1, 3.5, ["نص"], object()])
def test_clean_rejects_non_str_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=f"text must be str, not {type(bad).__name__}"):
        arnorm.clean(bad)  # type: ignore[arg-type]


def test_bytes_error_says_to_decode() -> None:
    with pytest.raises(TypeError, match="decode it first"):
        arnorm.clean("نص".encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode it first"):
        arnorm.explain(b"x")  # type: ignore[arg-type]


def test_unknown_option_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"known options: boilerplate, digits, .*lang"):
        arnorm.clean("x", digit="latin")


def test_bad_option_value_names_the_allowed_values() -> None:
    with pytest.raises(ValueError, match="allowed values: 'latin', 'arabic', 'keep'"):
        arnorm.clean("x", digits="roman")
    with pytest.raises(ValueError, match="allowed values: True, False"):
        Cleaner(boilerplate=1)


def test_unknown_profile_and_rule() -> None:
    with pytest.raises(ValueError, match="profiles: repair, search"):
        arnorm.clean("x", profile="fold")
    with pytest.raises(ValueError, match=r"unknown rule or family .marks\.nothing."):
        arnorm.clean("x", disable=["marks.nothing"])


def test_empty_text() -> None:
    assert arnorm.clean("") == ""
    assert arnorm.explain("").changes == []


def test_disable_by_id_code_and_family() -> None:
    text = "تٌفرض عام ٢٠٢٣"
    assert arnorm.clean(text, disable=["marks.stray_tanween"]) == "تٌفرض عام 2023"
    assert arnorm.clean(text, disable=["M2"]) == "تٌفرض عام 2023"
    assert arnorm.clean(text, disable=["digits"]) == "تُفرض عام ٢٠٢٣"


def test_enable_adds_a_search_rule_to_repair() -> None:
    assert arnorm.clean("مدرسة", enable=["search.fold_teh_marbuta"]) == "مدرسه"
    assert arnorm.clean("مدرسة") == "مدرسة"


def test_repr_names_the_rules_enabled_and_disabled() -> None:
    plain = repr(Cleaner(digits="keep"))
    assert plain.startswith("Cleaner('repair', Options(") and "digits='keep'" in plain
    assert "enable" not in plain and "disable" not in plain
    named = repr(Cleaner("search", enable=["S4"], disable=["unicode.nfc", "M5c"]))
    assert named.endswith(", enable=('S4',), disable=('unicode.nfc', 'M5c'))")


def test_search_profile_folds() -> None:
    assert arnorm.clean("أَحْمَد إلى المدرسة", profile="search") == "احمد الي المدرسه"


def test_boilerplate_false_keeps_lines() -> None:
    text = "سطر\n\n\n\nسطر\nسطر"
    assert arnorm.clean(text, boilerplate=False) == text


def test_cleaner_equals_clean_and_pickles_small() -> None:
    cleaner = Cleaner(digits="keep", disable=["boilerplate.trailer"])
    text = "تٌفرض عام ٢٠٢٣\n\nقد يهمك:"
    assert cleaner(text) == arnorm.clean(text, digits="keep", disable=["boilerplate.trailer"])
    data = pickle.dumps(cleaner)
    assert len(data) < 600
    again = pickle.loads(data)
    assert again(text) == cleaner(text)
    assert again.options == cleaner.options


def test_pipeline_pickles_and_derives() -> None:
    pipeline = Pipeline([rule(name) for name in ("unicode.nfc", "I8", "I7", "M2", "D1")])
    again = pickle.loads(pickle.dumps(pipeline))
    assert again.ids == pipeline.ids
    assert "marks.stray_tanween" not in pipeline.disable("marks").ids
    assert pipeline.disable("marks").enable("M2").ids == pipeline.ids
    with pytest.raises(ValueError, match=r"no rule boilerplate\.trailer"):
        pipeline.replace("boilerplate.trailer", rule("B1"))


def test_pipeline_rejects_non_rules_and_duplicates() -> None:
    with pytest.raises(TypeError, match="arnorm rules"):
        Pipeline(["unicode.nfc"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="twice"):
        Pipeline([rule("unicode.nfc"), rule("unicode.nfc")])


def test_clean_batch_passes_none_through() -> None:
    assert Cleaner().clean_batch(["تٌفرض", None, ""]) == ["تُفرض", None, ""]


def test_threads_share_one_cleaner() -> None:
    cleaner = Cleaner()
    texts = [f"تٌفرض {i} ٢٠٢٣\n\nقد يهمك:\nx" * (i % 5 + 1) for i in range(200)]
    expected = [cleaner(text) for text in texts]
    results: list[list[str]] = []

    def work() -> None:
        results.append([cleaner(text) for text in texts])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results)


def test_report_positions_are_in_the_input() -> None:
    text = "\u00a0\nنص ٢٠٢٣ تٌفرض"
    report = arnorm.explain(text)
    by_rule = {change.rule: change for change in report.changes}
    for rule_id in ("spaces.nbsp_to_space", "digits.to_latin", "marks.stray_tanween"):
        change = by_rule[rule_id]
        assert text[change.start : change.end] == change.before, change
    # a later rule at the same place reports the span of the input it comes from
    assert by_rule["whitespace.trim_lines"].start == 0 and by_rule["whitespace.trim_lines"].end == 1
    assert report.counts()["digits.to_latin"] == 1
    assert "digits.to_latin @ 5:9: '٢٠٢٣' -> '2023'" in str(report)


def test_removed_lines_have_reasons_and_input_line_numbers() -> None:
    text = "عنوان\n\nعنوان\nتعليق\nتعليق\n\n\n\nنص."
    report = arnorm.explain(text)
    removed = {(c.rule, c.line) for c in report.removed_lines}
    assert removed == {
        ("boilerplate.repeated_title", 3),
        ("boilerplate.duplicate_lines", 5),
        ("boilerplate.blank_lines", 7),
        ("boilerplate.blank_lines", 8),
    }
    assert all(c.reason for c in report.removed_lines)
    lines = text.split("\n")
    for change in report.removed_lines:
        assert change.before.strip("\n") == lines[change.line - 1]


def test_rule_alone_is_callable_with_options() -> None:
    assert rule("digits.to_latin")("٢٠٢٣") == "2023"
    assert rule("digits.to_latin")("٢٠٢٣", digits="keep") == "٢٠٢٣"
