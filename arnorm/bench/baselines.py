"""Other normalisers to compare with, used only when they are installed.

Each baseline is a function ``str -> object``.  Two are always there: a naive per-character
Python loop (the floor: what hand-written normalisers do) and one compiled ``re``
character-class scan that finds nothing (the ceiling: no Python normaliser that looks at
every character can beat it).  pyarabic, CAMeL Tools and arabic-norm (Rust) are added when
importable; none is a dependency of arnorm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Function = Callable[[str], object]

_MARKS = frozenset(chr(code) for code in range(0x064B, 0x0653)) | {"\u0640", "\u0670"}
_FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0649": "\u064a"}
# A class absent from news text (Arabic Extended-A): the scan reads every character, finds nothing.
_CEILING = re.compile("[\u08a0-\u08ff]")


def naive_loop(text: str) -> str:
    """Strip harakat and tatweel and fold alef and alef maksura, one Python step a character.

    >>> naive_loop("إِلَى")
    'الي'
    """
    out = []
    for character in text:
        if character in _MARKS:
            continue
        out.append(_FOLD.get(character, character))
    return "".join(out)


def one_scan(text: str) -> object:
    """One compiled ``re`` character-class scan over the text (finds nothing in news text)."""
    return _CEILING.search(text)


@dataclass(frozen=True)
class Baseline:
    """A named function to time against arnorm, and what it does."""

    name: str
    function: Function
    does: str


def available() -> list[Baseline]:
    """The baselines importable here, the floor and the ceiling first."""
    found = [
        Baseline("naive Python loop", naive_loop, "strip harakat, fold alef/ya: a loop per char"),
        Baseline("one re scan", one_scan, "one character-class scan, no output (ceiling)"),
    ]
    try:
        from pyarabic import araby  # type: ignore[import-not-found,import-untyped,unused-ignore]
        from pyarabic.normalize import normalize_searchtext  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        pass
    else:
        found.append(Baseline("pyarabic strip_tashkeel", araby.strip_tashkeel, "strip harakat"))
        found.append(
            Baseline(
                "pyarabic normalize_searchtext",
                normalize_searchtext,
                "strip marks, fold hamza/alef/teh marbuta",
            )
        )
    found.extend(_camel())
    try:
        import arabic_norm  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        pass
    else:
        found.append(
            Baseline(
                "arabic-norm (Rust)",
                arabic_norm.normalize,
                "strip marks and tatweel, fold alef/ya (Rust, PyO3)",
            )
        )
    return found


def _camel() -> list[Baseline]:
    try:
        from camel_tools.utils.charmap import CharMapper  # type: ignore[import-not-found,import-untyped,unused-ignore]
        from camel_tools.utils.dediac import dediac_ar  # type: ignore[import-not-found,import-untyped,unused-ignore]
        from camel_tools.utils.normalize import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
            normalize_unicode,
        )
    except ImportError:  # not installed, or installed without its optional dependencies
        return []
    arclean = CharMapper.builtin_mapper("arclean")

    def composed(text: str) -> str:
        text = normalize_unicode(text)
        text = dediac_ar(text)
        text = normalize_alef_ar(text)
        text = normalize_alef_maksura_ar(text)
        result: str = normalize_teh_marbuta_ar(text)
        return result

    return [
        Baseline("CAMeL arclean", arclean.map_string, "CAMeL Tools arclean character map"),
        Baseline(
            "CAMeL composed",
            composed,
            "CAMeL: unicode + dediac + alef + alef maksura + teh marbuta",
        ),
    ]
