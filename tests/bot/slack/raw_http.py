"""Raw sockets to the Slack endpoint, for requests no HTTP client would send (and ones it sends slowly)."""

from __future__ import annotations

import re
import socket
import time

STATUS = re.compile(rb"HTTP/1\.[01] (\d{3}) ")


def connect(url: str) -> socket.socket:
    """An open TCP connection to the host and port of ``url`` (http://127.0.0.1:PORT/...)."""
    host, port = url.split("/")[2].split(":")
    return socket.create_connection((host, int(port)), timeout=5)


def head(url: str, headers: dict[str, str]) -> bytes:
    """The request line and headers of a POST to ``url``'s path, ending with the blank line."""
    path = "/" + url.split("/", 3)[3]
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_until_closed(sock: socket.socket, timeout: float = 5.0) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection, and the seconds that took.

    Raises ``TimeoutError`` if the server keeps the connection open longer than ``timeout``.
    """
    start = time.monotonic()
    sock.settimeout(timeout)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except ConnectionResetError:  # closed with bytes of ours unread: a reset, after the answer if any
        pass
    return data, time.monotonic() - start


def status(response: bytes) -> int | None:
    """The status code of a raw HTTP response, or None when the server answered nothing."""
    match = STATUS.match(response)
    return int(match.group(1)) if match else None
