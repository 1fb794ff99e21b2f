"""The unicode family, each rule alone and as a pipeline: ``python benchmarks/bench_unicode.py``."""

from __future__ import annotations

from bench_family import main

if __name__ == "__main__":
    main("unicode")
