"""Site-wide boilerplate (B6): learning recurring head/tail lines per site, and stripping them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnorm import Cleaner
from arnorm.corpus import SiteModel, count_lines, learn, line_key, sentence_like

FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "sites.jsonl"
RECURRING_SENTENCE = "وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك."


def documents() -> list[tuple[str, str]]:
    # B4 and B5 already know the WAS markers ("// انتهى //" and the time stamp after it): switch
    # them off so these tests see B6 learn real markers on its own.
    cleaner = Cleaner(disable=["boilerplate.trailer", "boilerplate.phrase_lines"])
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    return [(cleaner(record["text"]), record["source"]) for record in records]


def test_learns_the_sites_own_markers() -> None:
    model = learn(documents(), group_by="source", min_documents=3)
    assert set(model.groups["was"]) == {
        "// انتهى //",
        "0:0 ت م",
        "الرياض 0 شوال 0 هـ الموافق 0 اغسطس 0 م واس",
    }
    assert set(model.groups["almadina"]) == {
        "للتواصل مع الكاتب ارسل رسالة SMS",
        "تبدأ بالرمز (0) ثم مسافة ثم نص الرسالة إلى",
        "0 - Stc",
        "0 - Mobily",
        "0 - Zain",
    }
    assert model.groups["was"]["0:0 ت م"].documents == 8
    assert model.groups["was"]["0:0 ت م"].where == "tail"
    assert model.documents == {"almadina": 6, "was": 8}


def test_a_recurring_sentence_is_content() -> None:
    model = learn(documents(), group_by="source", min_documents=3)
    assert line_key(RECURRING_SENTENCE) not in model.groups["almadina"]
    stripped = [model.strip(text, group) for text, group in documents()]
    assert sum(RECURRING_SENTENCE in text for text in stripped) == 5


def test_strip_removes_head_and_tail_lines_only() -> None:
    model = learn(documents(), group_by="source", min_documents=3)
    text, group = documents()[0]
    output, removed = model.strip_lines(text, group)
    assert removed == [text.split("\n")[0], "// انتهى //", "13:37 ت م"]
    assert output == text.split("\n")[1]
    # A learned line in the middle of a long document is left alone.
    body = "\n".join(f"جملة رقم {n} في متن الخبر." for n in range(12))
    middle = f"{body}\n// انتهى //\n{body}"
    assert model.strip(middle, "was") == middle
    # Another site, or a document without a group in the model, is not touched.
    assert model.strip(text, "okaz") == text


def test_strip_is_idempotent_and_tidies_blank_lines() -> None:
    model = learn(documents(), group_by="source", min_documents=3)
    for text, group in documents():
        once = model.strip(text, group)
        assert model.strip(once, group) == once
        assert "\n\n\n" not in once and not once.startswith("\n") and not once.endswith("\n")


def test_map_reduce_equals_one_pass() -> None:
    pairs = documents()
    whole = count_lines(pairs).model("source", min_documents=3)
    halves = count_lines(pairs[::2]) + count_lines(pairs[1::2])
    assert halves.model("source", min_documents=3) == whole
    with pytest.raises(ValueError, match="window"):
        count_lines(pairs, window=3) + count_lines(pairs, window=5)


def test_model_json_round_trip_and_hand_edits(tmp_path: Path) -> None:
    model = learn(documents(), group_by="source", min_documents=3)
    path = tmp_path / "model.json"
    model.save(path)
    saved = json.loads(path.read_text("utf-8"))
    assert saved["group_by"] == "source"
    assert "// انتهى //" in saved["groups"]["was"]["lines"]  # readable: not escaped
    assert "// انتهى //" in path.read_text("utf-8")
    assert SiteModel.load(path) == model
    # A user deletes a line to keep it, or writes the lines as a plain list.
    del saved["groups"]["was"]["lines"]["// انتهى //"]
    saved["groups"]["almadina"]["lines"] = ["0 - Stc"]
    edited = SiteModel.from_json(saved)
    text, group = documents()[0]
    assert "// انتهى //" in edited.strip(text, group)
    assert set(edited.groups["almadina"]) == {"0 - Stc"}
    with pytest.raises(ValueError, match="not an arnorm site model"):
        SiteModel.from_json({"groups": {}})


def test_sentence_like_lines_are_never_stripped() -> None:
    # Even when a hand-edited model lists a sentence, stripping keeps it.
    model = SiteModel(group_by="source", groups={})
    edited = SiteModel.from_json(
        {**model.as_json(), "groups": {"almadina": {"lines": [RECURRING_SENTENCE]}}}
    )
    text = f"{RECURRING_SENTENCE}\nنص."
    assert edited.strip(text, "almadina") == text
    assert sentence_like("«هذا ما قاله.»")
    assert sentence_like("كلمة " * 13)
    assert not sentence_like("عين اليوم – جدة")


def test_line_key_masks_every_digit_script() -> None:
    assert line_key("الرياض ٢٦ شوال 1436") == line_key("جدة 1 شوال ۱۴۳۶").replace("جدة", "الرياض")
