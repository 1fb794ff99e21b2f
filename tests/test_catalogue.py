"""The catalogue: pinned order, one name per rule everywhere, documented rules, current docs."""

from __future__ import annotations

import sys
from pathlib import Path

from arnorm.catalogue import CATALOGUE, OPTIONS
from arnorm.rulesdoc import render

DOCS = Path(__file__).parent.parent / "docs"

PINNED_ORDER = [
    "encoding.utf8_as_cp1256",
    "encoding.utf8_as_latin",
    "encoding.cp1256_as_latin1",
    "encoding.replacement_char",
    "unicode.nfc",
    "spaces.line_breaks",
    "search.nfkc",
    "search.strip_diacritics",
    "invisible.bom",
    "invisible.soft_hyphen",
    "invisible.bidi_controls",
    "invisible.zwnj",
    "invisible.join_breaking_zwnj",
    "invisible.zwj",
    "invisible.zero_width_space",
    "search.strip_joiners",
    "forms.presentation_forms",
    "forms.honorifics",
    "spaces.nbsp_to_space",
    "letters.farsi_yeh",
    "letters.keheh",
    "letters.heh_variants",
    "tatweel.decorative",
    "tatweel.move_marks",
    "search.fold_alef",
    "search.fold_teh_marbuta",
    "search.fold_alef_maksura",
    "search.fold_hamza_seats",
    "letters.egyptian_yeh",
    "marks.doubled_mark",
    "marks.stray_tanween",
    "marks.tanween_with_vowel",
    "marks.long_alef_marks",
    "marks.detached_tanween",
    "marks.fathatan_before_alef",
    "marks.fathatan_on_alef",
    "marks.stray_initial_mark",
    "marks.mark_on_non_arabic",
    "digits.to_latin",
    "digits.to_arabic",
    "digits.unify_mixed",
    "digits.persian_to_arabic_indic",
    "punctuation.lookalikes",
    "punctuation.to_arabic",
    "punctuation.to_latin",
    "punctuation.guillemets",
    "punctuation.curly_quotes",
    "punctuation.ascii_quotes",
    "search.ascii_punctuation",
    "unicode.renormalize",
    "marks.display_order",
    "whitespace.trim_lines",
    "whitespace.collapse_spaces",
    "boilerplate.blank_lines",
    "boilerplate.repeated_title",
    "boilerplate.duplicate_lines",
    "boilerplate.trailer",
    "boilerplate.phrase_lines",
]


def test_catalogue_order_is_pinned() -> None:
    assert [rule.id for rule in CATALOGUE] == PINNED_ORDER


def test_rule_id_is_its_name_in_its_module() -> None:
    for rule in CATALOGUE:
        assert getattr(sys.modules[rule.__module__], rule.__name__) is rule
        assert rule.id == f"{rule.family}.{rule.__name__}"


def test_every_rule_documents_itself_with_an_example() -> None:
    for rule in CATALOGUE:
        assert rule.summary, rule.id
        assert ">>> " in (rule.__doc__ or ""), f"{rule.id} has no doctest example"


def test_phases_are_in_order() -> None:
    phases = [rule.phase for rule in CATALOGUE]
    assert phases == sorted(phases)


def test_options_are_unique_and_documented() -> None:
    names = [option.name for option in OPTIONS]
    assert len(names) == len(set(names))
    for option in OPTIONS:
        assert option.doc and option.default in option.allowed


def test_rules_reference_is_current() -> None:
    assert (DOCS / "rules.md").read_text("utf-8") == render(), (
        "docs/rules.md is out of date: python -m arnorm.rulesdoc > docs/rules.md"
    )
