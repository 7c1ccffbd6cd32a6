"""What a line of an article is, by its structure: running text, or a dateline, byline, caption, teaser…

These checks run before the parser (they are cheap) and after it (a sentence with no finite verb is a
fragment). They look at shape, not at any one site's phrases: a bracketed aside, a short capitalised
lead-in ending in a colon, a line without sentence punctuation, a credit in parentheses.
"""

from __future__ import annotations

import re

from summarizer.analysis.records import BODY

# "PARIS (AP) —", "WASHINGTON, June 22 (Reuters) -", "KYIV:", "Warsaw, Poland —", "LONDON —"
_DATELINE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Za-z.'’-]+|[A-Z]{2,})(?:[ ,]+(?:[A-Z][A-Za-z.'’-]+|[A-Z]{2,}|\d{1,2}))*)"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?P<sep>[—–-]{1,2}|:)\s+(?=\S)"
)
# "(Agency) -" or "(Agency) —" at the very start, with no place.
_AGENCY_ONLY = re.compile(r"^\([A-Za-z .&]{2,40}\)\s*[—–-]{1,2}\s+(?=\S)")
_TERMINAL = re.compile(r"[.!?…][”\"’)\]]*\s*$")
# A short lead-in ending in a colon: "READ MORE:", "Also read:", "WATCH:", "Related:".
_LEAD_IN = re.compile(r"^(?P<lead>[A-Za-z][A-Za-z ]{0,24}):\s*(?P<rest>.*)$")
_BYLINE = re.compile(
    r"^(?:by|reporting by|writing by|editing by|written by|compiled by|additional reporting by)\s+[A-Z]", re.I
)
# Words that name a picture or its credit; they mark captions only together with the shape checks below.
_MEDIA_WORDS = re.compile(r"\b(?:photo|photograph|image|picture|pic|credit|caption|file photo|video)s?\b", re.I)
_CREDIT_TAIL = re.compile(r"\((?:[^()]*/[^()]*|[^()]*\b(?:photo|image|credit)\b[^()]*)\)\s*$", re.I)


def strip_dateline(text: str) -> tuple[str, str | None]:
    """Remove a leading dateline ("PARIS (AP) —"); return the text and the dateline removed."""
    match = _AGENCY_ONLY.match(text)
    if match:
        return text[match.end() :], match.group(0).strip()
    match = _DATELINE.match(text)
    if not match:
        return text, None
    place = match.group("place")
    words = place.replace(",", " ").split()
    # A dateline's place is one to four words; an all-caps place, an agency or a dash marks it.
    upper = place.replace(",", "").replace(" ", "").isupper()
    if len(words) > 5 or not (upper or match.group("agency") or match.group("sep") != ":"):
        return text, None
    if match.group("sep") == ":" and not upper:
        return text, None
    rest = text[match.end() :]
    if len(rest.split()) < 4:
        return text, None
    return rest, match.group(0).strip()


def _capitalised_share(words: list[str]) -> float:
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return 1.0
    return sum(1 for w in letters if w[:1].isupper()) / len(letters)


def role_before_parse(text: str) -> str:
    """The role a line's shape gives it; "body" means it may be running text (the parser decides)."""
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return "navigation"
    if stripped[0] in "([" and stripped[-1] in ")]" and len(words) < 40:
        return "teaser"  # a bracketed aside: "(Also: …)", "[Photo: …]"
    lead = _LEAD_IN.match(stripped)
    if lead and len(lead.group("lead").split()) <= 3:
        rest = lead.group("rest")
        if lead.group("lead").isupper() or not _TERMINAL.search(rest) or _capitalised_share(rest.split()) > 0.6:
            return "teaser"
    if _BYLINE.match(stripped) and len(words) <= 12:
        return "byline"
    if _CREDIT_TAIL.search(stripped) or (_MEDIA_WORDS.search(stripped) and len(words) <= 8):
        return "caption"
    if " | " in stripped and not _TERMINAL.search(stripped):
        return "navigation"
    if not _TERMINAL.search(stripped):
        # No sentence punctuation: a headline, link text or menu line, unless it is long running text.
        if len(words) <= 16 or _capitalised_share(words) > 0.6:
            return "navigation"
    return BODY
