"""Bad input: one clear line per file naming it and the problem; the rest is still read; no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.readers import load_articles
from tests.summarizer.conftest import ARTICLES, run_cli

BAD = ARTICLES / "bad"
GOOD = ARTICLES / "flood" / "gazette.md"


@pytest.fixture
def binary_file(tmp_path: Path) -> Path:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return path


@pytest.fixture
def huge_file(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    path.write_text("The river rose again overnight. " * 170_000, "utf-8")  # about 5.4 MB
    assert path.stat().st_size > 5_000_000
    return path


def problems_for(*paths: Path | str) -> dict[str, str]:
    return {p.source: p.problem for p in load_articles(list(paths)).problems}


def test_empty_file():
    assert problems_for(BAD / "empty.txt") == {str(BAD / "empty.txt"): "file is empty"}


def test_binary_file(binary_file: Path):
    assert problems_for(binary_file) == {str(binary_file): "looks like a binary file, not text"}


def test_file_over_the_size_limit(huge_file: Path):
    assert problems_for(huge_file) == {str(huge_file): "file is 5.2 MB, over the 2 MB limit"}


def test_unknown_extension_names_the_supported_ones():
    problem = problems_for(BAD / "minutes.docx")[str(BAD / "minutes.docx")]
    assert problem.startswith("unsupported file type '.docx'") and ".txt" in problem and ".html" in problem


def test_missing_path():
    assert problems_for("no/such/folder") == {"no/such/folder": "no such file or folder"}


def test_truncated_html_says_it_is_cut_off():
    problem = problems_for(BAD / "truncated.html")[str(BAD / "truncated.html")]
    assert "cut off" in problem and "too little article text" in problem


def test_truncated_html_with_enough_text_is_read_with_a_note(tmp_path: Path):
    page = (ARTICLES / "formats" / "tram.html").read_text("utf-8")
    cut = tmp_path / "cut.html"
    cut.write_text(page[: page.index("<p>Shop owners")], "utf-8")
    result = load_articles([cut])
    assert [a.outlet for a in result.articles] == ["Easterby Echo"]
    assert [(p.source, p.problem) for p in result.problems] == [
        (str(cut), "the HTML is cut off (no closing </html>); read the text that was there")
    ]


def test_json_record_without_text_is_skipped_and_the_next_record_read():
    result = load_articles([BAD / "no_text.json"])
    assert [a.title for a in result.articles] == ["Saltby regatta returns"]
    assert [(p.source, p.problem) for p in result.problems] == [
        (f"{BAD / 'no_text.json'} record 1", "has no 'text' (each record needs outlet, title and text)")
    ]


def test_invalid_json_gives_the_line_and_column(tmp_path: Path):
    broken = tmp_path / "broken.json"
    broken.write_text('[{"outlet": "A", "text": "unfinished', "utf-8")
    assert problems_for(broken) == {str(broken): "invalid JSON at line 1, column 26"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("latin1.txt", "Le café du port de Saltby, tenu par Zoë Marchand"),
        ("cp1252.txt", "The “Saltby Regatta” will return"),
    ],
)
def test_non_utf8_text_is_read_as_windows_1252_with_a_note(name: str, expected: str):
    result = load_articles([BAD / name])
    assert [p.problem for p in result.problems] == ["not UTF-8; read as Windows-1252 (Latin-1)"]
    assert result.articles[0].text.startswith(expected)
    if name == "cp1252.txt":
        assert "€12" in result.articles[0].text and "–" in result.articles[0].text


def test_duplicate_article_is_skipped_with_a_note(tmp_path: Path):
    copy = tmp_path / "copy.md"
    copy.write_text(GOOD.read_text("utf-8").replace("Lenfield Gazette", "Copycat Daily"), "utf-8")
    result = load_articles([GOOD, copy])
    assert [a.outlet for a in result.articles] == ["Lenfield Gazette"]
    assert [p.problem for p in result.problems] == [f"skipped: near-duplicate of {GOOD}"]


def test_cli_reports_each_bad_input_on_one_line_and_still_briefs_the_rest(binary_file: Path, huge_file: Path):
    result = run_cli("brief", str(BAD), str(binary_file), str(huge_file), "no/such/file.txt", str(GOOD))
    assert result.returncode == 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    expected = {
        BAD / "empty.txt": "file is empty",
        BAD / "minutes.docx": "unsupported file type",
        BAD / "truncated.html": "cut off",
        BAD / "latin1.txt": "not UTF-8",
        BAD / "cp1252.txt": "not UTF-8",
        f"{BAD / 'no_text.json'} record 1": "has no 'text'",
        binary_file: "binary file",
        huge_file: "over the 2 MB limit",
        "no/such/file.txt": "no such file or folder",
    }
    for source, problem in expected.items():
        mine = [line for line in lines if line.startswith(f"! {source}: ")]
        assert len(mine) == 1 and problem in mine[0], (source, lines)
    assert len(lines) == len(expected)
    assert "Ossel bursts its banks in Lenfield" in result.stdout  # the good file still makes its story
    assert "Saltby" in result.stdout  # and so do the readable records and non-UTF-8 files


def test_cli_exits_1_only_when_nothing_could_be_read(binary_file: Path):
    result = run_cli("who-won", "--from", str(BAD / "empty.txt"), str(binary_file), "missing.md", "--format", "json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    doc = json.loads(result.stdout)  # --format json still gets a document saying what went wrong
    assert doc["error"]["message"] == "No article could be read from the inputs." and doc["stories"] == []
    assert [p["problem"] for p in doc["problems"]] == [
        "file is empty",
        "looks like a binary file, not text",
        "no such file or folder",
    ]
    assert result.stderr.splitlines() == [
        f"! {BAD / 'empty.txt'}: file is empty",
        f"! {binary_file}: looks like a binary file, not text",
        "! missing.md: no such file or folder",
        "newsbrief: no article could be read from the inputs above.",
    ]


def test_cli_json_lists_the_problems_beside_the_stories():
    result = run_cli("brief", str(BAD / "empty.txt"), str(GOOD), "--format", "json")
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert doc["problems"] == [{"source": str(BAD / "empty.txt"), "problem": "file is empty"}]
    assert [s["outlets"] for s in doc["stories"]] == [["Lenfield Gazette"]]
