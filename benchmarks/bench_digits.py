"""The digits family (D): ``python benchmarks/bench_digits.py`` (noisy text has Indic digits)."""

from __future__ import annotations

import sys

from bench_family import main

if __name__ == "__main__":
    sys.argv[1:1] = [] if "--variants" in sys.argv else ["--variants", "plain,digits,noisy"]
    main("digits")
