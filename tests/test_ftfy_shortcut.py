"""The ftfy shortcut of E2 (arnorm.chars.ftfy_shortcut) gives ftfy's answer or none.

Every claim of the module's docstring is checked here against the installed ftfy: whatever
the shortcut returns is what ``ftfy.fix_text`` returns with E2's configuration; its rewritten
pattern matches where ftfy's does; the branch sets it reads BADNESS_RE by never hide a match.
"""

from __future__ import annotations

import itertools
import random

import ftfy
import ftfy.bad_codecs  # (registers the sloppy codecs)
import pytest
from ftfy.badness import is_bad
from ftfy.chardata import ALTERED_UTF8_RE, LOSSY_UTF8_RE
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm import Cleaner
from arnorm.chars import ftfy_shortcut
from arnorm.chars.encoding import _FTFY_CONFIG, utf8_as_latin
from arnorm.chars.ftfy_shortcut import _may_be_bad, decoded_directly

# Short lines of Arabic news (SaudiNewsNet, 2015-07-21; the seed article) and of what appears
# beside them: Latin words, quotes and guillemets, digits of three scripts, a question mark.
LINES = [
    "رئيس روسيا وزعيم كوريا الشمالية",
    "وأضاف: «لن نسمح بذلك» في بيان رسمي.",
    "قال المتحدث “إن الوضع مستقر” مساء أمس؟",
    "ارتفع المؤشر ٢٫٥٪ إلى 7,430 نقطة (Tadawul)",
    "تُفرض العقوبات – حسب القرار – على ١٢ شركة",
    "café ½ × 3 ÷ 4 — 5 … ؟ ? ،",
    "وقال: هل هذا صحيح? نعم",
    "الريال ﷼ و€ و£ و¥",
    "ف في فوق فيف",  # ف is D9 81: byte 81 is undefined in Windows-1252
    "نص\x85 آخر \x80",  # C1 controls: ftfy writes them as Windows-1252 after decoding
    "한국 الكورية",  # Hangul is ED xx xx in UTF-8: ftfy decodes it with "utf-8-variants"
]
DECODERS = {
    "latin-1": lambda data: data.decode("latin-1"),
    "sloppy-windows-1252": lambda data: data.decode("sloppy-windows-1252"),
    "windows-1252, replace": lambda data: data.decode("windows-1252", "replace"),
    "macroman": lambda data: data.decode("macroman"),
    "sloppy-windows-1251": lambda data: data.decode("sloppy-windows-1251"),
    "twice": lambda data: (
        data.decode("sloppy-windows-1252").encode("utf-8").decode("sloppy-windows-1252")
    ),
}


# The facts about ftfy the shortcut relies on: checked on the ftfy it runs with (another ftfy
# switches it off, and they need not hold there).
needs_the_checked_ftfy = pytest.mark.skipif(
    not ftfy_shortcut.ENABLED, reason=f"ftfy {ftfy.__version__}: the shortcut is off"
)


def ftfy_answer(line: str) -> str:
    fixed: str = ftfy.fix_text(line, _FTFY_CONFIG)
    return fixed


def test_the_shortcut_is_on_for_the_ftfy_it_was_checked_against() -> None:
    if not ftfy.__version__.startswith("6.3."):
        pytest.skip(f"ftfy {ftfy.__version__}: the shortcut is off, E2 calls ftfy on every line")
    assert ftfy_shortcut.ENABLED


def test_e2s_configuration_is_the_one_the_shortcut_assumes() -> None:
    # Step 5 of the docstring: only fix_c1_controls and fix_surrogates run after the encoding
    # fix (and neither HTML unescaping nor normalisation); one segment up to 1,000,000.
    assert _FTFY_CONFIG.fix_encoding and _FTFY_CONFIG.fix_c1_controls
    assert _FTFY_CONFIG.fix_surrogates
    assert not any(
        getattr(_FTFY_CONFIG, name)
        for name in (
            "unescape_html",
            "remove_terminal_escapes",
            "fix_latin_ligatures",
            "fix_character_width",
            "uncurl_quotes",
            "fix_line_breaks",
            "remove_control_chars",
        )
    )
    assert _FTFY_CONFIG.normalization is None
    assert _FTFY_CONFIG.max_decode_length == ftfy_shortcut._SEGMENT_MAX


@pytest.mark.parametrize("decoder", DECODERS)
@pytest.mark.parametrize("line", LINES)
def test_the_shortcut_gives_ftfys_answer_on_mojibake(line: str, decoder: str) -> None:
    mojibake = DECODERS[decoder](line.encode("utf-8"))
    direct = decoded_directly(mojibake)
    if direct is not None:
        assert direct == ftfy_answer(mojibake)


@pytest.mark.parametrize("decoder", ["latin-1", "sloppy-windows-1252"])
@pytest.mark.parametrize("line", LINES[:5])
def test_the_shortcut_takes_the_common_mojibake(line: str, decoder: str) -> None:
    # (it must not be dead code: UTF-8 Arabic read as Latin-1 or Windows-1252 is its case)
    if not ftfy_shortcut.ENABLED:
        pytest.skip("the shortcut is off for this ftfy")
    assert decoded_directly(DECODERS[decoder](line.encode("utf-8"))) == line


def test_the_shortcut_takes_mojibake_with_lost_bytes() -> None:
    # Windows-1252 with errors="replace" writes U+FFFD for ف's second byte (81, undefined):
    # ftfy's replace_lossy_sequences decodes the pair as one U+FFFD, and so does the shortcut.
    if not ftfy_shortcut.ENABLED:
        pytest.skip("the shortcut is off for this ftfy")
    mojibake = DECODERS["windows-1252, replace"]("ف في فوق فيف".encode())
    expected = "\ufffd \ufffdي \ufffdوق \ufffdي\ufffd"
    assert decoded_directly(mojibake) == ftfy_answer(mojibake) == expected


@needs_the_checked_ftfy
def test_is_bad_finds_every_c1_control() -> None:
    # (so the shortcut, which asks is_bad of its result, never leaves one to fix_c1_controls)
    assert all(is_bad(f"ب{chr(code)}ب") for code in range(0x80, 0xA0))


def test_e2_gives_the_same_text_with_and_without_the_shortcut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "\n".join(
        decoder(line.encode("utf-8")) for line in LINES for decoder in DECODERS.values()
    )
    with_shortcut = utf8_as_latin(text), Cleaner().clean(text), Cleaner("search").clean(text)
    monkeypatch.setattr(ftfy_shortcut, "ENABLED", False)
    assert (utf8_as_latin(text), Cleaner().clean(text), Cleaner("search").clean(text)) == (
        with_shortcut
    )


# Bytes that a damaged UTF-8 line is made of: the lead bytes of every length, continuation
# bytes at the borders of the classes ALTERED_UTF8_RE and LOSSY_UTF8_RE use, 1A, "?" and space.
_BYTES = b" ?A\x1a\x80\x84\x85\x86\x9f\xa0\xa1\xaf\xb0\xbf\xc0\xc2\xc3\xc4\xc5\xce\xd0\xd8\xd9\xda"
_BYTES += b"\xdf\xe0\xe2\xe3\xe4\xed\xef\xf0\xf4"


@needs_the_checked_ftfy
def test_where_ftfy_restores_a_byte_a0_the_bytes_are_not_utf8() -> None:
    # Every string of up to four of these bytes (a match of ALTERED_UTF8_RE is four at most),
    # and the same inside longer ones: the shortcut gives up at the decoding.
    for length in range(1, 5):
        for data in map(bytes, itertools.product(_BYTES, repeat=length)):
            if ALTERED_UTF8_RE.search(data) is not None:
                for around in (data, b"\xd8\xa7" + data, data + b"\xd8\xa7 x", b"\xc3" + data):
                    with pytest.raises(UnicodeDecodeError):
                        around.decode("utf-8")


# (Hangul syllables U+D000-U+D7FF are the characters whose UTF-8 starts with ED.)
_HANGUL = st.characters(min_codepoint=0xD000, max_codepoint=0xD7FF)


@needs_the_checked_ftfy
@given(st.text(_HANGUL | st.characters(codec="utf-8")))
def test_utf8_variants_decodes_utf8_as_utf8(text: str) -> None:
    data = text.encode("utf-8")
    assert data.decode("utf-8-variants") == text


@needs_the_checked_ftfy
def test_without_a_1a_lossy_sequences_are_not_utf8() -> None:
    # (so the shortcut runs replace_lossy_sequences only on bytes with a 1A: elsewhere ftfy's
    # replacement is of bytes that do not decode, where the shortcut gives up)
    for length in range(1, 5):
        for data in map(bytes, itertools.product(_BYTES.replace(b"\x1a", b""), repeat=length)):
            if LOSSY_UTF8_RE.search(data) is not None:
                for around in (data, b"\xd8\xa7" + data, data + b"\xd8\xa7 x", b"\xc3" + data):
                    with pytest.raises(UnicodeDecodeError):
                        around.decode("utf-8")


# Characters that BADNESS_RE reads (those of its sets, some of which clean Arabic text has),
# Arabic letters, ASCII letters, digits and spaces.
_BRANCHES = ftfy_shortcut._branches()
_SETS = [s for required, _ in _BRANCHES[2] for s in required] if _BRANCHES else []
_SUSPECTS = sorted(set().union(*_SETS))
_BADNESS_ALPHABET = _SUSPECTS + list("بتثaZz09 .,!?-'\"") + ["\u00a0", "\u2019", "\u2013", "\u0627"]


@example("Ã ")
@example("ØŸØŸ")
@example("×²")
@example("«\ufffd")  # two items in a row: side by side, a match
@example("« \ufffd")  # apart, none (is_bad is not asked)
@given(st.lists(st.sampled_from(_BADNESS_ALPHABET), max_size=8).map("".join))
def test_may_be_bad_is_is_bad(text: str) -> None:
    assert _may_be_bad(text) == is_bad(text)


def test_may_be_bad_is_is_bad_on_random_windows() -> None:
    # Many short texts, each 2-6 characters drawn from the same alphabet (the branches of
    # BADNESS_RE are up to six characters long), seeded: the same texts in every run.
    rng = random.Random(7)
    for _ in range(100_000):
        text = "".join(rng.choices(_BADNESS_ALPHABET, k=rng.randint(2, 6)))
        assert _may_be_bad(text) == is_bad(text), text


def test_the_branch_sets_are_read_from_badness_re() -> None:
    if not ftfy_shortcut.ENABLED:
        pytest.skip("the shortcut is off for this ftfy")
    assert _BRANCHES is not None
    candidates, _, branches = _BRANCHES
    # clean Arabic prose with none of them costs one scan, not BADNESS_RE
    assert candidates.search(LINES[0]) is None
    assert len(branches) > 20
    # and a line with guillemets and U+FFFD (ف's lost byte) apart, one scan a branch
    assert not _may_be_bad("قال «نعم» \ufffdي البيت")
    assert sum(pair is not None for _, pair in branches) > len(branches) // 2


_TEXT = st.lists(
    st.sampled_from(
        [
            *LINES,
            *("café", "½", "“", "”", "«", "»", "?", "\ufffd", "\u00a0", "\x1a", " ", "😀", "ﻻ"),
            *("\x85", "\x9d", "한", "\u0660"),
        ]
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(
    _TEXT,
    st.sampled_from(list(DECODERS)),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from(["keep", "cut", "a0", "byte"]),
)
def test_the_shortcut_gives_ftfys_answer_on_damaged_mojibake(
    text: str, decoder: str, where: int, damage: str
) -> None:
    data = text.encode("utf-8")
    at = where % len(data)
    if damage == "cut":
        data = data[:at] + data[at + 1 :]
    elif damage == "a0":
        data = data.replace(b"\xa0", b" ")
    elif damage == "byte":
        data = data[:at] + bytes([where % 256]) + data[at + 1 :]
    mojibake = DECODERS[decoder](data).strip(" \t").replace("\n", " ")
    direct = decoded_directly(mojibake)
    if direct is not None:
        assert direct == ftfy_answer(mojibake)


@example("\xd8\xa7\n\xd9\u201e")  # ftfy judges each line: "Ø§" alone is not bad
@given(st.text(max_size=30))
def test_the_shortcut_gives_ftfys_answer_or_none_on_any_text(text: str) -> None:
    direct = decoded_directly(text)
    if direct is not None:
        assert direct == ftfy_answer(text)


@needs_the_checked_ftfy
def test_decodes_nothing_tries_the_charmaps_ftfy_tries() -> None:
    # A charmap encodes a character exactly when ftfy's possible_encoding allows it, and a
    # character no charmap allows is what _IN_NO_CHARMAP finds.
    from ftfy.chardata import CHARMAP_ENCODINGS, possible_encoding

    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x10EF2]:
        character = chr(code)
        allowed = []
        for charmap in CHARMAP_ENCODINGS:
            try:
                character.encode(charmap)
                encodes = True
            except UnicodeEncodeError:
                encodes = False
            assert encodes == possible_encoding(character, charmap), (charmap, hex(code))
            allowed.append(encodes)
        assert (ftfy_shortcut._IN_NO_CHARMAP.match(character) is None) == any(allowed), hex(code)


# What a line ftfy decodes nothing in is made of: the characters of its charmaps, quotes,
# C1 controls, spaces, and Arabic letters.
_UNDECODED_ALPHABET = [
    *sorted(
        {
            bytes([value]).decode(charmap, errors="ignore")
            for value in range(0x80, 0x100)
            for charmap in ["latin-1", "sloppy-windows-1252", "macroman", "sloppy-windows-1251"]
        }
        - {""}
    ),
    *[" ", "a", "?", "\u0627", "\u0644", "\u00a0", "\u201c", "\u201d", "\u2019"],
]


@example("l\u2019\u00e9t\u00e9")
@example("\u201d\u00e9" * 20)  # MacRoman: D3 8E, UTF-8 for U+04CE (something to decode)
@example("\u00e9\u2018" * 20)  # and its detector's, without the look-behind
@example("\u00c3 ")  # restore_byte_a0 makes it UTF-8
@example("\u00c3\u00a9")
@given(st.lists(st.sampled_from(_UNDECODED_ALPHABET), max_size=10).map("".join))
def test_where_ftfy_decodes_nothing_it_changes_at_most_the_c1_controls(line: str) -> None:
    if ftfy_shortcut.decodes_nothing(line) and not any(
        "\x80" <= character <= "\x9f" or character in "\x1a\ufffd" for character in line
    ):
        assert ftfy_answer(line) == line


@needs_the_checked_ftfy
@pytest.mark.parametrize(
    "line",
    [
        "\u201cl\u2019\u00e9t\u00e9\u201d",
        "\u00e9\u2018" * 20,  # the adversarial survey's (matches of E2's detector pattern)
        "Espa\u00f1a y M\u00e9xico",
        "\u00e9 \u00e9 \u00e9",
    ],
)
def test_decodes_nothing_on_latin_text_with_quotes_and_accents(line: str) -> None:
    assert ftfy_shortcut.decodes_nothing(line)
    assert ftfy_answer(line) == line


@needs_the_checked_ftfy
def test_the_byte_repairs_need_a_space_or_a_question_mark_or_1a() -> None:
    # (decodes_nothing runs them only on bytes that have one)
    assert all(b" " in branch for branch in ALTERED_UTF8_RE.pattern.split(b"|"))
    assert all(b"?" in branch or b"\x1a" in branch for branch in LOSSY_UTF8_RE.pattern.split(b"|"))
