"""Analyse articles once, at ingest: split, give each sentence its role, parse what later steps need.

Only sentences that may be running text are parsed, and of those the article's first ``LEAD_SENTENCES``
plus any later sentence with a figure, up to ``WORD_BUDGET`` words an article: the brief, the figures,
who-won and the labels read those, and news puts its facts first. A second round parses later sentences
that name a person or party the lead named, or state who leads what (who-won's leaders), up to
``FOLLOW_UP_WORDS`` more. Results are plain records (``records``) that callers store with the article,
so a rebuild or a question never parses again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from summarizer.analysis.known_names import Names, known_names, name_entities, new_names
from summarizer.analysis.model import DATA_FOLDER, load_pipeline
from summarizer.analysis.records import BODY, HEADLINE, ArticleAnalysis, Entity, SentenceAnalysis, Token
from summarizer.analysis.roles import role_after_parse, role_before_parse, roles_in_context, strip_dateline
from summarizer.analysis.tag_rules import TagRules
from summarizer.models import Article
from summarizer.sentences import split_sentences
from summarizer.workers import batch_work, share_work, worker_processes

ANALYSER_VERSION = "7"
LEAD_SENTENCES = 10
# Of those, the first FULL_SENTENCES (and any with a figure) are parsed with the entity recogniser.
FULL_SENTENCES = 5
WORD_BUDGET = 300
# A backlog of this many new articles is shared between processes (``summarizer.workers``): a worker's start-up
# (about 1.5 s) pays off only on a few seconds of work.
PARALLEL_ARTICLES = 200
_DIGIT = re.compile(r"\d")
_parsed = [0]  # texts parsed by this process (see parsed_count)
_OPEN = {"“": "”", "«": "»", "„": "“"}
_SPACE = re.compile(r"\s+")
_LEADING_DASH = re.compile(r"^[—–-]{1,2}\s+")
# The follow-up round (``_follow_up``): entities whose later mentions are parsed, and role words of a leader.
FOLLOW_UP_WORDS = 100
INTEREST_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_LEADER = re.compile(r"\b(?:leader|co-leader|chairman|chairwoman|chair|head|candidate|frontrunner)s?\b", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_OPENERS = frozenset({"The", "A", "An"})
# What a parsed token's record keeps, read from the document's arrays in one call.
_RECORDED = ["ORTH", "IDX", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE"]
_WRAP = 1 << 64


def analysis_key(article: Article) -> str:
    """Changes when the article's text or title, or the analyser, changes."""
    digest = hashlib.blake2b(digest_size=10)
    for part in (ANALYSER_VERSION, DATA_FOLDER, article.title, article.text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly, guillemets, or paired straight quotes)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _OPEN.get(ch) or ('"' if ch == '"' else None)
        if close is None and ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            close = "’"
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < len(text):
            if text[j] == close and (close != "’" or j + 1 == len(text) or not text[j + 1].isalnum()):
                break
            j += 1
        if j >= len(text):
            if close in '”»"':
                spans.append((i, len(text)))  # an unclosed quote runs to the end of the sentence
            break
        spans.append((i, j + 1))
        i = j + 1
    return spans


def _records(doc: Any, text: str, known: dict[int, str]) -> tuple[tuple[Token, ...], tuple[Entity, ...]]:
    """The parse as records; ``known`` holds the batch's strings by their hash in the model's string store,
    so that records share one string object per value (and pickling writes each once)."""
    spans = quoted_spans(text)
    strings = doc.vocab.strings

    def shared(key: int) -> str:
        found = known.get(key)
        if found is None:
            found = known[key] = strings[key]
        return found

    tokens = []
    for i, (orth, idx, lemma, pos, tag, dep, head, ent) in enumerate(doc.to_array(_RECORDED).tolist()):
        head = i + (head - _WRAP if head >= _WRAP // 2 else head)  # stored as an unsigned offset
        quoted = bool(spans) and any(a < idx < b - 1 for a, b in spans)
        tokens.append(
            Token(shared(orth), idx, shared(lemma), shared(pos), shared(tag), shared(dep), head, shared(ent), quoted)
        )
    entities = tuple(Entity(e.start, e.end, e.label_, e.text) for e in doc.ents)
    return tuple(tokens), entities


@dataclass
class _Plan:
    """One article's sentences with their roles before parsing, and which of them to parse (-1: headline)."""

    article: Article
    key: str
    headline: SentenceAnalysis | None
    sentences: list[SentenceAnalysis]
    wanted: set[int] = field(default_factory=set)  # parsed with the entity recogniser
    light: set[int] = field(default_factory=set)  # parsed without it (names from ``known_names``)
    parsed: dict[int, SentenceAnalysis] = field(default_factory=dict)

    def text(self, i: int) -> str:
        return self.headline.text if i == -1 and self.headline else self.sentences[i].text

    def record(self, i: int, found: tuple[tuple[Token, ...], tuple[Entity, ...]], names: Names | None = None) -> None:
        base = self.headline if i == -1 and self.headline else self.sentences[i]
        tokens, entities = found if names is None else name_entities(found[0], names)
        role = role_after_parse(base.role, tokens)
        self.parsed[i] = SentenceAnalysis(base.text, base.index, role, tokens, entities, True)

    def analysis(self) -> ArticleAnalysis:
        return ArticleAnalysis(
            article_id=self.article.id,
            key=self.key,
            headline=self.parsed.get(-1, self.headline),
            sentences=tuple(self.parsed.get(s.index, s) for s in self.sentences),
        )


def _plan(article: Article, key: str) -> _Plan:
    """Split the article, give each sentence its role, and choose the lead sentences to parse first."""
    headline = SentenceAnalysis(_SPACE.sub(" ", article.title).strip(), -1, HEADLINE) if article.title.strip() else None
    sentences: list[SentenceAnalysis] = []
    seen: set[str] = set()
    for paragraph in article.paragraphs:
        paragraph, _ = strip_dateline(_SPACE.sub(" ", paragraph).strip())
        for raw in split_sentences(paragraph):
            text = _LEADING_DASH.sub("", raw).strip()
            role = role_before_parse(text)
            if text.lower() in seen or (headline and text == headline.text):
                role = "teaser"  # a repeated lead or the headline again
            seen.add(text.lower())
            sentences.append(SentenceAnalysis(text, len(sentences), role))
    in_context = roles_in_context([s.text for s in sentences], [s.role for s in sentences])
    sentences = [SentenceAnalysis(s.text, s.index, role) for s, role in zip(sentences, in_context, strict=True)]
    plan = _Plan(article, key, headline, sentences, {-1} if headline else set())
    words = 0
    body_seen = 0
    for s in sentences:
        if s.role != BODY:
            continue
        body_seen += 1
        if body_seen > LEAD_SENTENCES and not _DIGIT.search(s.text):
            continue
        n = len(s.text.split())
        if words + n > WORD_BUDGET and body_seen > 3:
            continue
        words += n
        full = body_seen <= FULL_SENTENCES or _DIGIT.search(s.text)
        (plan.wanted if full else plan.light).add(s.index)
    return plan


def _follow_up(plan: _Plan) -> tuple[list[int], list[int]]:
    """Later sentences who-won reads, chosen after the lead is parsed: those naming a person or party of the
    headline or lead (a runner-up's leader may be stated late), and those stating someone's role as a
    leader, with the two sentences before them (what "its leader" refers to), up to ``FOLLOW_UP_WORDS``.
    Those stating a leader are parsed in full (a leader's name may be new); the rest without the entity
    recogniser, since what made them worth reading is a name already known."""
    names: set[str] = set()
    for s in plan.parsed.values():
        for e in s.entities:
            if e.label in INTEREST_LABELS:
                parts = [w for w in _POSSESSIVE.sub("", e.text).split() if w[:1].isupper() and w not in _OPENERS]
                names.update(parts[-1:] if e.label == "PERSON" else parts)
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names))) + r")\b") if names else None
    full: list[int] = []
    light: list[int] = []
    words = 0
    for s in plan.sentences:
        if s.role != BODY or s.index in plan.wanted:
            continue
        lead_in: list[int] = []
        leader = bool(_LEADER.search(s.text))
        if leader:
            lead_in = [k for k in (s.index - 2, s.index - 1) if k >= 0 and k not in plan.wanted]
        elif s.index in plan.light or pattern is None or not pattern.search(s.text):
            continue
        picked = [k for k in (*lead_in, s.index) if plan.sentences[k].role == BODY and k not in full and k not in light]
        n = sum(len(plan.sentences[k].text.split()) for k in picked if k not in plan.light)
        if words + n > FOLLOW_UP_WORDS:
            break
        words += n
        (full if leader else light).extend(picked)
    return full, light


def analyse_articles(
    articles: Iterable[Article], known: Mapping[str, ArticleAnalysis] | None = None
) -> dict[str, ArticleAnalysis]:
    """Analysis of each article by id; those in ``known`` with a current key are reused, not parsed.

    Two rounds: every article's headline and lead first, then the later sentences that name what the
    lead named (``_follow_up``). A backlog of ``PARALLEL_ARTICLES`` or more is shared between processes.
    """
    known = known or {}
    result: dict[str, ArticleAnalysis] = {}
    fresh: list[tuple[Article, str]] = []
    for article in articles:
        key = analysis_key(article)
        old = known.get(article.id)
        if old is not None and old.key == key:
            result[article.id] = old
        else:
            fresh.append((article, key))
    processes = worker_processes()
    if not fresh:
        return result
    if len(fresh) < PARALLEL_ARTICLES or processes < 2:
        with batch_work():
            result.update(analyse_fresh(fresh)[0])
        return result
    before = _parsed[0]
    chunks = share_work(fresh, analyse_fresh, processes)
    for analyses, _ in chunks:
        result.update(analyses)
    _parsed[0] = before + sum(parsed for _, parsed in chunks)
    return result


def analyse_fresh(work: list[tuple[Article, str]]) -> tuple[dict[str, ArticleAnalysis], int]:
    """Analyse articles (with their keys) in this process: their analyses, and how many texts were parsed.

    Passes: headlines and leads in full; the follow-up (``_follow_up``) of each; the sentences chosen
    for a light parse that name someone the full passes did not, in full; then the rest without the
    entity recogniser, named from what the full passes found (``known_names``)."""
    before = _parsed[0]
    plans = [_plan(article, key) for article, key in work]
    _parse_into([(plan, sorted(plan.wanted)) for plan in plans])
    follow = [(plan, *_follow_up(plan)) for plan in plans]
    _parse_into([(plan, full) for plan, full, _ in follow])
    naming: list[tuple[_Plan, list[int]]] = []  # chosen for a light parse, but naming someone new
    for plan, full, light in follow:
        plan.light.difference_update(full)
        plan.light.update(light)
        names = known_names(e for s in plan.parsed.values() for e in s.entities)
        naming.append((plan, sorted(i for i in plan.light if new_names(plan.text(i), names))))
        plan.light.difference_update(naming[-1][1])
    _parse_into(naming)
    _parse_into([(plan, sorted(plan.light)) for plan in plans], light=True)
    return {plan.article.id: plan.analysis() for plan in plans}, _parsed[0] - before


def _parse_into(work: list[tuple[_Plan, list[int]]], light: bool = False) -> None:
    """Parse the chosen sentences, each distinct text once (wire copy and repeated leads recur); a light
    parse runs without the entity recogniser and names from the article's fully parsed sentences."""
    texts = list(dict.fromkeys(plan.text(i) for plan, indices in work for i in indices))
    known: dict[int, str] = {}
    records = {text: _records(doc, text, known) for text, doc in zip(texts, _parse(texts, light), strict=True)}
    for plan, indices in work:
        names = known_names(e for s in plan.parsed.values() for e in s.entities) if light and indices else None
        for i in indices:
            plan.record(i, records[plan.text(i)], names)


def parsed_count() -> int:
    """How many distinct texts (sentences, headlines) this process has parsed: a rebuild from stored
    analyses adds none, which tests and benchmarks check."""
    return _parsed[0]


def _parse(texts: list[str], light: bool = False) -> Iterable[Any]:
    if not texts:
        return []
    _parsed[0] += len(texts)
    nlp = load_pipeline()
    # The model's attribute rules and lemmatizer by lookup (``tag_rules``); the entity recogniser has its own
    # embedding layer and reads neither.
    skipped = ["attribute_ruler", "lemmatizer", *(["ner"] if light else [])]
    rules = _tag_rules()
    return (rules(doc) for doc in nlp.pipe(texts, batch_size=256, disable=skipped))


@lru_cache(maxsize=1)
def _tag_rules() -> TagRules:
    nlp = load_pipeline()
    return TagRules(nlp.get_pipe("attribute_ruler").patterns, nlp.get_pipe("lemmatizer"))
