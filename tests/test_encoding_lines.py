"""E2 gives ftfy only the lines it may change: the same text as ftfy on the whole document."""

from __future__ import annotations

import re
from unittest import mock

import ftfy
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.chars import encoding, ftfy_shortcut
from arnorm.chars.encoding import (
    _FTFY_CONFIG,
    _FTFY_UNSAFE,
    _MAY_BE_INCONSISTENT,
    _MAY_BECOME_LETTER,
    _MAY_DECODE_IN,
    _ftfy_may_change,
    _nothing_to_decode,
    c1_controls_rewritten,
    fix_text,
    utf8_as_latin,
)
from arnorm.cleaner import Cleaner

# The characters of a line E2 does not give to ftfy (each group drawn as often as the others).
safe_character = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x7F),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),
    st.characters(min_codepoint=0x08A0, max_codepoint=0x08FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.characters(min_codepoint=0x200B, max_codepoint=0x200F),
    st.characters(min_codepoint=0x2028, max_codepoint=0x202E),
    st.characters(min_codepoint=0x2060, max_codepoint=0x2069),
    st.sampled_from("\u00a0«»–—‘’“”…"),
).filter(lambda character: _FTFY_UNSAFE.match(character) is None)

MOJIBAKE = [
    "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©",  # UTF-8 read as Windows-1252
    "ÿßŸÑÿπÿ±ÿ®Ÿäÿ©",  # ... as MacRoman
    "Ã˜Â§Ã™â€ž",  # encoded twice
    "Ù\u00a0",  # a lost A0 byte
    "\u0080\u009d",  # C1 controls
    "café",
    "é é",  # Latin-script text ftfy is slow on and leaves as it is
    "É ",
    "“",
    "\ufffd",
]
pieces = st.one_of(
    st.sampled_from(MOJIBAKE),
    st.sampled_from(["\n", " ", "العربية", "نص عادي.", "\r\n"]),
    st.text(alphabet=safe_character, max_size=8),
)


@given(st.text(alphabet=safe_character, max_size=60))
def test_ftfy_leaves_a_line_of_ascii_and_arabic_as_it_is(line: str) -> None:
    assert ftfy.fix_text(line, _FTFY_CONFIG) == line


def ftfy_on_every_line(text: str) -> str:
    """ftfy on each line of ``text``, the spaces and tabs at its ends set aside (W1 trims
    them; ftfy judges a sequence beside a space differently)."""
    lines = []
    for content in text.split("\n"):
        core = content.strip(" \t")
        lead = content[: len(content) - len(content.lstrip(" \t"))]
        fixed = ftfy.fix_text(core, _FTFY_CONFIG) if core else ""
        lines.append(lead + fixed + content[len(lead) + len(core) :])
    return "\n".join(lines)


@given(st.lists(pieces, max_size=30).map("".join))
@example("\u00d8\u00a7\u00d9\u201e\u00c9 ")
@example(" \u00d8\u00b3\u00d8\t\r\n\u00d8\u00b3\u00d8 \n")
def test_fixing_only_the_lines_that_need_it_equals_ftfy_on_every_line(text: str) -> None:
    assert fix_text(text) == ftfy_on_every_line(text)


@given(st.lists(pieces, max_size=30).map("".join))
def test_ftfy_repairs_line_by_line(text: str) -> None:
    # (what lets E2 give ftfy only some lines)
    lines = text.split("\n")
    assert ftfy.fix_text(text, _FTFY_CONFIG) == "\n".join(
        ftfy.fix_text(line, _FTFY_CONFIG) for line in lines
    )


# Characters of ftfy's charmaps (every byte of each), Latin letters, and the bytes its repairs
# look for after a lead byte: what a line ftfy has to judge is made of.
CHARMAP_CHARACTERS = sorted(
    {
        bytes([value]).decode(encoding, errors="ignore")
        for value in range(0x80, 0x100)
        for encoding in ftfy.chardata.CHARMAP_ENCODINGS
    }
    - {""}
)
latin_character = st.one_of(
    st.sampled_from(CHARMAP_CHARACTERS),
    st.characters(min_codepoint=0x80, max_codepoint=0x24F),
    st.sampled_from(" ?\x1a\ufffdeaz.\u0627\u0644"),
)


@example("caf\u00e9\ufffd\u201c")  # E9 1A 93: replace_lossy_sequences makes it U+FFFD
@example("\ufffd\x1a")  # 0x1A alone becomes U+FFFD
@example("\u00c3 ")  # restore_byte_a0
@given(st.one_of(st.text(alphabet=latin_character, max_size=12), st.text(max_size=12)))
def test_a_line_where_ftfy_has_nothing_to_decode_is_left_as_it_is(line: str) -> None:
    # E2 does not call ftfy on such a line (_ftfy_may_change): ftfy must agree.
    if not _ftfy_may_change(line):
        assert ftfy.fix_text(line, _FTFY_CONFIG) == line


@example("\u00c3 ")  # a lead byte and a space (restore_byte_a0's look-behind)
@given(st.text(alphabet=latin_character, max_size=12))
def test_nothing_to_decode_reads_every_charmap_from_the_start(line: str) -> None:
    # (it searches each charmap's pattern from the first match of their union only)
    from_the_start = not any(pattern.search(line) for pattern in _MAY_DECODE_IN)
    expected = from_the_start and _MAY_BE_INCONSISTENT.search(line) is None
    assert _nothing_to_decode(line) == expected


C1_CONTROLS = [chr(code) for code in range(0x80, 0xA0)]
c1_line = st.lists(
    st.one_of(
        st.sampled_from(C1_CONTROLS),
        latin_character,
        st.sampled_from(["\u0628", "\u0627\u0644", " ", "\u00a0"]),
    ),
    max_size=10,
).map("".join)


@example("\x80\u00a7")  # "€§" is MacRoman for U+06E4: not a line of C1 controls only
@example("\u00d9\x81")  # a lead byte and a C1 control: UTF-8 for ف
@example("\x93\u0627\x94")
@given(c1_line)
def test_a_line_whose_only_repair_is_its_c1_controls_gets_ftfys_answer(line: str) -> None:
    rewritten = c1_controls_rewritten(line)
    if rewritten is not None:
        assert rewritten == ftfy.fix_text(line, _FTFY_CONFIG)


@pytest.mark.parametrize("control", C1_CONTROLS)
def test_a_c1_control_beside_any_charmap_character_gets_ftfys_answer(control: str) -> None:
    # (where rewriting a control could make a pair ftfy decodes, on either side of it)
    for other in CHARMAP_CHARACTERS:
        for line in (control + other, other + control, "\u0628" + control + other):
            rewritten = c1_controls_rewritten(line)
            if rewritten is not None:
                assert rewritten == ftfy.fix_text(line, _FTFY_CONFIG), ascii(line)


@pytest.mark.skipif(not ftfy_shortcut.ENABLED, reason="off with another ftfy than 6.3")
@pytest.mark.parametrize(
    "line",
    [
        "\x93\u0627\u0644\u0639\u0631\u0628\u064a\u0629\x94",  # quotes as C1 controls
        "\u0628\x80\u0628\x9f\u0628\x81",  # one between letters (the adversarial survey)
        "\x96 \u0646\u0635 \x85",
    ],
)
def test_c1_controls_between_arabic_are_rewritten_without_ftfy(line: str) -> None:
    rewritten = c1_controls_rewritten(line)
    assert rewritten is not None
    assert rewritten == ftfy.fix_text(line, _FTFY_CONFIG)
    assert not any(control in rewritten for control in "\x80\x93\x94\x96\x9f")


# --- only a line with a character of _MAY_BECOME_LETTER can gain an Arabic letter ----------

# Every character of a byte of 80-FF in one of ftfy's charmaps, and the others its repairs read.
_CHARMAP_CHARACTERS = sorted(
    {
        bytes([value]).decode(encoding, errors="ignore")
        for value in range(0x80, 0x100)
        for encoding in ftfy.chardata.CHARMAP_ENCODINGS
    }
    - {""}
)
_NOT_BECOMING = [c for c in _CHARMAP_CHARACTERS if not _MAY_BECOME_LETTER.search(c)]
_becoming = [c for c in _CHARMAP_CHARACTERS if _MAY_BECOME_LETTER.search(c)]
_line_without = st.lists(
    st.one_of(
        st.sampled_from(_NOT_BECOMING),
        st.sampled_from([*"\x00\x1a\ufffd ?a1\t", "ب", "ال", "\x80", "\x9d", "\ud83d\ude00"]),
        st.sampled_from(_NOT_BECOMING).map(lambda c: c + " "),  # (restore_byte_a0)
    ),
    max_size=24,
).map("".join)


def _letters(text: str) -> int:
    return sum("\u0621" <= character <= "\u064a" for character in text)


@given(_line_without)
@example("é\x85—”")  # (a 3-byte sequence: a CJK character, no letter)
@example("ËœË\u00a0")  # ("ÃƒËœ" is "Ø" decoded twice, but "Ã" is one of them)
@example("é\u00a0\u00ad")
def test_ftfy_gains_no_letter_on_a_line_without_one_of_them(line: str) -> None:
    assert not _MAY_BECOME_LETTER.search(line)
    fixed = ftfy.fix_text(line, _FTFY_CONFIG)
    assert _letters(fixed) == _letters(line)
    assert fixed.count("\x00") == line.count("\x00")  # (the quote placeholder: see E2)


def test_the_characters_that_may_become_a_letter() -> None:
    # Each kind of way to a letter: directly, decoded twice, through a C1 control, MacRoman,
    # and C0 80 (a NUL); and the commonest characters of Latin-script text are not among them.
    for line in ["Ø§", "Ã˜Â§", "\u009f\u00a7", "ÿ\u00a7", "Ã€\u20ac"]:
        assert _MAY_BECOME_LETTER.search(line), ascii(line)
    assert _letters(ftfy.fix_text("Ã˜Â§", _FTFY_CONFIG)) == 1
    assert ftfy.fix_text("xÀ€y", _FTFY_CONFIG) == "x\x00y"  # (C0 80: why À is among them)
    latin = "l’été, España, Zürich, façon, où — «» “” … ¿"
    assert [c for c in latin if _MAY_BECOME_LETTER.search(c)] == ["¿"]  # (C0 in MacRoman)
    assert len(_becoming) < len(_NOT_BECOMING) / 5


# E2 gives ftfy the lines that may gain a letter first, and the others only when one gained:
# the same text as giving it every line at once (what E2 did before; a pattern that matches
# every line makes it do so again).
_LATIN_LINES = ["l’été", "cafÃ©", "é\x85—”", "Ã©tÃ©", "“x” – y", "\x80\x9d", "¿qué?", "café ’"]
_documents = st.lists(
    st.sampled_from([*MOJIBAKE, *_LATIN_LINES, "العربية", "نص “عادي”.", ""]), max_size=8
).map("\n".join)


@given(_documents)
@example("l’été\nØ§Ù„Ø¹Ø±Ø¨ÙŠØ©\ncafÃ©")  # (the Latin lines are repaired: a line gained)
@example("l’été\ncafÃ©")  # (no line gains: none is)
def test_e2_gives_the_same_text_as_with_every_line_at_once(text: str) -> None:
    expected = utf8_as_latin(text), Cleaner().clean(text), Cleaner("search").clean(text)
    with mock.patch.object(encoding, "_MAY_BECOME_LETTER", re.compile("")):
        assert (utf8_as_latin(text), Cleaner().clean(text), Cleaner("search").clean(text)) == (
            expected
        )
