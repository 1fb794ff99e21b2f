"""The benchmark command runs on a tiny corpus; its JSON is valid; bad arguments say why.

No timing is asserted here: speed is the benchmark's business (``docs/performance.md``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from arnorm.bench import corpus
from arnorm.bench.baselines import available, naive_loop
from arnorm.bench.run import main, parse_size
from arnorm.bench.steps import OWN_WORK, TRIGGER_SCAN, instrument
from arnorm.cleaner import Cleaner

TINY = ["--size", "4KB", "--repeat", "1", "--min-time", "0", "--linearity", "1KB,3KB"]


def test_text_report_names_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TINY, "--quiet", "--compare"]) == 0
    out = capsys.readouterr().out
    for heading in ("Whole pipeline", "Each rule family", "Side by side", "Per-call", "Linearity"):
        assert heading in out
    for variant in ("plain", "diacritised", "noisy"):
        assert f"  {variant} " in out
    assert "naive Python loop" in out and "one re scan" in out
    assert "Targets" in out


def test_json_is_valid_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TINY, "--json", "--compare", "--variants", "plain,mojibake"]) == 0
    captured = capsys.readouterr()
    results = json.loads(captured.out)
    assert [c["name"] for c in results["corpora"]] == ["plain", "mojibake"]
    assert all(c["bytes"] >= 4000 for c in results["corpora"])
    sections = {t["section"] for t in results["timings"]}
    assert sections == {"pipeline", "family", "compare", "per_call", "linearity"}
    names = {t["name"] for t in results["timings"]}
    assert {"repair", "search", "marks (repair)", "search (search)"} <= names
    assert all(t["mb_per_s"] > 0 and t["docs_per_s"] > 0 for t in results["timings"])
    assert {r["baseline"] for r in results["ratios"]} >= {"naive Python loop", "one re scan"}
    assert {t["target"] for t in results["targets"]} >= {"repair on plain text"}
    assert "pipeline on plain" in captured.err  # progress goes to stderr, JSON stays clean


def test_files_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "tweets.txt"
    lines = ["تٌفرض عقوبات ١٢", "سطر ثان", "سطر ثالث"]
    source.write_text(f"{lines[0]}\n{lines[1]}\n\n{lines[2]}\n", "utf-8")
    args = ["--json", "--quiet", "--repeat", "1", "--min-time", "0", "--linearity", "none"]
    assert main([str(source), "--documents", "lines", "--no-families", *args]) == 0
    results = json.loads(capsys.readouterr().out)
    size = sum(len(line.encode("utf-8")) for line in lines)
    assert results["corpora"] == [{"name": "tweets.txt", "documents": 3, "bytes": size}]
    assert {t["section"] for t in results["timings"]} == {"pipeline", "per_call"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "lots"], "bad size 'lots'"),
        (["--size", "0"], "at least 1 byte"),
        (["--variants", "plain,shiny"], "unknown variant 'shiny'"),
        (["--profiles", "fast"], "unknown profile 'fast'"),
        (["--repeat", "0"], "--repeat must be at least 1"),
        (["--linearity", "1KB,huge"], "bad size 'huge'"),
        (["/no/such/file.txt"], "no such file"),
        (["--seeds", "/no/such/folder"], "no such folder"),
        (["--documents", "pages"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_non_zero_with_a_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--quiet"])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_not_utf8_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("café".encode("latin-1"))
    with pytest.raises(SystemExit):
        main([str(source), "--quiet"])
    assert "not UTF-8" in capsys.readouterr().err


def test_module_entry_point_reports_errors() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "arnorm.bench", "--size", "big"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "error: bad size 'big'" in run.stderr


def test_parse_size_units() -> None:
    assert parse_size("1.5MB") == 1_500_000
    assert parse_size("2KiB") == 2048
    assert parse_size(" 7 ") == 7


def test_corpus_is_deterministic_and_sized() -> None:
    seeds = corpus.load_seeds(corpus.find_seeds())
    for variant in corpus.VARIANTS:
        built = corpus.build(variant, 30_000, seeds)
        assert built == corpus.build(variant, 30_000, seeds)
        assert 30_000 <= built.size < 30_000 + 4 * corpus.DOCUMENT_SIZE
    plain = "\n".join(corpus.build("plain", 30_000, seeds).documents)
    noisy = "\n".join(corpus.build("noisy", 30_000, seeds).documents)
    assert not any(c in plain for c in corpus.ARABIC_INDIC)
    assert any(c in noisy for c in corpus.ARABIC_INDIC)  # digits
    assert any("\ufe70" <= c <= "\ufeff" for c in noisy)  # presentation forms
    assert "\u00a0" in noisy and "Ù" in noisy  # NBSP, mojibake


def test_diacritised_corpus_marks_a_third_of_the_letters() -> None:
    text = "\n".join(corpus.build("diacritised", 30_000, [corpus.EMBEDDED_SEED]).documents)
    letters = sum(1 for c in text if "\u0621" <= c <= "\u064a" and c != "\u0640")
    marks = sum(1 for c in text if "\u064b" <= c <= "\u0652")
    assert 0.25 < marks / letters < 0.45


def test_embedded_seed_when_no_seeds_folder() -> None:
    assert corpus.load_seeds(None) == [corpus.EMBEDDED_SEED]
    assert corpus.build("plain", 10_000, corpus.load_seeds(None)).size >= 10_000


def test_empty_seeds_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--seeds", str(tmp_path), "--quiet"])
    assert "no seed documents" in capsys.readouterr().err


def test_document_of_size() -> None:
    seeds = [corpus.EMBEDDED_SEED]
    for size in (1_000, 50_000):
        document = corpus.document_of_size(size, seeds)
        assert abs(len(document.encode("utf-8")) - size) < 0.05 * size


def test_baselines_floor_and_ceiling_are_always_there() -> None:
    names = [b.name for b in available()]
    assert names[:2] == ["naive Python loop", "one re scan"]
    assert naive_loop("أَحْمَد عَلَى") == "احمد علي"


def test_rules_section_names_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    args = [*TINY, "--variants", "plain", "--profiles", "repair", "--no-families"]
    assert main([*args, "--rules", "--json", "--quiet", "--no-per-call"]) == 0
    results = json.loads(capsys.readouterr().out)
    steps = {
        rule_id  # a fused step is named by its rules' ids joined with "+"
        for t in results["timings"]
        if t["section"] == "rules"
        for rule_id in t["name"].removeprefix("repair: ").split("+")
    }
    cleaner = Cleaner()
    expected = {rule.id for rule in cleaner.rules if rule.is_enabled(cleaner.options)}
    assert expected | {OWN_WORK, TRIGGER_SCAN} == steps
    assert main([*args, "--rules", "--quiet", "--no-per-call"]) == 0
    assert "ms/MB" in capsys.readouterr().out


def test_instrumented_pipeline_gives_the_same_output() -> None:
    pipeline = Cleaner("search").pipeline
    copy, spent = instrument(pipeline)
    text = "عنوان\n\nتٌفرض ١٢ https://x.org/٣ عَلَى\n\nعنوان\nقد يهمك:\nاترك رد"
    assert copy(text) == pipeline(text)
    # (Not a mark rule: in the search profile S5 deletes the marks before they run.)
    assert spent["digits.to_latin"] > 0 and spent[TRIGGER_SCAN] > 0
