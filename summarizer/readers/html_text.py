"""Plain text from an HTML fragment (a feed item's content or summary), parsed by lxml, never by regexes.

What a browser would not show is left out (script, style, comments, processing instructions); block
elements and ``<br>`` end a paragraph; entities are decoded once (``&amp;lt;`` stays ``&lt;``);
inline tags add no space (``Wa<b>r</b>saw`` is one word). A CDATA section, which an HTML parser
reads as a comment, keeps its text: a feed that wraps a phrase in one means it as text.
"""

from __future__ import annotations

BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table td th tr ul".split()
)
HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
_BREAK = "\n\n"


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs apart by a blank line, white space within them collapsed."""
    if not fragment.strip():
        return ""
    from lxml import etree
    from lxml import html as lxml_html

    # huge_tree: text nested deeper than libxml2's default limit (256) is kept, not silently dropped.
    parser = lxml_html.HTMLParser(huge_tree=True)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):  # e.g. a string declaring its own encoding
        root = lxml_html.fragment_fromstring(fragment.encode("utf-8"), create_parent="div", parser=parser)
    parts: list[str] = []
    hidden = 0  # how many hidden elements the walk is inside
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event in ("comment", "pi"):
            parts += [] if hidden else [_cdata_text(event, element.text or ""), element.tail or ""]
        elif tag in HIDDEN:
            hidden += 1 if event == "start" else -1
            parts += [element.tail or ""] if event == "end" and not hidden else []
        elif not hidden:
            parts += [_BREAK if tag in BLOCKS else "", (element.text if event == "start" else element.tail) or ""]
    paragraphs = (" ".join(p.split()) for p in "".join(parts).split(_BREAK))
    return _BREAK.join(p for p in paragraphs if p)


def _cdata_text(event: str, text: str) -> str:
    return text[7:-2] if event == "comment" and text.startswith("[CDATA[") and text.endswith("]]") else ""
