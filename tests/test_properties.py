"""Invariants that must hold for every text (ORTHOGRAPHY.md §8), checked with hypothesis."""

from __future__ import annotations

import re
import unicodedata

import unicodedata2
from hypothesis import assume, example, given
from hypothesis import strategies as st

import arnorm
from arnorm import Cleaner, Pipeline
from arnorm.catalogue import CATALOGUE
from arnorm.chars.encoding import utf8_as_cp1256, utf8_as_latin
from arnorm.chars.tables import MARK_CLASS, TATWEEL
from arnorm.context import Context
from arnorm.rule import substitution
from tests.strategies import any_text, arabic_text, texts

CLEANERS = [
    Cleaner(),
    Cleaner(profile="search"),
    Cleaner(digits="keep", lang="ar"),
    Cleaner(boilerplate=False),
    Cleaner(disable=["unicode.nfc"]),
    Cleaner(mark_order="display"),  # not NFC by definition: left out of test_output_is_nfc
]


@given(any_text)
def test_never_raises_on_any_str(text: str) -> None:
    for cleaner in CLEANERS:
        assert isinstance(cleaner(text), str)


@example("0@0.\u0660HTTP://\u0660", 0)  # an address with an Eastern digit (long run)
@example("\u0627\u064b\u0653\u0620", 4)  # a decomposed آ with fathatan, NFC off (long run)
@example("\u064b\u0300\u064b", 4)  # NFC brings the two fathatan together (long run)
@example("\u0620\u0627\u064b\u0315\u0653", 4)  # NFC makes the alef آ (long run)
@example("\u0620\u064b\u0627\u0315\u0653", 4)  # the same, the fathatan before it
@given(texts, st.sampled_from(range(len(CLEANERS))))
def test_idempotent(text: str, which: int) -> None:
    cleaner = CLEANERS[which]
    once = cleaner(text)
    assert cleaner(once) == once, ascii(text)


@given(texts)
def test_output_is_nfc(text: str) -> None:
    for cleaner in CLEANERS[:4]:
        out = cleaner(text)
        assert unicodedata2.normalize("NFC", out) == out
    # mark_order="display" (M6) is by definition not NFC (ORTHOGRAPHY.md §8.2): its NFC is the
    # default output.
    assert unicodedata2.normalize("NFC", CLEANERS[5](text)) == CLEANERS[0](text)


@given(arabic_text)
def test_equivalent_input_gives_the_same_output(text: str) -> None:
    # N(NFD(x)) == N(NFC(x)) == N(x)
    out = arnorm.clean(text)
    assert arnorm.clean(unicodedata2.normalize("NFD", text)) == out
    assert arnorm.clean(unicodedata2.normalize("NFC", text)) == out


# Text with nothing for arnorm to do: no Arabic, no digits script to change, no special space,
# and no Arabic mojibake ("Ø¤" is ؤ read as cp1252).  C1 controls and Latin mojibake are left
# alone: E2 keeps only the repairs that give Arabic.
plain = (
    st.text(
        st.characters(
            min_codepoint=0x20, max_codepoint=0x24F, exclude_characters="\u00a0\u0085\u00ad"
        ),
    )
    .map(lambda t: unicodedata2.normalize("NFC", t))
    .filter(lambda t: utf8_as_latin(t) == t)
)


@given(plain)
def test_text_without_targets_is_unchanged(text: str) -> None:
    assert arnorm.clean(text, boilerplate=False) == text
    # search applies NFKC beyond the Latin blocks (ﬁ → fi, S6), writes guillemets as " (S7)
    expected = re.sub("[^\x00-\u036f]+", lambda m: unicodedata2.normalize("NFKC", m.group()), text)
    # ... except a guillemet right after a Latin-1 letter (half of a mojibake character?)
    expected = re.sub("(?<![\u00c2-\u00f4])[\u00ab\u00bb]", '"', expected)
    assert arnorm.clean(text, profile="search", boilerplate=False) == expected


def test_latin_sample_is_byte_identical() -> None:
    sample = (
        "The quick brown fox, 3.14% of https://x.org/a?b=1 — café naïve “q” «g» "
        "2023-10-05 user@mail.com H2O v2.0"
    )
    assert arnorm.clean(sample) == sample
    assert arnorm.clean(sample, digits="keep") == sample


def skeleton(text: str) -> str:
    """The Arabic letters of a text (NFKD, letters of U+0600–06FF only, look-alikes folded)."""
    folded = unicodedata2.normalize("NFKD", text).translate(str.maketrans("یىکھہەۃ", "ييكهههة"))
    return "".join(
        c for c in folded if "\u0600" <= c <= "\u06ff" and unicodedata.category(c) == "Lo"
    )


@given(arabic_text)
def test_character_rules_keep_every_arabic_letter(text: str) -> None:
    assert skeleton(arnorm.clean(text, boilerplate=False)) == skeleton(text)


def _marks(text: str) -> int:
    return sum(1 for c in unicodedata2.normalize("NFC", text) if unicodedata.category(c) == "Mn")


@given(arabic_text)
def test_marks_are_never_added(text: str) -> None:
    assert _marks(arnorm.clean(text, boilerplate=False)) <= _marks(text)


_ARABIC_MARK_OR_TATWEEL = re.compile(f"[{MARK_CLASS}{TATWEEL}]")


@given(texts)
def test_search_output_has_no_arabic_mark_or_tatweel(text: str) -> None:
    # S5 deletes them wherever they are, protected spans included (ORTHOGRAPHY.md, search);
    # no later rule writes one (the forms of marks: S6 in search, S5 itself in repair).
    for cleaner in (CLEANERS[1], Cleaner(enable=["search.strip_diacritics"])):
        out = cleaner(text)
        assert not _ARABIC_MARK_OR_TATWEEL.search(out), ascii(out)


@given(texts)
def test_explain_reports_exactly_what_clean_does(text: str) -> None:
    for cleaner in CLEANERS[:3]:
        report = cleaner.explain(text)
        assert report.output == cleaner(text)
        assert report.replay() == report.output
        changes = report.changes  # positions map back without error
        assert all(0 <= c.start <= c.end <= len(text) for c in changes)


@given(texts)
def test_skipping_by_trigger_changes_nothing(text: str) -> None:
    # The fast path (rules skipped when their trigger is absent) equals running every rule.
    for profile in ("repair", "search"):
        fast = Cleaner(profile).pipeline
        reference = Pipeline(fast.rules, fast.options, use_triggers=False)
        assert fast(text) == reference(text)


@given(arabic_text)
def test_repair_never_adds_tokens(text: str) -> None:
    assert len(arnorm.clean(text).split()) <= len(text.split())


@example("\u064b\u0660A", "\u0660\u064b\u064b")  # M5c took b's segment for another (long run)
@given(arabic_text, arabic_text)
def test_locality_with_explicit_options(a: str, b: str) -> None:
    # The Quranic gate is per document (alef wasla counts): keep it out of this property.
    # The visual-order gate is per document too: explicit options set it.
    cleaner = Cleaner(lang="ar", boilerplate=False, visual="no")
    a, b = (t.replace("\n", " ").replace("\u0671", "\u0627") for t in (a, b))
    # Mojibake (E1) is also detected per document: letters such as ظک can look like it.
    joined = a + "\n\n" + b
    assume(all(utf8_as_cp1256(t) == t for t in (a, b, joined)))
    assert cleaner(joined) == cleaner(a) + "\n\n" + cleaner(b)


def test_every_rule_is_reachable_by_id() -> None:
    assert len({rule.id for rule in CATALOGUE}) == len(CATALOGUE)


# --- fusion: fusable substitutions merged into one pass == the rules one by one -------------


@substitution(
    "fusiontest.lam_alef", "[\ufefb\ufefc]", code="X1", trigger="\ufefb\ufefc",
    produces="\u0644\u0627", fusable=True,
)  # fmt: skip
def lam_alef(match: re.Match[str], ctx: Context) -> str:
    """Write the lam-alef ligature as two letters (a test rule)."""
    return "\u0644\u0627"


@substitution(
    "fusiontest.tatweel", "\u0640+", code="X2", trigger="\u0640", produces="", fusable=True
)
def tatweel(match: re.Match[str], ctx: Context) -> str:
    """Delete tatweel runs (a test rule)."""
    return ""


@substitution(
    "fusiontest.kaf", "\u06a9", code="X3", trigger="\u06a9", produces="\u0643", fusable=True
)
def kaf(match: re.Match[str], ctx: Context) -> str:
    """Persian kaf becomes Arabic kaf (a test rule; with a lookahead it would not be fusable
    with a deletion rule: deleting tatweel changes what the lookahead sees)."""
    return "\u0643"


@substitution(
    "fusiontest.lam", "\u0644\u0644", code="X4", trigger="\u0644", produces="\u0644", fusable=True
)
def lam(match: re.Match[str], ctx: Context) -> str:
    """A doubled lam becomes one (a test rule that reads what lam_alef writes)."""
    return "\u0644"


FUSION_RULES = [lam_alef, tatweel, kaf, lam]
fusion_text = st.text(
    st.sampled_from(["\ufefb", "\ufefc", "\u0640", "\u06a9", "\u0644", "ا", "ب", " "])
)


def test_fusable_rules_are_fused_where_safe() -> None:
    steps = [step.id for group in Pipeline(FUSION_RULES)._character for step in group.steps]
    # lam reads what lam_alef writes: it is not fused with it, and stays a step of its own
    assert steps == ["fusiontest.lam_alef+fusiontest.tatweel+fusiontest.kaf", "fusiontest.lam"]
    assert [step.id for group in Pipeline(FUSION_RULES, use_triggers=False)._character
            for step in group.steps] == [rule.id for rule in FUSION_RULES]  # fmt: skip


@given(fusion_text)
def test_fused_equals_rules_one_by_one(text: str) -> None:
    one_by_one = text
    for fusion_rule in FUSION_RULES:
        one_by_one = Pipeline([fusion_rule])(one_by_one)
    assert Pipeline(FUSION_RULES)(text) == one_by_one
    assert Pipeline(FUSION_RULES, use_triggers=False)(text) == one_by_one
    report = Pipeline(FUSION_RULES).explain(text)
    assert report.output == one_by_one and report.replay() == one_by_one


# Fusion of catalogue rules (any that declare fusable=True) is covered by
# test_skipping_by_trigger_changes_nothing: the reference path (use_triggers=False) never fuses.


# S1 and S4 read a seat as NFC composes it (tenth session): their output, put in NFC, is the
# fixed point of "compose, then fold", run until nothing changes.
_SEAT_ALPHABET = (
    "\u0627\u0648\u064a\u0649\u0628\u0623\u0624\u0626 "  # seats, a letter, composed seats
    "\u064e\u0650\u0651\u0652\u0670"  # harakat (classes 30-35)
    "\u0653\u0654\u0655"  # the seat marks
    "\u0301\u0316\u0f73\U00010ef3\u0711"  # other classes: 230, 220, a Tibetan vowel, 230, 36
)


def _fold_until_stable(text: str, sources: str, targets: str) -> str:
    table = str.maketrans(sources, targets)
    folded = text.translate(table)
    while True:
        again = unicodedata2.normalize("NFC", folded).translate(table)
        if again == folded:
            return folded
        folded = again


@given(st.text(alphabet=_SEAT_ALPHABET, max_size=12))
@example("\u0648\u0650\u0651\u0654")
@example("\u0627\u0655\u0301\u0654\u0653")
@example("\u064a\u0655\u0654\u0654")
def test_seat_folds_are_the_fixed_point_of_nfc_then_fold(text: str) -> None:
    from arnorm.chars.search import fold_alef, fold_hamza_seats

    ctx = Context(text, {})
    nfc = unicodedata2.normalize
    alef = fold_alef.function(text, ctx)
    expected = _fold_until_stable(text, "\u0623\u0625\u0622", "\u0627" * 3)
    assert nfc("NFC", alef) == nfc("NFC", expected)
    seats = fold_hamza_seats.function(text, ctx)
    expected = _fold_until_stable(text, "\u0624\u0626", "\u0648\u064a")
    assert nfc("NFC", seats) == nfc("NFC", expected)
