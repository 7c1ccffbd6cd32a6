"""The labels an outlet attaches to a person: words just before the name, or an appositive after it."""

from __future__ import annotations

import re

from summarizer.names import name_runs, same_person, surname

_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "another",
    "that",
    "this",
    "these",
    "those",
    "for",
    "of",
    "with",
    "over",
    "to",
    "by",
    "from",
    "and",
    "or",
    "but",
    "his",
    "her",
    "their",
    "its",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "as",
    "at",
    "in",
    "on",
    "said",
    "says",
    "wrote",
    "clear",
    "it",
    "which",
    "who",
    "whom",
    "than",
    "against",
    "including",
    "congratulated",
    "meet",
    "met",
    "beat",
    "defeats",
    "defeated",
    "told",
    "when",
    "while",
    "after",
    "before",
    "since",
    "not",
    "also",
    "like",
    "under",
    "into",
    "between",
    "our",
    "given",
    "then",
    "so",
    "very",
    "too",
    "during",
    "just",
    "now",
    "only",
    "even",
    "still",
    "along",
    "across",
    "through",
    "near",
    "around",
    "about",
    "behind",
    "beside",
    "toward",
    "towards",
    "upon",
    "within",
    "without",
    "via",
    "per",
    "up",
    "down",
    "off",
    "out",
    "outside",
    "inside",
    "beyond",
    "among",
    "amid",
}
_LABEL_PARTICIPLES = {
    "embattled",
    "disgraced",
    "beleaguered",
    "celebrated",
    "devoted",
    "acclaimed",
    "alleged",
    "accused",
    "indicted",
    "elected",
    "jailed",
    "ousted",
    "exiled",
    "convicted",
    "self-styled",
}
_LABEL_GERUNDS = {
    "outgoing",
    "ruling",
    "governing",
    "sitting",
    "leading",
    "founding",
    "acting",
    "reigning",
    "caretaker",
    "rising",
    "veteran",
    "longstanding",
    "presiding",
}
_APPOSITIVE = re.compile(r"^(?:['’]s)?,\s+((?:an?\s+|the\s+)?[a-z][^,.;:—“”\"]{2,110}?)(?=,|\.|;|—|$)")
_APPOSITIVE_VERBS = re.compile(
    r"^(?:an?\s+|the\s+)?(?:who|which|whose|won|wins|said|says|will|would|has|had|was|is|and|but)\b"
)


def _premodifier(before: str, after: str) -> str | None:
    before = before.rstrip()
    if before.endswith(","):
        # "the former minister, Jane Doe, said" is an appositive; "During his speech, Doe said" is not.
        if not re.match(r"^(?:['’]s)?\s*(?:,|\.|$)", after):
            return None
        before = before[:-1]
    words = before.split()
    label: list[str] = []
    for i in range(len(words) - 1, max(-1, len(words) - 8), -1):
        word = words[i].strip('“”"()')
        lower = word.lower()
        if lower == "of" and label and label[0][:1].isupper():
            # "Minister of Labor" is a title; "tenure of Mayor" is not: the word before must be capitalised.
            if i == 0 or not words[i - 1][:1].isupper():
                break
            label.insert(0, word)
            continue
        participle = lower.endswith("ed") and "-" not in lower and lower not in _LABEL_PARTICIPLES
        gerund = lower.endswith("ing") and "-" not in lower and lower not in _LABEL_GERUNDS
        if (
            not word
            or lower in _FUNCTION_WORDS
            or participle
            or gerund
            or not re.fullmatch(r"[^\W\d_][\w’'-]*", word)
            or word.endswith(("’s", "'s"))
        ):
            break
        label.insert(0, word)
    return " ".join(label) if label else None


def _is_headline(text: str) -> bool:
    words = text.split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) / len(words) >= 0.6


def _headline_labels(actor: str, text: str) -> list[tuple[str, str]]:
    """Title-case headlines defeat name detection: take the capitalised words just before the surname."""
    given = set(actor.split()[:-1])
    found = []
    for m in re.finditer(rf"((?:[A-Z][\w’'-]+\s){{1,2}}){re.escape(surname(actor))}\b", text):
        words = [w for w in m.group(1).split() if w not in given and w.lower() not in _FUNCTION_WORDS]
        if words:
            found.append((" ".join(words), text))
    return found


def labels_for(actor: str, text: str) -> list[tuple[str, str]]:
    """(label, quote) pairs describing ``actor`` in ``text`` (one sentence or a headline)."""
    if _is_headline(text):
        return _headline_labels(actor, text)
    found: list[tuple[str, str]] = []
    last = surname(actor)
    actor_words = set(actor.split())
    for start, end, name in name_runs(text):
        if surname(name) != last:
            continue
        extra = [w for w in name.split() if w not in actor_words]
        if extra and name.split()[-1] == last and not same_person(name, actor):
            found.append((" ".join(extra), text))
        pre = _premodifier(text[:start], text[end:])
        if pre:
            found.append((pre, text))
        m = _APPOSITIVE.match(text[end:])
        if m and not _APPOSITIVE_VERBS.match(m.group(1)) and len(m.group(1).split()) <= 16:
            found.append((m.group(1).strip(), text))
    return found
