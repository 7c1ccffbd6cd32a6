"""Plain records of what the parser found: the brief, framing and who-won read these, never spaCy."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")

# What a sentence is in its article. Only "body" sentences reach the brief, framing note and figures.
BODY = "body"
HEADLINE = "headline"
# Not running text: a dateline or byline alone, a caption or photo credit, a teaser or related link,
# navigation, or a fragment without a finite verb.
NOT_BODY = ("dateline", "byline", "caption", "teaser", "navigation", "fragment")

FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


class Token(NamedTuple):
    """One token: its text, offset in the sentence, tags, head (index in the sentence) and entity type.

    A named tuple, not a dataclass: an article has hundreds, made at ingest and carried between processes,
    and a tuple is made and unpickled in half the time."""

    text: str
    idx: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = ""  # entity type ("PERSON", "PERCENT", …) or ""
    in_quote: bool = False  # inside quotation marks: reported speech, not the outlet's own voice

    def to_list(self) -> list[Any]:
        return [self.text, self.idx, self.lemma, self.pos, self.tag, self.dep, self.head, self.ent, int(self.in_quote)]

    @classmethod
    def from_list(cls, row: list[Any]) -> Token:
        text, idx, lemma, pos, tag, dep, head, ent, quoted = row
        return cls(text, int(idx), lemma, pos, tag, dep, int(head), ent, bool(quoted))


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: token span [start, end) in its sentence, its label and text."""

    start: int
    end: int
    label: str
    text: str

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.label, self.text]

    def __reduce__(self) -> tuple[type[Entity], tuple[Any, ...]]:
        return Entity, (self.start, self.end, self.label, self.text)

    @classmethod
    def from_list(cls, row: list[Any]) -> Entity:
        start, end, label, text = row
        return cls(int(start), int(end), label, text)


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """One sentence of an article (or its headline), with its role and, when parsed, its tokens."""

    text: str
    index: int  # position among the article's sentences (-1 for the headline)
    role: str = BODY
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    parsed: bool = False
    # Each token's children, built on first use: the parse is read many times per sentence.
    _children: tuple[tuple[int, ...], ...] | None = field(default=None, init=False, repr=False, compare=False)
    # What readers computed from this sentence (``remember``): a story asks the same things several times.
    _memo: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __reduce__(self) -> tuple[Callable[..., SentenceAnalysis], tuple[Any, ...]]:
        # Pickled without what was built or remembered on use (a worker process builds its own), and its
        # tokens as columns, one tuple per field: a fifth less to write and read than a tuple per token.
        columns = tuple(zip(*self.tokens, strict=True))
        return _unpickled, (self.text, self.index, self.role, columns, self.entities, self.parsed)

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per sentence and ``key`` (the reader's name and arguments)."""
        memo = self._memo
        if memo is None:
            memo = {}
            object.__setattr__(self, "_memo", memo)
        try:
            found: T = memo[key]
        except KeyError:
            found = memo[key] = compute()
        return found

    @property
    def is_body(self) -> bool:
        return self.role == BODY

    @property
    def has_finite_verb(self) -> bool:
        return any(t.tag in FINITE_TAGS for t in self.tokens)

    def children(self, i: int) -> Iterator[int]:
        """Indices of the tokens whose head is token ``i``."""
        found = self._children
        if found is None:
            lists: list[list[int]] = [[] for _ in self.tokens]
            for j, t in enumerate(self.tokens):
                if t.head != j and 0 <= t.head < len(lists):
                    lists[t.head].append(j)
            found = tuple(tuple(kids) for kids in lists)
            object.__setattr__(self, "_children", found)
        return iter(found[i])

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and every token below it, in sentence order."""
        found = {i}
        frontier = [i]
        while frontier:
            node = frontier.pop()
            for child in self.children(node):
                if child not in found:
                    found.add(child)
                    frontier.append(child)
        return sorted(found)

    def span_text(self, start: int, end: int) -> str:
        """The sentence text covering tokens [start, end)."""
        if start >= end:
            return ""
        first, last = self.tokens[start], self.tokens[end - 1]
        return self.text[first.idx : last.idx + len(last.text)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "index": self.index,
            "role": self.role,
            "parsed": self.parsed,
            "tokens": [t.to_list() for t in self.tokens],
            "entities": [e.to_list() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceAnalysis:
        return cls(
            text=data["text"],
            index=int(data["index"]),
            role=data["role"],
            parsed=bool(data["parsed"]),
            tokens=tuple(Token.from_list(r) for r in data["tokens"]),
            entities=tuple(Entity.from_list(r) for r in data["entities"]),
        )


_token = partial(tuple.__new__, Token)  # a Token from a row of its fields, without a Python-level call


def _unpickled(
    text: str, index: int, role: str, columns: tuple[tuple[Any, ...], ...], entities: tuple[Entity, ...], parsed: bool
) -> SentenceAnalysis:
    return SentenceAnalysis(text, index, role, tuple(map(_token, zip(*columns, strict=True))), entities, parsed)


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the parser found in one article; ``key`` changes when the text or the analyser does."""

    article_id: str
    key: str
    headline: SentenceAnalysis | None
    sentences: tuple[SentenceAnalysis, ...] = field(default_factory=tuple)

    @property
    def body(self) -> list[SentenceAnalysis]:
        return [s for s in self.sentences if s.is_body]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "key": self.key,
            "headline": self.headline.to_dict() if self.headline else None,
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleAnalysis:
        headline = data.get("headline")
        return cls(
            article_id=data["article_id"],
            key=data["key"],
            headline=SentenceAnalysis.from_dict(headline) if headline else None,
            sentences=tuple(SentenceAnalysis.from_dict(s) for s in data["sentences"]),
        )
