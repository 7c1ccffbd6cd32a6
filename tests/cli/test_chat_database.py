"""`newsbrief chat` answers from the configuration and database `newsbrief run` and `ingest` use, and says
plainly when it reads files instead."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import tomli_w

from bot.chat import chat_service
from bot.cli import build_parser, main
from tests.conftest import FIXTURES, ROOT
from tests.feeds.loopback import FeedServer


def _config(tmp_path: Path, feeds: FeedServer) -> Path:
    path = tmp_path / "newsbrief.toml"
    sources = [{"name": "harbor", "outlet": "Harbor Gazette", "feed": feeds.url("/harbor/feed.rss")}]
    bot = {"allow_private_sources": True, "database_url": f"sqlite:///{tmp_path / 'news.db'}"}
    path.write_text(tomli_w.dumps({"bot": bot, "sources": sources}), encoding="utf-8")
    return path


def _chat(config: Path, lines: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "chat", *extra],
        cwd=config.parent,
        input=lines,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(config.parent)},
    )


def test_chat_answers_from_the_database_ingest_filled(tmp_path: Path) -> None:
    with FeedServer() as feeds:
        feeds.serve_fixtures()
        config = _config(tmp_path, feeds)
        assert main(["--config", str(config), "ingest", "--quiet"]) == 0
    chat = _chat(config, "/sources\n/brief\n")
    assert chat.returncode == 0, chat.stderr
    assert "No stories are loaded yet" not in chat.stdout
    assert f"stories from the database sqlite:///{tmp_path / 'news.db'}" in chat.stderr
    assert "Harbor Gazette" in chat.stdout and "Outlets: Harbor Gazette" in chat.stdout


def test_chat_says_when_it_reads_files(tmp_path: Path) -> None:
    config = tmp_path / "newsbrief.toml"
    config.write_text(tomli_w.dumps({"bot": {"database_url": f"sqlite:///{tmp_path / 'none.db'}"}}), "utf-8")
    args = build_parser().parse_args(["--config", str(config), "chat"])
    err = io.StringIO()
    with ExitStack() as cleanup:
        service = chat_service(args, config, [str(FIXTURES / "articles" / "single")], err, cleanup)
    assert service is not None and service.source.stories()
    assert f"no database yet at sqlite:///{tmp_path / 'none.db'}" in err.getvalue()
    assert "chat: reading articles from files" in err.getvalue()
    assert not (tmp_path / "none.db").exists()  # looking did not create an empty database


def test_chat_from_files_reads_them_even_beside_a_database(tmp_path: Path) -> None:
    single = str(FIXTURES / "articles" / "single")
    args = build_parser().parse_args(["chat", "--from", single])
    err = io.StringIO()
    with ExitStack() as cleanup:
        service = chat_service(args, tmp_path / "absent.toml", ["seeds"], err, cleanup)
    assert service is not None
    assert err.getvalue() == f"chat: reading articles from files ({single}), not from a database\n"
