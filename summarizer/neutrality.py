"""Make a sentence neutral or reject it: cut the loaded words the outlet says itself, keep the facts.

What counts: the framing note's loaded terms (``loaded``) and the brief's own, more sensitive
judgements (``evaluative``): a false alarm here costs a clause, not an accusation.
With the parser's records (a ``Sentence`` whose analysis is parsed, or a ``SentenceAnalysis``) the
cut follows the parse: a clause, apposition or aside set off by a comma that holds the term goes
whole ("the council passed the levy, meant to end years of grim neglect" → "the council passed the
levy"); a loaded modifier goes ("the racist party won" → "the party won"), a label before a name goes with its article ("the ultra-sectarian Doe" → "Doe"), a loaded apposition or
non-restrictive relative clause goes with its commas; a loaded word anywhere else carries the
clause, and the sentence is rejected. Quoted speech is the speaker's and stays. An unparsed sentence
is unverified and rejected. Plain text (no records) falls back to the hand-written list.
"""

from __future__ import annotations

import re

from summarizer.analysis.records import SentenceAnalysis
from summarizer.evaluative import judgements, quoted_judgements
from summarizer.lexicon import find_loaded
from summarizer.loaded import LoadedHit, loaded_hits
from summarizer.models import Sentence

_CLAUSE_SPLIT = re.compile(r",\s+")
_DETERMINER_BEFORE = re.compile(r"(?:^|\b(the|an?|another)\s+)$", re.I)
_NOUN_THEN_NAME = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?=[A-ZÀ-Ý])")
_ENDS_WITH_NAME = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",\s*,")
MIN_WORDS = 6
_MODIFIER_DEPS = frozenset({"amod", "compound", "advmod", "nmod", "npadvmod", "nummod"})
_NAME_PREMOD_DEPS = _MODIFIER_DEPS | {"det"}
# Clauses and phrases that add to the main clause without being needed by it: cut whole when set off by commas.
_ASIDE_DEPS = frozenset({"acl", "advcl", "relcl", "appos"})
_ASIDE_MARKS = frozenset({",", "—", "–"})

Text = str | Sentence | SentenceAnalysis


def _records(sentence: Text) -> SentenceAnalysis | None:
    if isinstance(sentence, SentenceAnalysis):
        return sentence
    if isinstance(sentence, Sentence) and sentence.analysis is not None:
        return sentence.analysis
    return None


def _text(sentence: Text) -> str:
    return sentence if isinstance(sentence, str) else sentence.text


def is_loaded(sentence: Text) -> bool:
    """The outlet itself uses a loaded term here (read from the parse when records are available)."""
    records = _records(sentence)
    if records is not None and records.parsed:
        return bool(brief_hits(records))
    return bool(find_loaded(_text(sentence)))


def brief_hits(s: SentenceAnalysis) -> list[LoadedHit]:
    """What the brief keeps out, in order: the framing note's loaded terms and the brief's own, more
    sensitive judgements (``evaluative``), overlapping spans merged into the first."""
    merged: list[LoadedHit] = []
    for hit in sorted([*loaded_hits(s), *judgements(s)], key=lambda h: (h.start, -h.end)):
        if merged and hit.start < merged[-1].end:
            continue
        merged.append(hit)
    return merged


def _inside_quote(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def loaded_outside_quotes(text: str) -> list[tuple[int, int, str, str]]:
    """Hand-listed loaded terms in the outlet's own voice, for plain text without records."""
    return [hit for hit in find_loaded(text) if not _inside_quote(text, hit[0])]


# --- cutting on the parse ---------------------------------------------------------------------------


def _tokens_of(s: SentenceAnalysis, hit: LoadedHit) -> list[int]:
    return [i for i, t in enumerate(s.tokens) if hit.start <= t.idx < hit.end]


def _with_commas(s: SentenceAnalysis, span: list[int]) -> set[int]:
    """A parenthetical span and the comma before it (and the one after, when the sentence goes on)."""
    cut = set(span)
    before, after = min(span) - 1, max(span) + 1
    if before >= 0 and s.tokens[before].text in (",", "—", "–"):
        cut.add(before)
        if after < len(s.tokens) and s.tokens[after].text in (",", "—", "–"):
            cut.add(after)
    return cut


def _quoted_hits(s: SentenceAnalysis) -> list[LoadedHit]:
    return [h for h in loaded_hits(s, own_voice=False) if h.in_quote] + quoted_judgements(s)


def _aside(s: SentenceAnalysis, top: int) -> set[int] | None:
    """The outermost clause or apposition around ``top`` that is set off by a comma or dash, with its marks.

    "The council passed the levy, meant to end years of grim neglect." → the clause after the comma goes.
    """
    found: set[int] | None = None
    for node in [top, *_ancestors(s, top)]:
        if s.tokens[node].dep not in _ASIDE_DEPS or s.tokens[node].head == node:
            continue
        span = s.subtree(node)
        opening = min(span) - 1
        if opening >= 0 and s.tokens[opening].text in _ASIDE_MARKS:
            found = _with_commas(s, _to_closing_dash(s, opening, span))
    return found


def _to_closing_dash(s: SentenceAnalysis, opening: int, span: list[int]) -> list[int]:
    """An aside opened by a dash ends at the next dash, whatever the parse hung on it after that."""
    if s.tokens[opening].text not in ("—", "–"):
        return span
    last = min(max(span) + 1, len(s.tokens) - 1)
    closing = next((i for i in range(opening + 1, last + 1) if s.tokens[i].text == s.tokens[opening].text), None)
    return span if closing is None else list(range(opening + 1, closing))


def _predicate_nominal(s: SentenceAnalysis, i: int) -> bool:
    """The noun is what a subject is said to be or is called ("is a fake", "called X a fake", "cast as a fake")."""
    while s.tokens[i].dep == "conj" and s.tokens[i].head != i:
        i = s.tokens[i].head  # "a fake X and a lunatic Y": as the first of the list
    token = s.tokens[i]
    if token.dep == "appos":  # "branded Doe a fake X" (no comma): the parse's name for an object complement
        start = min(s.subtree(i))
        return start > 0 and s.tokens[start - 1].text not in (",", "—", "–", "(")
    if token.dep == "dobj":  # "branded Doe a fake X": the second object is what Doe is called
        return any(s.tokens[j].dep in ("dobj", "dative") and j < i for j in s.children(token.head))
    return token.dep in ("attr", "oprd") or (token.dep == "pobj" and s.tokens[token.head].text.lower() == "as")


def _cut_for(s: SentenceAnalysis, hit: LoadedHit) -> set[int] | None:
    """Token indices that remove ``hit`` and leave a grammatical sentence, or None when none do."""
    tokens = _tokens_of(s, hit)
    if not tokens:
        return None
    top = min(tokens, key=lambda i: len(_ancestors(s, i)))  # the hit's highest token
    aside = _aside(s, top)
    if aside is not None:
        return aside
    node = top
    while s.tokens[node].dep in _MODIFIER_DEPS and s.tokens[node].head != node:
        node = s.tokens[node].head
    if node != top and _predicate_nominal(s, node):
        return None  # "they branded her a fake reformer": without the modifier the claim turns over
    if node != top and s.tokens[node].pos == "PROPN":
        # A label before a name: drop the whole run of modifiers with its article, keep the name.
        first = node
        while first > 0 and s.tokens[first - 1].pos == "PROPN" and s.tokens[first - 1].ent == s.tokens[node].ent:
            first -= 1
        run = [
            j
            for c in s.children(node)
            if c < first and s.tokens[c].dep in _NAME_PREMOD_DEPS
            for j in s.subtree(c)
            if j < first and s.tokens[j].text.lower() not in ("a", "an")  # "a fake Liberal" → "a Liberal"
        ]
        return set(run) if run else None
    if node != top and s.tokens[top].pos == "ADV" and s.tokens[node].pos in ("VERB", "AUX"):
        return None  # a verb may need its manner: "did brilliantly" without it is no sentence
    if node != top:
        # A modifier of a common noun: drop it and its own intensifiers, keep the noun.
        return set(s.subtree(top))
    for ancestor in [top, *_ancestors(s, top)]:
        token = s.tokens[ancestor]
        if token.dep == "appos":
            return _with_commas(s, s.subtree(ancestor))
        if token.dep == "relcl":
            span = s.subtree(ancestor)
            if min(span) > 0 and s.tokens[min(span) - 1].text == ",":
                return _with_commas(s, span)
            return None
    return None


def _ancestors(s: SentenceAnalysis, i: int) -> list[int]:
    found: list[int] = []
    while s.tokens[i].head != i and len(found) < len(s.tokens):
        i = s.tokens[i].head
        found.append(i)
    return found


def _join(s: SentenceAnalysis, keep: list[int]) -> str:
    pieces: list[str] = []
    for i, after in zip(keep, keep[1:] + [-1], strict=True):
        token = s.tokens[i]
        end = token.idx + len(token.text)
        gap = s.text[end : s.tokens[after].idx] if after >= 0 else ""
        pieces.append(token.text + (" " if any(c.isspace() for c in gap) else ""))
    text = "".join(pieces)
    text = _DOUBLE_COMMA.sub(",", _SPACE_BEFORE_PUNCT.sub(r"\1", re.sub(r"\s{2,}", " ", text)))
    return _fix_articles(text.strip(" ,"))


def _fix_articles(text: str) -> str:
    """ "a angry crowd" after a cut → "an angry crowd", and back."""
    text = re.sub(r"\b([Aa]) (?=[aeiouAEIOU])", r"\1n ", text)
    return re.sub(r"\b([Aa])n (?=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])", r"\1 ", text)


def _prune_records(s: SentenceAnalysis) -> str | None:
    if not s.parsed:
        return None
    hits = brief_hits(s)
    cut: set[int] = set()
    for hit in hits:
        found = _cut_for(s, hit)
        if found is None:
            return None
        cut |= found
    for hit in _quoted_hits(s):
        # A quote is the speaker's: kept when it is the sentence's news, dropped when tucked into an aside.
        tokens = _tokens_of(s, hit)
        aside = _aside(s, min(tokens, key=lambda i: len(_ancestors(s, i)))) if tokens else None
        if aside is not None:
            cut |= aside
    if not cut:
        return s.text
    if any(s.tokens[j].dep == "mark" and j not in cut for i in _roots(s) if i not in cut for j in s.children(i)):
        return None  # what is left hangs on "after…"/"because…": not a sentence on its own
    keep = [i for i in range(len(s.tokens)) if i not in cut]
    result = _join(s, keep)
    result = result[:1].upper() + result[1:]
    if len(result.split()) < MIN_WORDS:
        return None
    return _balanced(result)


def _roots(s: SentenceAnalysis) -> list[int]:
    return [i for i, t in enumerate(s.tokens) if t.dep == "ROOT"]


def _balanced(text: str) -> str | None:
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return None
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."


# --- plain text ------------------------------------------------------------------------------------


def drop_loaded_premodifiers(text: str) -> str:
    """Cut a hand-listed loaded label standing before a name: "the ultra-Catholic Kast" → "Kast"."""
    for start, end, _, _ in reversed(find_loaded(text)):
        det = _DETERMINER_BEFORE.search(text[:start])
        after = _NOUN_THEN_NAME.match(text, end)
        if det is None or after is None or _inside_quote(text, start):
            continue
        keep_det = (det.group(1) or "").lower() == "another"
        cut_from = start if keep_det else det.start()
        text = text[:cut_from] + text[after.end() :]
    return text[:1].upper() + text[1:]


def _prune_text(sentence: str) -> str | None:
    if not find_loaded(sentence):
        return sentence
    text = drop_loaded_premodifiers(sentence)
    clauses = _CLAUSE_SPLIT.split(text.rstrip(" ."))
    kept: list[str] = []
    joiner_after_cut = False
    for i, clause in enumerate(clauses):
        if find_loaded(clause) and i > 0:
            appositive = bool(_ENDS_WITH_NAME.search(kept[-1])) if kept else False
            if not (appositive or i == len(clauses) - 1):
                return None
            joiner_after_cut = True
            continue
        if find_loaded(clause):
            return None
        if kept and joiner_after_cut:
            kept[-1] = f"{kept[-1]} {clause}"
        else:
            kept.append(clause)
        joiner_after_cut = False
    result = ", ".join(kept).strip()
    if not result or find_loaded(result) or len(result.split()) < MIN_WORDS:
        return None
    if result.count("“") != result.count("”") or result.count('"') % 2:
        return None
    return result + "."


def prune(sentence: Text) -> str | None:
    """The sentence with the outlet's loaded words cut, or None when no neutral sentence remains.

    Pass the ``Sentence`` (or its ``SentenceAnalysis``) to cut on the parse; a sentence whose
    analysis is unparsed is unverified and gives None. A plain string uses the hand-written list:
    "Kast, right-wing extremist and follower of X, won the runoff, garnering 58%." becomes
    "Kast won the runoff, garnering 58%."
    """
    records = _records(sentence)
    if records is not None:
        return _prune_records(records)
    return _prune_text(_text(sentence))
