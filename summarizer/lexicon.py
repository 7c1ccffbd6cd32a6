"""Word lists: loaded terms tagged with SemEval-2023 Task 3 persuasion techniques, and frame cues.

Techniques and frames use the task's own names. The lists are hand-written for news about
politics, elections, crime and disasters; extend them here, not in the code that uses them.
"""

from __future__ import annotations

import re

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
    (r"far-(?:right|left)", NAME_CALLING, False),
    (r"hard-?liners?", NAME_CALLING, False),
    (r"radicals?", NAME_CALLING, False),
    (r"thugs?", NAME_CALLING, False),
    (r"zealots?", NAME_CALLING, False),
    (r"demagogues?", NAME_CALLING, False),
    (r"cronies", NAME_CALLING, False),
    (r"puppets?", NAME_CALLING, False),
    (r"regime", NAME_CALLING, False),
    (r"communists?", NAME_CALLING, True),
    (r"socialists?", NAME_CALLING, True),
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
    (r"honest (?:Chileans|citizens|Americans|people)", FLAG, False),
    (r"patriot(?:s|ic)?", FLAG, False),
    (r"for the good of", FLAG, False),
    (r"so-called", DOUBT, False),
    (r"dubious", DOUBT, False),
    (r"questionable", DOUBT, False),
    (r"broad mandate", POPULARITY, False),
]

_COMPILED = [
    (re.compile(rf"(?<![\w-]){pattern}(?![\w-])", 0 if case else re.IGNORECASE), technique)
    for pattern, technique, case in LOADED_TERMS
]


def find_loaded(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, term, technique) for each loaded term in ``text``, in order, no overlaps."""
    hits: list[tuple[int, int, str, str]] = []
    for regex, technique in _COMPILED:
        for m in regex.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _, _ in hits):
                hits.append((m.start(), m.end(), m.group(0), technique))
    return sorted(hits)


# The 14 frames of SemEval-2023 Task 3, subtask 2, each with cue-word stems (lower case prefixes).
FRAMES: dict[str, tuple[str, ...]] = {
    "Economic": ("econom", "tax", "budget", "trade", "commerc", "prosper", "market", "job", "wage",
                 "inflation", "business", "invest", "growth", "price", "bank", "financ", "shrinking the state"),
    "Capacity_and_resources": ("resource", "capacity", "shortage", "infrastructure", "fund", "supply", "equipment"),
    "Morality": ("moral", "abortion", "religio", "catholic", "church", "god", "ethic", "homosexual", "sin "),
    "Fairness_and_equality": ("equal", "inequal", "discriminat", "fair", "minorit", "gender"),
    "Legality_Constitutionality_and_jurisprudence": ("law", "legal", "constitution", "court", "judge",
                                                     "legislat", "ruling", "lawsuit"),
    "Policy_prescription_and_evaluation": ("policy", "policies", "plan", "propos", "agenda", "pledg", "promis",
                                           "reform", "program", "measure", "intends", "will build", "negotiat"),
    "Crime_and_punishment": ("crime", "criminal", "prison", "imprison", "murder", "cartel", "drug", "traffick",
                             "police", "sentence", "torture", "assassinat", "gang", "arrest", "jail"),
    "Security_and_defense": ("security", "border", "military", "defen", "terror", "threat", "army", "deport",
                             "weapon", "war"),
    "Health_and_safety": ("health", "hospital", "disease", "safety", "pandemic", "injur", "evacuat", "flood",
                          "fire", "casualt", "dead", "died"),
    "Quality_of_life": ("fear", "homes", "living", "famil", "daily life", "hope", "housing", "wellbeing"),
    "Cultural_identity": ("descend", "culture", "cultural", "identity", "heritage", "tradition", "ethnic",
                          "woke", "nazi", "language", "immigra"),
    "Public_opinion": ("poll", "voters", "opinion", "survey", "frustrat", "popular", "mandate", "protest",
                       "social media", "democracy has spoken"),
    "Political": ("election", "vote", "president", "party", "coalition", "campaign", "candidate", "minister",
                  "government", "congress", "politic", "socialism", "communis", "right-wing", "left-wing",
                  "runoff", "conceded", "victory", "leader", "parliament", "senat", "dictator"),
    "External_regulation_and_reputation": ("u.s.", "us ", "secretary of state", "washington", "international",
                                           "foreign", "brics", "hemisphere", "partnership", "diplomat",
                                           "south america", "latin america", "ally", "allies", "united nations",
                                           "sanction", "abroad", "relationship"),
}

# Broad frames lose ties so the share shows what an outlet *adds* to a political story.
FRAME_TIEBREAK = {"Political": 2, "Policy_prescription_and_evaluation": 1}


def sentence_frame(sentence: str) -> str | None:
    """The frame whose cues a sentence uses most; None when it uses none."""
    lowered = f" {sentence.lower()} "
    best: tuple[int, int, str] | None = None
    for frame, cues in FRAMES.items():
        hits = sum(lowered.count(cue) for cue in cues)
        if hits:
            key = (hits, -FRAME_TIEBREAK.get(frame, 0), frame)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None
