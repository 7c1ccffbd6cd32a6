"""`newsbrief run` logs quietly by default: no line per HTTP request or scheduler job unless DEBUG."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logs import CHATTY, configure_logging


@pytest.fixture(autouse=True)
def _restore_levels() -> Iterator[None]:
    before = {name: logging.getLogger(name).level for name in CHATTY}
    yield
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


def test_libraries_log_warnings_only_by_default() -> None:
    assert configure_logging({}, io.StringIO()) == "INFO"
    for name in CHATTY:
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
        assert logging.getLogger(name).isEnabledFor(logging.WARNING), name
    assert not logging.getLogger("apscheduler.executors.default").isEnabledFor(logging.INFO)


def test_debug_shows_them_again() -> None:
    assert configure_logging({"NEWSBRIEF_LOG_LEVEL": "debug"}, io.StringIO()) == "DEBUG"
    for name in CHATTY:
        assert logging.getLogger(name).isEnabledFor(logging.DEBUG), name


def test_a_bad_level_is_named_and_info_used() -> None:
    err = io.StringIO()
    assert configure_logging({"NEWSBRIEF_LOG_LEVEL": "loud"}, err) == "INFO"
    assert "NEWSBRIEF_LOG_LEVEL='LOUD' is not a log level; using INFO" in err.getvalue()
