"""The primitives hot loops are made of (DESIGN.md "Speed"), measured on Arabic text.

python benchmarks/bench_primitives.py [--size 2MB]
"""

from __future__ import annotations

import re

import unicodedata2
from _harness import arguments, compare, corpora

FOLD = "\u0623\u0625\u0622\u0671\u0629\u0649"  # أ إ آ ٱ ة ى
TARGET = "\u0627\u0627\u0627\u0627\u0647\u064a"
TABLE = str.maketrans(FOLD, TARGET)
CLASS_SCAN = re.compile("[\u08a0-\u08ff]")  # absent from news text
FOLD_CLASS = re.compile(f"[{FOLD}]")
MAP = dict(zip(FOLD, TARGET, strict=True))


def chained_replace(text: str) -> str:
    for source, target in MAP.items():
        text = text.replace(source, target)
    return text


def main() -> None:
    args = arguments("primitives")
    compare(
        "primitives",
        [
            ("one re class scan (search, no match)", CLASS_SCAN.search),
            ("'\\u08a0' in text", lambda t: "\u08a0" in t),
            ("text.count('\\u0629')", lambda t: t.count("\u0629")),
            ("text.isascii()", str.isascii),
            ("NFC (unicodedata2)", lambda t: unicodedata2.normalize("NFC", t)),
            ("split('\\n') + join", lambda t: "\n".join(t.split("\n"))),
            ("splitlines()", str.splitlines),
            ("six chained replace (fold)", chained_replace),
            ("str.translate, six entries (fold)", lambda t: t.translate(TABLE)),
            ("re.sub with dict callback (fold)", lambda t: FOLD_CLASS.sub(lambda m: MAP[m[0]], t)),
            ("findall of a frequent class", FOLD_CLASS.findall),
            ("set(text)", set),
        ],
        corpora(args),
        args,
    )


if __name__ == "__main__":
    main()
