"""Golden files: whole documents cleaned exactly as checked by hand (seeds/*.expected.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

import arnorm

SEEDS = Path(__file__).parent.parent / "seeds"
INPUTS = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_seed_cleans_to_expected(path: Path) -> None:
    expected = path.with_suffix(".expected.txt").read_text("utf-8")
    assert arnorm.clean(path.read_text("utf-8")) + "\n" == expected


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_seed_report_replays_to_output(path: Path) -> None:
    text = path.read_text("utf-8")
    report = arnorm.explain(text)
    assert report.replay() == report.output == arnorm.clean(text)


def test_seed_article_facts() -> None:
    """What the seed's expected output was checked for, line by line."""
    text = (SEEDS / "000_5e54b4b3d5a2e7fd.txt").read_text("utf-8")
    out = arnorm.clean(text)
    lines = out.split("\n")
    title = "تعاون كوريا الشمالية مع روسيا بتوريد 7 آلاف حاوية عسكرية لدعم العمليات في أوكرانيا"
    assert lines[0] == title and lines.count(title) == 1
    for caption in (
        "وزير الدفاع الكوري الجنوبي شين وون سيك",
        "زيارة زعيم كوريا الشمالية لروسيا",
        "من لقاء بوتين وكيم في سبتمبر الماضي",
        "رئيس روسيا وزعيم كوريا الشمالية",
    ):
        assert lines.count(caption) == 1
    assert "\u00a0" not in out and "\n\n\n" not in out
    assert "قد يهمك" not in out and "عن الكاتب" not in out and "اترك رد" not in out
    assert "تُفرض على روسيا" in out and "تٌفرض" not in out
    # every sentence of the article is kept
    sentences = [line.strip() for line in text.split("\n") if line.strip().endswith(".")]
    assert len(sentences) == 15
    # ... with the stray tanween repaired (M2) and fathatan before the support alef (M4)
    repaired = {"تٌفرض": "تُفرض", "أيضاً": "أيضًا", "سفناً": "سفنًا", "صاروخاً": "صاروخًا"}
    for sentence in sentences:
        for before, after in repaired.items():
            sentence = sentence.replace(before, after)
        assert sentence in lines
