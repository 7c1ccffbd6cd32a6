"""Words an evaluative lexicon scores strongly but news uses as standard, literal or technical terms.

Data only, each entry with the reason it is standard. The loaded-language detector leaves these
alone (or, with ``heads``, only when they modify one of those nouns). No entry names a person,
outlet, place or team.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardTerm:
    reason: str
    heads: frozenset[str] = frozenset()  # empty: standard wherever it occurs


def _term(reason: str, *heads: str) -> StandardTerm:
    return StandardTerm(reason, frozenset(heads))


_MAGNITUDE = "states the physical size or force of an event; standard in disaster, weather and conflict reports"
_RESULT = "results vocabulary of sports and contest reporting"
_OUTCOME = "states an outcome or a measured degree, not a judgement"

STANDARD_TERMS: dict[str, StandardTerm] = {
    # Magnitude of physical events.
    "deadly": _term(_MAGNITUDE),
    "devastating": _term(_MAGNITUDE),
    "destructive": _term(_MAGNITUDE),
    "catastrophic": _term(_MAGNITUDE),
    "powerful": _term(_MAGNITUDE),
    "strong": _term(_MAGNITUDE),
    "severe": _term(_MAGNITUDE),
    "violent": _term(_MAGNITUDE),
    "massive": _term(_MAGNITUDE),
    "heavy": _term(_MAGNITUDE),
    "huge": _term(_MAGNITUDE),
    "tragic": _term("the standard adjective for accidents and disasters with deaths"),
    # Contest results and margins.
    "landslide": _term("the name of a large winning margin", "victory", "win", "majority", "defeat", "election"),
    "overwhelming": _term("standard for a large majority, vote or odds"),
    "upset": _term("the term for an unexpected win"),
    "thrash": _term(_RESULT),
    "rout": _term(_RESULT),
    "crush": _term(_RESULT),
    "hammer": _term(_RESULT),
    "beat": _term(_RESULT),
    "defeat": _term(_RESULT),
    "win": _term(_RESULT),
    "victory": _term(_RESULT),
    "champion": _term(_RESULT),
    "bruising": _term("standard for a hard-fought contest", "campaign", "race", "contest", "debate", "match", "battle"),
    # Outcomes and degrees.
    "successful": _term(_OUTCOME),
    "significant": _term(_OUTCOME),
    "best": _term(_OUTCOME),
    "worst": _term("ranks a measured figure: the worst quarter, the worst quake in a century", "quarter", "year"),
    "good": _term(_OUTCOME),
    "great": _term(_OUTCOME),
    "free": _term("a legal or technical status (free trade, free election)"),
    "fair": _term("a legal or technical standard (free and fair elections, fair trial)"),
    "positive": _term("a test or growth result"),
    "negative": _term("a test or growth result"),
    "sweeping": _term("the scope of a measure (sweeping changes, tariffs)"),
    # Technical compounds ("tax regime", "sanctions regime") are handled by the detector's structure.
}

# Adverbs that only mark degree; vaderSentiment's booster list holds them too, but neutral copy uses
# them constantly ("more than", "most of", "very likely"), so they never mark exaggeration alone.
PLAIN_DEGREE = frozenset(
    {
        "more",
        "most",
        "so",
        "very",
        "quite",
        "really",
        "fully",
        "highly",
        "particularly",
        "especially",
        "considerably",
        "substantially",
        "greatly",
        "major",
        "total",
        "considerable",
        "completely",
        "entirely",
        "purely",
        "unusually",
        "enormous",
        "exceptional",
        "extreme",
        "incredible",
        "tremendous",
        "utter",
    }
)

# Verbs of physical harm and damage: literal when a news story reports them, whatever their valence.
LITERAL_HARM = frozenset(
    {
        "kill",
        "die",
        "injure",
        "wound",
        "destroy",
        "damage",
        "collapse",
        "attack",
        "strike",
        "bomb",
        "shell",
        "fire",
        "shoot",
        "arrest",
        "charge",
        "convict",
        "sentence",
        "fear",
        "threaten",
        "lose",
        "fail",
        "hurt",
        "crash",
        "fall",
        "drop",
        "cut",
        "miss",
        "suffer",
        "oppose",
        "reject",
        "protest",
        "criticise",
        "criticize",
        "warn",
        "worry",
        "concern",
        "condemn",
        "accuse",
        "deny",
    }
)

# Adverbs that state a measured degree of harm or change ("badly damaged", "seriously injured"):
# literal in any report, though the lexicons score their base adjectives as negative.
DEGREE_OF_HARM = frozenset(
    {"badly", "severely", "seriously", "critically", "gravely", "heavily", "sorely", "desperately", "sharply"}
)
