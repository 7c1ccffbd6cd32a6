"""Word lists: loaded terms tagged with SemEval-2023 Task 3 persuasion techniques, and frame cues.

Techniques and frames use the task's own names. The lists are hand-written for news about
politics, elections, crime and disasters; extend them here, not in the code that uses them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

NAME_CALLING = "Name_Calling-Labeling"
LOADED = "Loaded_Language"
EXAGGERATION = "Exaggeration-Minimisation"
FEAR = "Appeal_to_Fear-Prejudice"
GUILT = "Guilt_by_Association"
FLAG = "Flag_Waving"
DOUBT = "Doubt"
REPUTATION = "Questioning_the_Reputation"
POPULARITY = "Appeal_to_Popularity"

# (pattern, technique, case_sensitive). Patterns are regex fragments matched on word boundaries.
LOADED_TERMS: list[tuple[str, str, bool]] = [
    (r"extremists?", NAME_CALLING, False),
    (r"devotees?", NAME_CALLING, False),
    (r"fascists?", NAME_CALLING, False),
    (r"lunatics?", NAME_CALLING, False),
    (r"ultra-[A-Za-z]+", NAME_CALLING, False),
    (r"hard-?liners?", NAME_CALLING, False),
    (r"radicals?", NAME_CALLING, False),
    (r"thugs?", NAME_CALLING, False),
    (r"zealots?", NAME_CALLING, False),
    (r"demagogues?", NAME_CALLING, False),
    (r"cronies", NAME_CALLING, False),
    (r"puppets?", NAME_CALLING, False),
    (r"regime", NAME_CALLING, False),
    (r"globalists?", NAME_CALLING, False),
    (r"leftists?", NAME_CALLING, False),
    (r"woke(?:ness)?", LOADED, False),
    (r"gushing", LOADED, False),
    (r"overjoyed", LOADED, False),
    (r"ilk", GUILT, False),
    (r"devoted followers? of", GUILT, False),
    (r"Nazi(?:s| Party)?", GUILT, True),
    (r"dirty secrets?", REPUTATION, False),
    (r"notorious(?:ly)?", REPUTATION, False),
    (r"infamous", REPUTATION, False),
    (r"disgraced", REPUTATION, False),
    (r"destroyed", LOADED, False),
    (r"slam(?:s|med)?", LOADED, False),
    (r"blast(?:s|ed)", LOADED, False),
    (r"shocking", LOADED, False),
    (r"outrageous", LOADED, False),
    (r"disastrous", LOADED, False),
    (r"catastrophic", LOADED, False),
    (r"vile", LOADED, False),
    (r"sinister", LOADED, False),
    (r"controversial", LOADED, False),
    (r"heroic", LOADED, False),
    (r"triumph(?:ant|s)?", EXAGGERATION, False),
    (r"landslide", EXAGGERATION, False),
    (r"crushing", EXAGGERATION, False),
    (r"abandons? socialism", EXAGGERATION, False),
    (r"barely", EXAGGERATION, False),
    (r"unprecedented", EXAGGERATION, False),
    (r"paralyzed by fear|paralysed by fear", FEAR, False),
    (r"frightening", FEAR, False),
    (r"roam the streets", FEAR, False),
    (r"invasion", FEAR, False),
    (r"flood(?:s|ed)? of (?:migrants|immigrants)", FEAR, False),
    (r"honest (?:Chileans|citizens|Americans|people|taxpayers|workers|families)", FLAG, False),
    (r"war on \w+", LOADED, False),
    (r"spending spree", LOADED, False),
    (r"bruising", LOADED, False),
    (r"patriot(?:s|ic)?", FLAG, False),
    (r"for the good of", FLAG, False),
    (r"so-called", DOUBT, False),
    (r"dubious", DOUBT, False),
    (r"questionable", DOUBT, False),
    (r"broad mandate", POPULARITY, False),
    # Slang for paying or taking money: the register tells the reader the payer is being fleeced.
    (r"cough(?:s|ed|ing)? up(?! blood)", LOADED, False),
    (r"stump(?:s|ed|ing)? up", LOADED, False),
    (r"fork(?:s|ed|ing)? out", LOADED, False),
    (r"shell(?:s|ed|ing)? out", LOADED, False),
    (r"pon(?:y|ies|ied|ying) up", LOADED, False),
    (r"pick(?:s|ed|ing)? (?:our|your|their|his|her|the taxpayers?'?s?'?) pockets", LOADED, False),
    # Size words that colour a figure instead of stating it.
    (r"whopping", EXAGGERATION, False),
    (r"measly", EXAGGERATION, False),
    (r"paltry", EXAGGERATION, False),
    (r"piddling", EXAGGERATION, False),
    (r"eye-watering", EXAGGERATION, False),
    (r"jaw-dropping", EXAGGERATION, False),
    (r"mind-boggling", EXAGGERATION, False),
    (r"rock-bottom", EXAGGERATION, False),
    (r"yawning(?=\s+(?:[\w-]+\s+)?(?:gap|lead|deficit|chasm|divide|margin|hole)s?\b)", EXAGGERATION, False),
    # Compound modifiers that brand a person or group by a stain or an attack ("scandal-tainted",
    # "migrant-bashing"); plain ones such as "storm-hit" or "injury-plagued" are not listed.
    (r"[A-Za-z]+-(?:scarred|tainted|bashing|baiting|mongering)", NAME_CALLING, False),
]


def _literal(pattern: str) -> str:
    """A lower-case string every match of ``pattern`` contains, for a fast substring pre-check."""
    if "|" in pattern and "(" not in pattern:
        return os.path.commonprefix([_literal(alternative) for alternative in pattern.split("|")])
    literal = re.match(r"[\w\s'’-]*", pattern)
    text = literal.group(0) if literal else ""
    if pattern[len(text) : len(text) + 1] in ("?", "*"):
        text = text[:-1]  # the last character is optional
    return text.lower()


_COMPILED = [
    (_literal(pattern), re.compile(rf"(?<![\w-]){pattern}(?![\w-])", 0 if case else re.IGNORECASE), technique)
    for pattern, technique, case in LOADED_TERMS
]


def find_loaded(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, term, technique) for each loaded term in ``text``, in order, no overlaps."""
    return list(_find_loaded(text))


@lru_cache(maxsize=65536)
def _find_loaded(text: str) -> tuple[tuple[int, int, str, str], ...]:
    lowered = text.lower()
    hits: list[tuple[int, int, str, str]] = []
    for literal, regex, technique in _COMPILED:
        if literal not in lowered:
            continue
        for m in regex.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _, _ in hits):
                hits.append((m.start(), m.end(), m.group(0), technique))
    return tuple(sorted(hits))


# The 14 frames of SemEval-2023 Task 3, subtask 2, each with cues: regex fragments matched at the start
# of a word in lower-cased text (so "econom" matches "economy"; "wars?" does not match "wards").
FRAMES: dict[str, tuple[str, ...]] = {
    "Economic": (
        "econom",
        r"tax(?:es|ed|payers?)?\b",
        "budget",
        "trade",
        "commerc",
        "prosper",
        "market",
        r"jobs?\b",
        "wage",
        "inflation",
        "business",
        r"invest(?:ment|ors?|ing|ed)?\b",
        "growth",
        r"prices?\b",
        "central bank",
        "banking",
        "financ",
        "shrinking the state",
        "compan",
        "profit",
        "unprofitab",
        "redundan",
        "factor",
        "employ",
        "industr",
        "energy bills",
        "insurer",
        r"costs?\b",
        r"euros?\b",
        r"dollars?\b",
        "spending",
        r"fares?\b",
        "shopkeeper",
        "shop owners",
        "customers",
    ),
    "Capacity_and_resources": (
        "resource",
        "capacity",
        "shortage",
        "infrastructure",
        r"fund(?:s|ing|ed)?\b",
        r"supply\b",
        "equipment",
        "staff",
    ),
    "Morality": ("moral", "abortion", "religio", "catholic", "church", r"gods?\b", "ethic", "homosexual", r"sin\b"),
    "Fairness_and_equality": ("equal", "inequal", "discriminat", r"fair\b", "fairness", "unfair", "minorit", "gender"),
    "Legality_Constitutionality_and_jurisprudence": (
        r"laws?\b",
        "legal",
        "constitution",
        r"courts?\b",
        "judge",
        "legislat",
        "ruling",
        "lawsuit",
    ),
    "Policy_prescription_and_evaluation": (
        "policy",
        "policies",
        r"plans?\b",
        "planned",
        "propos",
        "agenda",
        "pledg",
        "promis",
        "reform",
        "program",
        "measure",
        "intends",
        "will build",
        "negotiat",
        "campaigned on",
        "ran on",
    ),
    "Crime_and_punishment": (
        "crime",
        "criminal",
        "prison",
        "imprison",
        "murder",
        "cartel",
        r"drugs?\b",
        "traffick",
        "police",
        "sentences",
        "torture",
        "assassinat",
        r"gangs?\b",
        "arrest",
        "jail",
    ),
    "Security_and_defense": (
        "security",
        "border",
        "military",
        "defen",
        "terror",
        "threat",
        r"army\b",
        "deport",
        "weapon",
        r"wars?\b",
    ),
    "Health_and_safety": (
        "health",
        "hospital",
        "disease",
        "safety",
        "pandemic",
        "injur",
        "evacuat",
        r"flood",
        r"fire\b",
        "fire crews",
        "casualt",
        r"dead\b",
        r"died\b",
        "deaths?",
        "rescue",
        "hypothermia",
        "trapped",
        "drinking water",
        "boil",
    ),
    "Quality_of_life": (
        "fear",
        r"homes?\b",
        "living",
        "famil",
        "daily life",
        r"hope\b",
        "housing",
        "wellbeing",
        "residents",
        "rest centre",
        "tenant",
    ),
    "Cultural_identity": (
        "descend",
        "culture",
        "cultural",
        "identity",
        "heritage",
        "tradition",
        "ethnic",
        "woke",
        "nazi",
        "language",
        "immigra",
        "century of",
    ),
    "Public_opinion": (
        r"polls?\b",
        "voters",
        "opinion",
        "survey",
        "frustrat",
        "popular",
        "mandate",
        "protest",
        "social media",
        "democracy has spoken",
        "critics",
        "welcomed",
    ),
    "Political": (
        "election",
        r"votes?\b",
        "president",
        r"party\b",
        "coalition",
        "campaign",
        "candidate",
        "minister",
        "government",
        "congress",
        "politic",
        "socialism",
        "communis",
        "right-wing",
        "left-wing",
        "runoff",
        "conceded",
        "victory",
        "leader",
        "parliament",
        "senat",
        "dictator",
        "mayor",
        r"council\b",
        "councillor",
        "turnout",
        "sworn in",
        "took office",
        "take office",
        "takes office",
    ),
    "External_regulation_and_reputation": (
        "u.s.",
        "secretary of state",
        "washington",
        "international",
        "foreign",
        "brics",
        "hemisphere",
        "partnership",
        "diplomat",
        "south america",
        "latin america",
        r"ally\b",
        "allies",
        "united nations",
        "sanction",
        "abroad",
        "relationship",
        "reputation",
    ),
}

# Broad frames lose ties so the share shows what an outlet *adds* to a political story.
FRAME_TIEBREAK = {"Political": 2, "Policy_prescription_and_evaluation": 1}

_FRAME_CUES = {frame: re.compile(r"(?<![\w-])(?:" + "|".join(cues) + ")") for frame, cues in FRAMES.items()}
# Any frame's cue: most sentences use none, and one search tells so instead of one per frame.
_ANY_CUE = re.compile(r"(?<![\w-])(?:" + "|".join(cue for cues in FRAMES.values() for cue in cues) + ")")
_US = re.compile(r"\bUS\b")


def sentence_frame(sentence: str) -> str | None:
    """The frame whose cues a sentence uses most; None when it uses none."""
    lowered = _US.sub("U.S.", sentence).lower()
    if not _ANY_CUE.search(lowered):
        return None
    best: tuple[int, int, str] | None = None
    for frame, cues in _FRAME_CUES.items():
        hits = len(cues.findall(lowered))
        if hits:
            key = (hits, -FRAME_TIEBREAK.get(frame, 0), frame)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None
