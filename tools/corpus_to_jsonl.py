"""Convert the SaudiNewsNet zips (JSON arrays of articles) to one JSON Lines file.

Usage: python tools/corpus_to_jsonl.py /work/shared/corpus/saudinewsnet corpus.jsonl[.gz]

Each article becomes one line with its fields as they are (source, url, date_extracted, title,
author, content).  Run by hand for evaluations; the tests never need the corpus.
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path
from typing import IO


def articles(folder: Path) -> list[dict[str, object]]:
    """Every article of every zip in ``folder``, in file order."""
    result: list[dict[str, object]] = []
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as bundle:
            for name in sorted(bundle.namelist()):
                if name.endswith(".json"):
                    result.extend(json.loads(bundle.read(name).decode("utf-8")))
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, target = Path(argv[0]), argv[1]
    stream: IO[str]
    if target.endswith(".gz"):
        stream = gzip.open(target, "wt", encoding="utf-8")  # noqa: SIM115
    else:
        stream = open(target, "w", encoding="utf-8")  # noqa: SIM115
    count = 0
    with stream:
        for article in articles(folder):
            stream.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} articles -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
