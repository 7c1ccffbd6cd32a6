"""``newsbrief framing --picture out.png``: the coverage picture on the command line."""

from __future__ import annotations

from bot.cli import main
from tests.bot.render.test_coverage_picture import png_size
from tests.conftest import FIXTURES, SEEDS

CONFIG = """
[[sources]]
name = "samnytt"
outlet = "Samnytt"
feed = "https://samnytt.example/feed/"

[[sources]]
name = "harbor"
outlet = "Harbor Gazette"
feed = "https://harbor.example/feed/"
"""


def test_framing_writes_the_picture_and_names_the_configured_outlet_that_did_not_cover_it(tmp_path, capsys):
    config = tmp_path / "newsbrief.toml"
    config.write_text(CONFIG, "utf-8")
    out = tmp_path / "coverage.png"
    assert main(["--config", str(config), "framing", "kast", "--from", str(SEEDS), "--picture", str(out)]) == 0
    assert png_size(out.read_bytes()) == (800, 450)
    captured = capsys.readouterr()
    assert "How each outlet framed it" in captured.out  # the note is printed as before
    assert "Did not cover it: Harbor Gazette." in captured.err and f"to {out}" in captured.err


def test_no_picture_for_a_single_outlet_story(tmp_path, capsys):
    out = tmp_path / "coverage.png"
    assert main(["framing", "--from", str(FIXTURES / "articles" / "single"), "--picture", str(out)]) == 0
    assert not out.exists()
    assert "no picture: only one outlet reports" in capsys.readouterr().err


def test_an_unwritable_target_is_one_line_and_status_1(tmp_path, capsys):
    target = tmp_path / "missing" / "coverage.png"
    assert main(["framing", "--from", str(SEEDS), "--picture", str(target)]) == 1
    assert "cannot write the picture to" in capsys.readouterr().err
