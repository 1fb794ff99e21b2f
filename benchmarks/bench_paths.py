"""What the pipeline's whole-text shortcuts buy: each turned off alone, side by side.

    python benchmarks/bench_paths.py [--size 2MB] [--repeat 5] [--variants plain,diacritised]

- word windows (``arnorm/windows.py``): the word-local mark rules run on the words that have a
  mark, not on the whole text;
- NFC by chunks (``arnorm.chars.unicode.to_nfc``): a long text is normalised ~1 KB at a time,
  so a few marks in non-canonical order do not send all of it down the slow path;
- E2's ftfy shortcut (``arnorm/chars/ftfy_shortcut.py``): a line of UTF-8 read as Latin-1 or
  Windows-1252 is decoded in C when the result is provably ftfy's (``--variants mojibake``).

Each contender gives the same output (checked on the corpus first).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from _harness import arguments, check_same, compare, corpora

from arnorm import windows
from arnorm.chars import ftfy_shortcut, unicode
from arnorm.cleaner import Cleaner


def _without(module: object, name: str, value: object, clean: Callable[[str], str]):  # type: ignore[no-untyped-def]
    def run(text: str) -> str:
        saved = getattr(module, name)
        setattr(module, name, value)
        try:
            return clean(text)
        finally:
            setattr(module, name, saved)

    return run


def main() -> None:
    args = arguments("the pipeline with each shortcut turned off", "plain,diacritised,mojibake")
    built = corpora(args)
    for profile in ("repair", "search"):
        clean = Cleaner(profile)
        contenders = [
            (f"{profile}: default", clean),
            (f"{profile}: no word windows", _without(windows, "MIN_LENGTH", math.inf, clean)),
            (f"{profile}: NFC of the whole text", _without(unicode, "_CHUNK", 10**12, clean)),
            (f"{profile}: ftfy on every line", _without(ftfy_shortcut, "ENABLED", False, clean)),
        ]
        for _, alternative in contenders[1:]:
            check_same(clean, alternative, built)
        compare(f"{profile} profile", contenders, built, args)


if __name__ == "__main__":
    main()
