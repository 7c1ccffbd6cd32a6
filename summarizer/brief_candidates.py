"""Which sentences may enter the brief: parsed running text in the outlet's own voice, nothing else.

Decided by structure: the parser's role (body, not headline/teaser/caption/fragment), sentence
punctuation, how much of it is quoted speech, headline shape or text, caption shape (a present-tense
scene with a full date, or a line the page repeats), first-person opinion.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from summarizer.analysis.records import SentenceAnalysis
from summarizer.analysis.syntax import root
from summarizer.credits import normalise
from summarizer.models import Sentence

MIN_WORDS = 6
MAX_WORDS = 60
_TERMINAL = re.compile(r"[.!][”\"’)\]]*\s*$")
_OPENING_QUOTE = re.compile(r"^[“\"‘'«]")
_BULLET = re.compile(r"^[•·▪►*–—-]\s")
# "NAY PYI TAW/KUNMING - Text", "Baku, Azerbaijan—Text": a place line glued to the first sentence.
_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’ ]*(?:[,/][ ]?[A-Z][\w.'’ ]*){0,3})\s?(?:[—–−]|\s-)\s?(?=[A-Z0-9“\"])")
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTED_SHARE = 0.5


def strip_dateline(text: str) -> str:
    """The sentence without a dateline the page glued to it (all-capitals, or "Place, Country")."""
    match = _DATELINE.match(text)
    if not match:
        return text
    place = match.group("place").strip()
    if len(place.split()) > 6 or not (
        place.replace(" ", "").replace("/", "").isupper() or "," in place or "/" in place
    ):
        return text
    rest = text[match.end() :]
    return rest if len(rest.split()) >= MIN_WORDS else text


def _words(analysis: SentenceAnalysis) -> list[int]:
    return [i for i, t in enumerate(analysis.tokens) if t.pos not in ("PUNCT", "SPACE", "SYM")]


def mostly_quoted(analysis: SentenceAnalysis) -> bool:
    """At least half of the words are inside quotation marks: someone else's voice."""
    words = _words(analysis)
    return bool(words) and sum(analysis.tokens[i].in_quote for i in words) >= _QUOTED_SHARE * len(words)


def first_person(analysis: SentenceAnalysis) -> bool:
    """The outlet speaks as "we"/"I" outside quotes: opinion, not report."""
    return any(t.text.lower() in _FIRST_PERSON and t.pos == "PRON" and not t.in_quote for t in analysis.tokens)


def headline_case(analysis: SentenceAnalysis) -> bool:
    """A verb capitalised inside the sentence ("Eagles Destroy Chiefs, Win…"): a headline, not prose."""
    tokens = analysis.tokens
    for i in range(1, len(tokens)):
        t = tokens[i]
        if t.pos in ("VERB", "AUX") and t.text[:1].isupper() and not t.in_quote:
            if tokens[i - 1].text not in (":", "“", '"', "—", "–", "-", "(", "‘", "'"):
                return True
    return False


def _is_caption(analysis: SentenceAnalysis, repeated: bool) -> bool:
    """A photo caption: a scene in the present tense, dated in full or repeated by the page."""
    i = root(analysis)
    if i is None or analysis.tokens[i].tag not in ("VBZ", "VBP") or analysis.tokens[i].pos != "VERB":
        return False
    dated = any(e.label == "DATE" and _YEAR.search(e.text) for e in analysis.entities)
    return dated or repeated


def headline_keys(headlines: Iterable[str]) -> list[str]:
    return [key for key in (normalise(h) for h in headlines) if len(key.split()) >= 4]


def is_candidate(sentence: Sentence, headlines: Collection[str], repeated: bool = False) -> bool:
    """Whether ``sentence`` may be a brief sentence (``headlines`` from ``headline_keys``)."""
    analysis = sentence.analysis
    if analysis is None or not analysis.parsed or not analysis.is_body or not analysis.tokens:
        return False
    text = sentence.text.strip()
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS or not _TERMINAL.search(text):
        return False  # a question, a cut-off excerpt, a line without sentence punctuation
    if _OPENING_QUOTE.match(text) or _BULLET.match(text) or mostly_quoted(analysis) or first_person(analysis):
        return False
    if headline_case(analysis) or normalise(text) in headlines:
        return False
    return not _is_caption(analysis, repeated)
