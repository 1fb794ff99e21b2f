"""Every micro-benchmark script in ``benchmarks/`` runs to the end on a tiny corpus.

The scripts import private names of the library and hold hand-written alternatives of rules
that must give the rules' output (``_harness.check_same``), so a change to ``arnorm`` can break
them without any other test noticing.  Each is run here as a user runs it, in a subprocess
from the repository's root, with the smallest corpus and one round.  Nothing is timed and no
speed is asserted: speed is the scripts' business (``docs/performance.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(path.name for path in (ROOT / "benchmarks").glob("bench_*.py"))
# The options of benchmarks/_harness.py (most scripts): one tiny round, no minimum time.
TINY = ["--size", "5kB", "--repeat", "1", "--min-time", "0"]
# The scripts with options of their own.  Their --baseline is "another arnorm checkout": this
# tree itself serves (a fresh clone has no other, and making one would need git or a network),
# so both sides run the same code; the baseline loading, the workers and the comparison of
# their outputs are exercised all the same.
OWN_OPTIONS = {
    "bench_boilerplate.py": ["--baseline", str(ROOT), "--size", "5kB", "--repeat", "1"],
    "bench_line_phase.py": ["--baseline", str(ROOT), "--size", "5kB", "--rounds", "1"],
    "bench_doctypes.py": [
        "--baseline",
        str(ROOT),
        "--size",
        "5kB",
        "--rounds",
        "1",
        "--passes",
        "1",
    ],
}


def test_the_scripts_are_found() -> None:
    assert "bench_pipeline.py" in SCRIPTS and "bench_marks.py" in SCRIPTS
    assert set(OWN_OPTIONS) <= set(SCRIPTS)  # (no options left for a script that is gone)


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_runs(script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(Path("benchmarks") / script), *OWN_OPTIONS.get(script, TINY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,  # (a hang fails the test instead of the whole run)
    )
    assert result.returncode == 0, (
        f"{script} exited with {result.returncode}\n"
        f"stderr:\n{result.stderr}\nstdout (end):\n{result.stdout[-2000:]}"
    )
