"""Plain data the core takes in and gives out; ``to_dict`` is the stable JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from summarizer.analysis.records import SentenceAnalysis


@dataclass(frozen=True)
class Article:
    """One outlet's article, already cleaned."""

    id: str
    outlet: str
    title: str
    text: str
    url: str | None = None
    published: str | None = None
    bias: str | None = None
    outlet_known: bool = True
    source: str | None = None
    # True when no headline was given and ``title`` was made from the URL's last segment.
    title_guessed: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with its position for ordering."""

    text: str
    outlet: str
    article_id: str
    index: int
    # The parser's records for this sentence (None when it was not parsed); see summarizer.analysis.
    analysis: SentenceAnalysis | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Credit:
    """An outlet credited on a brief sentence, with its own sentence that states the same fact."""

    outlet: str
    quote: str


@dataclass(frozen=True)
class BriefSentence:
    """A sentence of the neutral brief; ``sources`` lists the outlets that report it.

    ``credits`` holds the receipt for each of ``sources``, in the same order: the outlet's own sentence
    with every number, name and the claim of ``text`` (the first is the sentence it was taken from).
    """

    text: str
    sources: list[str]
    extracted_from: str
    credits: list[Credit] = field(default_factory=list)


@dataclass(frozen=True)
class Brief:
    sentences: list[BriefSentence]
    algorithm: str
    words: int


@dataclass(frozen=True)
class FigureReport:
    """One outlet's figure for a quantity, as written."""

    outlet: str
    text: str
    value: float
    qualifier: str | None
    decimals: int
    quote: str


@dataclass(frozen=True)
class Figure:
    """A quantity reported by one or more outlets, reconciled."""

    quantity: str
    subject: str | None
    preferred: FigureReport
    reports: list[FigureReport]
    agree: bool
    note: str


@dataclass(frozen=True)
class ActorLabel:
    actor: str
    label: str
    quote: str


@dataclass(frozen=True)
class LoadedTerm:
    term: str
    technique: str
    quote: str
    in_quote: bool


@dataclass(frozen=True)
class FrameShare:
    frame: str
    share: float
    sentences: int
    quote: str


@dataclass(frozen=True)
class OutletFraming:
    outlet: str
    labels: list[ActorLabel]
    loaded_language: list[LoadedTerm]
    frames: list[FrameShare]
    only_here: list[str]
    figures_differ: list[str]
    contrast: str


@dataclass(frozen=True)
class FramingNote:
    comparable: bool
    message: str | None
    contrast: str
    outlets: list[OutletFraming]


@dataclass(frozen=True)
class Candidate:
    name: str
    vote_share: Figure | None
    party: str | None = None  # when outlets ranked the party: the party the candidate leads


@dataclass(frozen=True)
class ElectionResult:
    winner: Candidate
    runners_up: list[Candidate]
    office: str | None
    place: str | None
    date: str | None
    sources: list[str]
    disagreements: list[str]
    evidence: list[str]


@dataclass(frozen=True)
class ArticleRef:
    id: str
    outlet: str
    title: str
    url: str | None
    published: str | None
    outlet_known: bool


@dataclass(frozen=True)
class Story:
    """A group of articles about one event, with everything prepared at ingest."""

    id: str
    title: str
    outlets: list[str]
    articles: list[ArticleRef]
    brief: Brief
    framing: FramingNote
    figures: list[Figure]
    election: ElectionResult | None
    keywords: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, and why."""

    source: str
    problem: str


@dataclass(frozen=True)
class LoadResult:
    articles: list[Article]
    problems: list[Problem]
