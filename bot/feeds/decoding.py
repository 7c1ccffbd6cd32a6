"""Content-Encoding decoding that stops at the size cap, so a small compressed body cannot become a huge one.

httpx decodes each received chunk whole (and every layer of ``gzip, gzip`` in turn) before the
caller can count the bytes: 2 KB on the wire could become gigabytes in memory. Here the raw bytes
go through one ``zlib`` decompressor asked for at most the room left under the cap at a time.
"""

from __future__ import annotations

import zlib

from bot.feeds.errors import FetchError

# wbits for zlib.decompressobj: gzip framing, or zlib framing for "deflate" (raw deflate is chosen
# when the first two bytes are not a zlib header, as some servers send it).
_GZIP = 16 + zlib.MAX_WBITS
_ZLIB = zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS
SUPPORTED = {"gzip": _GZIP, "x-gzip": _GZIP, "deflate": _ZLIB}
ACCEPT_ENCODING = "gzip, deflate"


def content_codings(header: str | None) -> list[str]:
    """The codings a ``Content-Encoding`` header lists, in the order they were applied (identity left out)."""
    codings = [c.strip().lower() for c in (header or "").split(",")]
    return [c for c in codings if c and c != "identity"]


def too_large(cap: int, what: str = "") -> FetchError:
    return FetchError(f"larger than the {cap // 1_048_576} MB limit{what}")


class CappedBody:
    """Collects a response body from its raw chunks, decoded, refusing it once it passes ``cap`` bytes."""

    def __init__(self, content_encoding: str | None, cap: int) -> None:
        codings = content_codings(content_encoding)
        if len(codings) > 1:
            # No server sends two layers for a real reason; a bomb does (each layer multiplies ~1000×).
            raise FetchError(
                f"refused: {len(codings)} content-encoding layers ({', '.join(codings)}); at most 1 is read"
            )
        if codings and codings[0] not in SUPPORTED:
            raise FetchError(f"refused: unsupported content-encoding {codings[0]!r} (we ask for {ACCEPT_ENCODING})")
        self.cap = cap
        self.coding = codings[0] if codings else None
        self._decoder: zlib._Decompress | None = None
        self._head = b""  # the first bytes of a deflate body, until its framing can be told
        self._raw = 0
        self._body = bytearray()

    def feed(self, raw: bytes) -> None:
        """Add the next raw chunk; raises :class:`FetchError` past the cap or on a corrupt stream."""
        self._raw += len(raw)
        if self._raw > self.cap:
            raise too_large(self.cap)
        if self.coding is None:
            self._body += raw
            return
        if self._decoder is None:
            self._head += raw
            if self.coding == "deflate" and len(self._head) < 2:
                return
            raw, self._head = self._head, b""
            self._decoder = zlib.decompressobj(self._wbits(raw))
        self._decode(self._decoder, raw)

    def _wbits(self, head: bytes) -> int:
        if self.coding != "deflate":
            return SUPPORTED[self.coding or "gzip"]
        is_zlib = head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return _ZLIB if is_zlib else _RAW_DEFLATE

    def _decode(self, decoder: zlib._Decompress, data: bytes) -> None:
        while data and not decoder.eof:
            try:
                # Never more than one byte past the cap, however much the input would expand to.
                self._body += decoder.decompress(data, self.cap + 1 - len(self._body))
            except zlib.error:
                raise FetchError(f"the {self.coding} body is corrupt") from None
            if len(self._body) > self.cap:
                raise too_large(self.cap, " once decompressed")
            data = decoder.unconsumed_tail

    def finish(self) -> bytes:
        """The whole decoded body (a short deflate body still held back is decoded now)."""
        if self._head:
            raw, self._head = self._head, b""
            self._decoder = zlib.decompressobj(_RAW_DEFLATE)
            self._decode(self._decoder, raw)
        if self._decoder is not None and not self._decoder.eof:
            try:
                self._body += self._decoder.flush()
            except zlib.error:
                raise FetchError(f"the {self.coding} body is corrupt") from None
            if len(self._body) > self.cap:
                raise too_large(self.cap, " once decompressed")
        return bytes(self._body)
