"""The streaming corpus command: JSON Lines, gzip, worker processes, reports, errors, atomicity."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import arnorm
from arnorm.cli import main
from arnorm.stream import Input, Job, Progress, chunks, map_chunks, run

FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "sites.jsonl"
SEED = Path(__file__).parent.parent / "seeds" / "000_5e54b4b3d5a2e7fd.txt"


def records(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def expected(path: Path, field: str = "text") -> list[dict[str, object]]:
    result = records(path)
    for record in result:
        value = record[field]
        record[field] = None if value is None else arnorm.clean(str(value))
    return result


def current_umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def corpus(tmp_path: Path, copies: int = 1) -> Path:
    """The fixture, with a record of other field types and a null text."""
    lines = FIXTURE.read_text("utf-8").splitlines() * copies
    lines.insert(3, json.dumps({"text": None, "n": 1.5, "tags": ["أ", 2]}, ensure_ascii=False))
    record = {"id": 7, "text": "تٌفرض ٢٠٢٣\n\n\n\nعقوبات", "ok": True}
    lines.append(json.dumps(record, ensure_ascii=False))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_jsonl_field_cleaned_other_fields_kept(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    before = source.read_bytes()
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "--field", "text", "-o", str(out)]) == 0
    assert records(out) == expected(source)
    assert out.stat().st_mode & 0o777 == 0o666 & ~current_umask()  # not mkstemp's 0600
    assert list(records(out)[-1]) == ["id", "text", "ok"]  # field order kept
    assert records(out)[-1]["text"] == "تُفرض 2023\n\nعقوبات"
    assert source.read_bytes() == before  # the input is never modified


def test_jsonl_suffix_implies_the_text_field(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert records(out) == expected(source)


def test_gzip_in_and_out_by_extension(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    packed = tmp_path / "corpus.jsonl.gz"
    packed.write_bytes(gzip.compress(source.read_bytes()))
    out = tmp_path / "out.jsonl.gz"
    assert main(["clean", str(packed), "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    assert records(out) == expected(source)


def test_stdin_jsonl_to_stdout() -> None:
    line = json.dumps({"text": "تٌفرض ٢٠٢٣", "id": "a"}, ensure_ascii=False)
    result = subprocess.run(
        [sys.executable, "-m", "arnorm", "clean", "-", "--field", "text"],
        input=(line + "\n").encode(),
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout) == {"text": "تُفرض 2023", "id": "a"}
    assert result.stderr == b""  # no progress display when stderr is not a terminal


def test_malformed_line_stops_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpus(tmp_path)
    lines = source.read_text("utf-8").splitlines()
    lines.insert(5, '{"text": "نص", ')  # line 6
    source.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous output\n", "utf-8")
    assert main(["clean", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:6: not valid JSON" in err and "--skip-bad" in err
    assert out.read_text("utf-8") == "previous output\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "out.jsonl"]


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('["a list"]', "not a JSON object"),
        ('{"body": "نص"}', "no field 'text'"),
        ('{"text": 12}', "field 'text' is int"),
        (b'{"text": "\xc7\xe1"}', "not UTF-8"),
    ],
)
def test_other_bad_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad_line: str | bytes, message: str
) -> None:
    source = tmp_path / "in.jsonl"
    bad = bad_line if isinstance(bad_line, bytes) else bad_line.encode()
    source.write_bytes(b'{"text": "a"}\n' + bad + b"\n")
    assert main(["clean", str(source), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert f"{source}:2: {message}" in capsys.readouterr().err


def test_skip_bad_counts_and_drops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = corpus(tmp_path)
    lines = source.read_text("utf-8").splitlines()
    lines[2:2] = ["not json", ""]  # a bad line (3) and a blank line, which is ignored
    source.write_text("\n".join(lines) + "\n", "utf-8")
    out, report = tmp_path / "out.jsonl", tmp_path / "report.json"
    assert main(["clean", str(source), "-o", str(out), "--skip-bad", "--report", str(report)]) == 0
    assert f"skipped {source}:3: not valid JSON" in capsys.readouterr().err
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(line for line in lines if line.startswith("{")) + "\n", "utf-8")
    assert records(out) == expected(good)
    assert json.loads(report.read_text("utf-8"))["bad_lines_skipped"] == 1


def test_report_counts_every_rule(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    report = tmp_path / "report.json"
    assert (
        main(["clean", str(source), "-o", str(tmp_path / "o.jsonl"), "--report", str(report)]) == 0
    )
    data = json.loads(report.read_text("utf-8"))
    texts = [str(r["text"]) for r in records(source) if r["text"] is not None]
    totals: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    for text in texts:
        explained = arnorm.explain(text)
        totals += explained.counts()
        removed += Counter(change.rule for change in explained.removed_lines)
    assert data["changes_per_rule"] == dict(sorted(totals.items()))
    assert data["removed_lines_per_rule"] == dict(sorted(removed.items()))
    assert data["documents"] == len(texts) and data["null_documents"] == 1
    cleaned = [arnorm.clean(text) for text in texts]
    assert data["characters_removed"] == sum(map(len, texts)) - sum(map(len, cleaned))
    assert data["documents_changed"] == sum(a != b for a, b in zip(texts, cleaned, strict=True))


def test_jobs_keep_order_across_many_chunks(tmp_path: Path) -> None:
    source = corpus(tmp_path, copies=6)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    job = Job(arnorm.Cleaner(), field="text")
    serial = run(job, str(source), str(one), jobs=1, chunk_bytes=2000)
    parallel = run(job, str(source), str(two), jobs=2, chunk_bytes=2000)
    assert one.read_bytes() == two.read_bytes()
    assert records(two) == expected(source)
    assert serial == parallel


def test_jobs_report_a_bad_line_in_a_later_chunk(tmp_path: Path) -> None:
    source = corpus(tmp_path, copies=4)
    lines = source.read_text("utf-8").splitlines()
    lines.insert(40, "{oops")
    source.write_text("\n".join(lines) + "\n", "utf-8")
    job = Job(arnorm.Cleaner(), field="text")
    with pytest.raises(Exception, match=rf"{source}:41: not valid JSON"):
        run(job, str(source), str(tmp_path / "out.jsonl"), jobs=2, chunk_bytes=1000)
    assert not (tmp_path / "out.jsonl").exists()


def test_workers_read_ahead_a_bounded_number_of_chunks(tmp_path: Path) -> None:
    read = 0

    def pieces() -> Iterator[tuple[int, bytes]]:
        nonlocal read
        for number in range(1, 101):
            read += 1
            yield number, b'{"text": "\\u062a\\u064c\\u0641"}\n'

    results = map_chunks(Job(arnorm.Cleaner(), field="text"), pieces(), "x", jobs=2)
    first = next(results)
    assert first.data.decode() == '{"text": "تُف"}\n'
    assert read <= 5  # 2 * jobs in flight, plus the one being read
    assert len(list(results)) == 99


def test_chunks_are_read_lazily(tmp_path: Path) -> None:
    source = corpus(tmp_path, copies=20)
    reader = Input(str(source))
    pieces = chunks(reader, size=4096)
    first_line, data = next(pieces)
    assert first_line == 1 and 1000 < len(data) <= 4096 and data.endswith(b"\n")
    assert reader.counter.count < source.stat().st_size // 2
    second_line, _ = next(pieces)
    assert second_line == 1 + data.count(b"\n")
    reader.close()


def test_interrupted_run_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = corpus(tmp_path, copies=5)
    out = tmp_path / "out.jsonl"
    out.write_text("previous output\n", "utf-8")
    calls = 0
    clean_text = Job.clean_text

    def interrupt(self: Job, *args: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 30:
            raise KeyboardInterrupt
        return clean_text(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Job, "clean_text", interrupt)
    assert main(["clean", str(source), "-o", str(out)]) == 130
    assert out.read_text("utf-8") == "previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "out.jsonl"]


def test_output_may_not_replace_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpus(tmp_path)
    before = source.read_bytes()
    assert main(["clean", str(source), "-o", str(source)]) == 1
    assert "would replace the input" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_text_file_gzip_and_report(tmp_path: Path) -> None:
    packed = tmp_path / "seed.txt.gz"
    packed.write_bytes(gzip.compress(SEED.read_bytes()))
    out, report = tmp_path / "out.txt", tmp_path / "report.json"
    assert main(["clean", str(packed), "-o", str(out), "--report", str(report)]) == 0
    assert out.read_text("utf-8") == SEED.with_suffix(".expected.txt").read_text("utf-8")
    counts = json.loads(report.read_text("utf-8"))["changes_per_rule"]
    assert counts["boilerplate.trailer"] >= 1
    assert counts == dict(sorted(arnorm.explain(SEED.read_text("utf-8")).counts().items()))


def test_progress_display(capsys: pytest.CaptureFixture[str]) -> None:
    Progress(False).finish(10, 2_000_000)
    assert capsys.readouterr().err == ""
    bar = Progress(True, total=4_000_000)
    bar.update(10, 2_000_000, force=True)
    bar.finish(20, 4_000_000)
    err = capsys.readouterr().err
    assert "10 documents, 2.0 MB" in err and "50%" in err
    assert err.endswith("20 documents, 4.0 MB, " + err.rsplit("MB, ", 1)[1])
    assert "100%" in err and err.endswith("\n")


def test_learn_then_clean_with_the_site_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "model.json"
    # B4/B5 already know the WAS markers: off here, so B6 is seen learning them on its own.
    lexicon_off = ["--disable", "boilerplate.trailer", "--disable", "boilerplate.phrase_lines"]
    args = ["learn", str(FIXTURE), "--group-by", "source", "-o", str(model), *lexicon_off]
    assert main([*args, "--min-documents", "3"]) == 0
    assert "8 lines learned over 2 groups" in capsys.readouterr().err
    learned = json.loads(model.read_text("utf-8"))["groups"]
    assert "// انتهى //" in learned["was"]["lines"]
    out, report = tmp_path / "out.jsonl", tmp_path / "report.json"
    options = ["--site-model", str(model), "--report", str(report), *lexicon_off]
    assert main(["clean", str(FIXTURE), "-o", str(out), *options]) == 0
    texts = [str(r["text"]) for r in records(out)]
    assert not any("// انتهى //" in text or "88591 - Stc" in text for text in texts)
    assert sum("وجرى خلال اللقاء بحث" in text for text in texts) == 5
    data = json.loads(report.read_text("utf-8"))
    assert data["site_lines_removed_per_group"] == {
        "almadina": 30,
        "was": 8 + 8 + 3,
    }  # markers, times, Riyadh datelines
    # A text file names its site with --group.
    single = tmp_path / "one.txt"
    single.write_text(str(records(FIXTURE)[0]["text"]), "utf-8")
    assert (
        main(["clean", str(single), "--site-model", str(model), "--group", "was", *lexicon_off])
        == 0
    )
    assert "// انتهى //" not in capsys.readouterr().out
    assert main(["clean", str(single), "--site-model", str(model)]) == 1
    assert "needs --group" in capsys.readouterr().err
    # A sample of two documents per site is too small to learn anything at --min-documents 3.
    assert main([*args, "--min-documents", "3", "--sample", "2", "-q"]) == 0
    sampled = json.loads(model.read_text("utf-8"))["groups"]
    assert {name: group["documents"] for name, group in sampled.items()} == {
        "was": 2,
        "almadina": 2,
    }
    assert all(not group["lines"] for group in sampled.values())


def test_html_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("arnorm.html")
    page = tmp_path / "page.jsonl"
    html = "<html><body><p>تٌفرض ٢٠٢٣</p><script>x()</script></body></html>"
    page.write_text(json.dumps({"html": html}, ensure_ascii=False) + "\n", "utf-8")
    assert main(["clean", str(page), "--field", "html", "--html"]) == 0
    assert json.loads(capsys.readouterr().out)["html"] == "تُفرض 2023"


def test_html_without_html_support(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        import arnorm.html  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("this installation has arnorm.html")
    assert main(["clean", str(SEED), "--html"]) == 1
    assert "--html needs arnorm.html" in capsys.readouterr().err
