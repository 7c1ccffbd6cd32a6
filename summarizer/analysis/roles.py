"""What a line of an article is, by its structure: running text, or a dateline, byline, caption, teaser…

These checks run before the parser (they are cheap) and after it (``role_after_parse``: a sentence with
no finite verb is a fragment). They look at shape, not at any one site's phrases: a bracketed aside, a short capitalised
lead-in ending in a colon, a line without sentence punctuation, a credit in parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.analysis.captions import is_caption_clause
from summarizer.analysis.records import BODY, FINITE_TAGS, Token

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


# "Section / Headline …" at the start of a line: a breadcrumb glued to the page's headline.
_BREADCRUMB = re.compile(r"^[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*)? / \S")
# A photo credit on its own: "(Jane Doe / Agency)", "Picture: Agency", "Photo: Jane Doe/Agency".
_CREDIT_LINE = re.compile(r"^\([^()]*/[^()]*\)$|^(?:photo|picture|image|credit)s?:\s*\S", re.I)


def is_credit_line(text: str) -> bool:
    """A line that only credits a picture."""
    stripped = text.strip()
    return len(stripped.split()) <= 8 and bool(_CREDIT_LINE.match(stripped))


# Words running text cannot do without and a headline or menu line mostly leaves out.
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "that", "and", "but", "is", "was", "are", "were", "has", "had", "have", "will",
     "would", "with", "for", "who", "which"}
)  # fmt: skip
_CUT_OFF_WORDS = 5


def cut_off_text(text: str) -> bool:
    """An article's last line that stops mid-sentence ("…Western emissions have increased dro"): running text
    (lower-case words, function words), not a headline or link, though it has no sentence punctuation."""
    words = text.split()
    if len(words) < _CUT_OFF_WORDS or _TERMINAL.search(text) or not text.lstrip("“\"‘'")[:1].isupper():
        return False
    if text.rstrip().endswith(":"):
        return False  # "Congratulations came from…:": it introduces an embedded post or list the page left out
    lower = {w.strip(",;:“”\"‘’'()").lower() for w in words[1:] if w[:1].islower()}
    return _capitalised_share(words) <= 0.5 and len(lower & _FUNCTION_WORDS) >= 2


def roles_in_context(texts: Sequence[str], roles: Sequence[str]) -> list[str]:
    """Roles a line's neighbours give it: the line just before a photo credit is that photo's caption (with
    an identical line just before it, the caption and its alt text); a line the page repeats with other
    running text between its copies is page furniture (a promotion or a sign-up blurb), every copy; the
    article's last line, cut off mid-sentence, is running text (``cut_off_text``; it never reaches the brief,
    which takes only finished sentences)."""
    found = list(roles)
    if texts and found[-1] == "navigation" and cut_off_text(texts[-1]):
        found[-1] = BODY
    for i, text in enumerate(texts):
        if i and is_credit_line(text):
            j = i - 1
            found[j] = "caption"
            if j and texts[j - 1].strip().lower() == texts[j].strip().lower():
                found[j - 1] = "caption"
    copies: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        copies.setdefault(text.strip().lower(), []).append(i)
    for where in copies.values():
        if len(where) > 1 and any(roles[k] == BODY for k in range(where[0] + 1, where[-1]) if k not in where):
            for k in where:
                found[k] = "teaser"
    return found


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
    if _BREADCRUMB.match(stripped):
        return "navigation"
    if " | " in stripped and not _TERMINAL.search(stripped):
        return "navigation"
    if not _TERMINAL.search(stripped):
        # No sentence punctuation: a headline, link text or menu line, unless it is long running text.
        if len(words) <= 16 or _capitalised_share(words) > 0.6:
            return "navigation"
    return BODY


# "That’s", "they’re": the small model does not always split a curly-quoted contraction into its verb.
_CONTRACTED_VERBS = frozenset({"'s", "’s", "'re", "’re", "'m", "’m", "'ve", "’ve", "'ll", "’ll", "'d", "’d"})
# Below this many words a subject plus a bare past participle reads as a caption or headline
# ("Two people hurt in crash."); above it, as running text whose past tense the tagger took for a participle.
_REDUCED_CLAUSE_WORDS = 12


def _contracted_verb(tokens: Sequence[Token], i: int) -> bool:
    """ "’s" after a pronoun ("that’s", "it’s") is "is" or "has", whatever tag the model gave it."""
    token = tokens[i]
    return token.text.lower() in _CONTRACTED_VERBS and i > 0 and tokens[i - 1].pos == "PRON" and token.tag != "POS"


def _verb_children(tokens: Sequence[Token], i: int) -> list[Token]:
    return [t for j, t in enumerate(tokens) if t.head == i and j != i]


def _past_read_as_participle(tokens: Sequence[Token]) -> bool:
    """ "BRIGHT lanterns glowed along the wall for the market.": the tagger calls "glowed" a participle
    hanging on the noun, so the parse has no verb. A long sentence whose root is that noun, with a bare
    participle (no auxiliary, no "by" agent) to its right and no other verb between, states a past event."""
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    if root is None or tokens[root].pos not in ("NOUN", "PROPN"):
        return False
    if sum(1 for t in tokens if t.pos != "PUNCT") < _REDUCED_CLAUSE_WORDS:
        return False
    for i in range(root + 1, len(tokens)):
        token = tokens[i]
        if token.pos in ("VERB", "AUX") and token.head != root:
            return False  # a verb inside the subject phrase ("the man who left"): not this shape
        if token.head == root and token.tag == "VBN" and token.dep in ("acl", "relcl"):
            return not any(c.dep in ("aux", "auxpass", "agent") for c in _verb_children(tokens, i))
    return False


# What follows a verb but not a noun: an object, a particle, an adverb or a clause.
_VERB_FOLLOWERS = frozenset({"dobj", "prt", "advmod", "advcl", "xcomp", "ccomp", "acomp", "agent"})


def _verb_read_as_noun(tokens: Sequence[Token]) -> bool:
    """ "The city council votes on the budget.", "Home sales slump as costs bite.": the tagger took the
    main verb for the last noun of its subject, so the parse hangs on a noun. It reads as a verb when it
    agrees as one with the noun just before it (a singular noun, then an -s form; a plural noun, then a
    bare form) and what follows is what a verb takes: an object, particle, adverb or clause, or, after a
    subject opened by a determiner ("The council votes on…"), a prepositional phrase. Noun phrases alone
    stay fragments: "Six sacks.", "The price of bread.", a caption's "Rescue workers in the town square."."""
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    if root is None or root == 0 or tokens[root].tag not in ("NN", "NNS"):
        return False
    verb, subject = tokens[root], tokens[root - 1]
    if subject.head != root or subject.dep not in ("compound", "nsubj") or subject.pos not in ("NOUN", "PROPN"):
        return False
    form = verb.text.lower()
    singular_then_s = (
        subject.tag in ("NN", "NNP") and verb.tag == "NNS" and form.endswith("s") and not form.endswith("ss")
    )
    plural_then_bare = subject.tag in ("NNS", "NNPS") and verb.tag == "NN"
    if not (singular_then_s or plural_then_bare):
        return False
    followers = {t.dep for j, t in enumerate(tokens) if j > root and t.head == root}
    opened = tokens[0].tag in ("DT", "PRP$") and tokens[0].head == root
    return bool(followers & _VERB_FOLLOWERS) or (opened and "prep" in followers)


def has_finite_clause(tokens: Sequence[Token]) -> bool:
    """A finite verb, or a verb with its own subject (the small tagger confuses VBD and VBN), a contracted
    verb ("that’s"), a past tense the tagger read as a participle (``_past_read_as_participle``), or a
    present tense it read as a noun (``_verb_read_as_noun``)."""
    for i, token in enumerate(tokens):
        if token.tag in FINITE_TAGS or _contracted_verb(tokens, i):
            return True
        if token.pos in ("VERB", "AUX") and token.tag not in ("VBG", "TO"):
            if any(t.head == i and j != i and t.dep in ("nsubj", "nsubjpass", "expl") for j, t in enumerate(tokens)):
                return True
    return _past_read_as_participle(tokens) or _verb_read_as_noun(tokens)


def role_after_parse(role: str, tokens: Sequence[Token]) -> str:
    """The role once the parse is known: running text without a finite clause is a fragment, and a
    present-tense scene with no report, quote or figure is a caption (``captions.is_caption_clause``)."""
    if role == BODY and not has_finite_clause(tokens):
        return "fragment"
    if role == BODY and is_caption_clause(tokens):
        return "caption"
    return role
