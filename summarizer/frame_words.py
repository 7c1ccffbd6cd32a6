"""SemEval-2023 Task 3 frames and techniques as a reader says them ("crime and punishment"), not as task ids."""

from __future__ import annotations

FRAME_WORDS = {
    "Economic": "the economy",
    "Capacity_and_resources": "capacity and resources",
    "Morality": "morality",
    "Fairness_and_equality": "fairness and equality",
    "Legality_Constitutionality_and_jurisprudence": "law and the constitution",
    "Policy_prescription_and_evaluation": "policy proposals",
    "Crime_and_punishment": "crime and punishment",
    "Security_and_defense": "security and defence",
    "Health_and_safety": "health and safety",
    "Quality_of_life": "quality of life",
    "Cultural_identity": "cultural identity",
    "Public_opinion": "public opinion",
    "Political": "politics",
    "External_regulation_and_reputation": "foreign relations and reputation",
}


def frame_words(frame: str) -> str:
    """``frame`` as words: the reader's phrase for a task id, any other id with its underscores as spaces."""
    return FRAME_WORDS.get(frame) or " ".join(frame.replace("_", " ").split()).lower()


def emphasis_order(share: float, words: str) -> tuple[float, str]:
    """Where a frame stands in every view of an outlet's emphasis (the note, the picture's alt text): larger
    ``share`` first, ties in the alphabetical order of the ``words`` the reader sees."""
    return (-share, words)


def technique_words(technique: str) -> str:
    """A persuasion technique id as words: "Name_Calling-Labeling" → "name calling / labeling"."""
    return " / ".join(" ".join(part.replace("_", " ").split()).lower() for part in technique.split("-"))
