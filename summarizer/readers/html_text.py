"""Plain text from an HTML fragment (a feed item's content or summary)."""

from __future__ import annotations

import html
import re


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements becoming paragraph breaks."""
    fragment = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    fragment = re.sub(r"(?i)</?(p|div|br|h[1-6]|li|blockquote|section|article)\b[^>]*>", "\n\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))
