"""Reading the configuration file within bounds: a regular file of at most ``MAX_CONFIG_BYTES``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bot.config.errors import MISSING, ConfigError

# A real configuration is a few kilobytes; this leaves room for hundreds of sources and channels.
MAX_CONFIG_BYTES = 1_000_000


def read_config_bytes(path: Path | str) -> bytes:
    """The file's bytes, or a :class:`ConfigError` saying why it cannot be used.

    Only a regular file is read (``/dev/zero``, a FIFO or a folder would never end or block), and at
    most ``MAX_CONFIG_BYTES`` + 1 bytes, so memory stays bounded whatever the path points at.
    """
    where = str(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before we can refuse it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        fix = "create it (copy config/newsbrief.example.toml) or pass --config / set NEWSBRIEF_CONFIG"
        raise ConfigError.single(where, MISSING, "file not found", fix) from None
    except OSError as exc:
        raise ConfigError.single(
            where, MISSING, f"cannot read ({exc.strerror})", "check the path and permissions"
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            raise ConfigError.single(where, MISSING, f"is {kind}", "point --config at a .toml file")
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError.single(
            where, MISSING, f"cannot read ({exc.strerror})", "check the path and permissions"
        ) from None
    finally:
        os.close(fd)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError.single(
            where, MISSING, f"is larger than {MAX_CONFIG_BYTES:,} bytes", "point --config at the configuration file"
        )
    return data


def decode_config(data: bytes, path: Path | str) -> str:
    """The file's bytes as text, or a :class:`ConfigError` when they are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError.single(str(path), MISSING, "is not UTF-8 text", "save the file as UTF-8") from None
