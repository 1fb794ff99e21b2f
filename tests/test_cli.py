"""The arnorm command: clean and explain files, and errors that name the file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from arnorm.cli import main

SEED = Path(__file__).parent.parent / "seeds" / "000_5e54b4b3d5a2e7fd.txt"


def test_clean_seed_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED)]) == 0
    expected = SEED.with_suffix(".expected.txt").read_text("utf-8")
    assert capsys.readouterr().out == expected


def test_clean_to_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert main(["clean", str(SEED), "-o", str(out)]) == 0
    assert out.read_text("utf-8") == SEED.with_suffix(".expected.txt").read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left behind


def test_options_are_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text("عام ٢٠٢٣\n\n\n\nتٌفرض", "utf-8")
    assert main(["clean", str(source), "--digits", "keep", "--no-boilerplate"]) == 0
    assert capsys.readouterr().out == "عام ٢٠٢٣\n\n\n\nتُفرض\n"
    assert main(["clean", str(source), "--disable", "marks", "--profile", "search"]) == 0
    assert capsys.readouterr().out == "عام 2023\n\nتفرض\n"  # search strips the mark


def test_explain_lists_rule_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "marks.stray_tanween @ 521:522: 'ٌ' -> 'ُ'" in out
    assert "boilerplate.trailer @ line 69" in out


def test_non_utf8_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("سطر\nسطر\n".encode() + b"\xc7\xe1\n")
    assert main(["clean", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3: not UTF-8" in err and "Traceback" not in err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "/no/such/file.txt"]) == 1
    assert "/no/such/file.txt: cannot read" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED), "-o", str(tmp_path / "no" / "dir" / "out.txt")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", str(SEED), "--disable", "nothing.here"])
    assert exit_info.value.code == 2
    assert "unknown rule or family 'nothing.here'" in capsys.readouterr().err


def test_python_dash_m_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arnorm", "clean", "-"],
        input="تٌفرض ٢٠٢٣".encode(),
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode() == "تُفرض 2023\n"


def test_help_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--digits" in out and "--line-phrase PHRASE" in out


def test_phrase_options_are_repeatable_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text("نص الخبر الأول.\nاشترك الآن في نشرتنا\nنص الخبر الثاني.", "utf-8")
    assert main(["clean", str(source), "--line-phrase", "اشترك الآن", "--line-phrase", "x y"]) == 0
    assert capsys.readouterr().out == "نص الخبر الأول.\nنص الخبر الثاني.\n"
