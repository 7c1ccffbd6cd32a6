"""Nouns that judge rather than describe: contempt, faults of character or conduct, and pejorative names
for groups and institutions. Data only, each class with its reason and SemEval-2023 technique.

A plain report says what someone did ("the minister changed the rules"); a slanted one names the
doer's fault ("the minister's ineptitude") or the group with a sneer ("the ruling class", "media
mouthpieces"). The lexicons rate few of these nouns, so they are listed here as classes of general
English; none names a person, outlet, place or team.
"""

from __future__ import annotations

from summarizer.lexicon import LOADED, NAME_CALLING, REPUTATION

# Contempt and mockery: the writer tells the reader how to feel about a reaction or a remark.
CONTEMPT = frozenset(
    {
        "derision",
        "scorn",
        "contempt",
        "disdain",
        "ridicule",
        "mockery",
        "sneer",
        "jeer",
        "taunt",
        "vitriol",
        "venom",
        "invective",
        "tirade",
        "rant",
        "diatribe",
    }
)

# Faults of character or conduct: naming one passes judgement on whoever it is said of.
FAULTS = frozenset(
    {
        "arrogance",
        "bigotry",
        "buffoonery",
        "chicanery",
        "conceit",
        "cowardice",
        "cronyism",
        "deceit",
        "dishonesty",
        "duplicity",
        "fanaticism",
        "folly",
        "greed",
        "hubris",
        "hypocrisy",
        "ignominy",
        "incompetence",
        "ineptitude",
        "ineptness",
        "infamy",
        "lawlessness",
        "malice",
        "manipulation",
        "partisanship",
        "recklessness",
        "skulduggery",
        "spite",
        "treachery",
        "vanity",
        "vengeance",
        "venality",
        "vindictiveness",
        "zealotry",
    }
)

# People named for whom they serve rather than what they do: labels, not descriptions.
SERVILE = frozenset(
    {
        "apparatchik",
        "flunkey",
        "flunky",
        "henchman",
        "lackey",
        "mouthpiece",
        "propagandist",
        "shill",
        "stooge",
        "sycophant",
        "toady",
    }
)

# Two-word names for a group, a process or a tactic that carry the writer's verdict:
# (modifier, head) lemmas, the modifier a compound or adjective of the head.
PEJORATIVE_PHRASES = frozenset(
    {
        ("ruling", "class"),
        ("power", "elite"),
        ("deep", "state"),
        ("chattering", "class"),
        ("show", "trial"),
        ("witch", "hunt"),
        ("kangaroo", "court"),
        ("dog", "whistle"),
        ("hit", "job"),
        ("hatchet", "job"),
        ("smear", "campaign"),
        ("gravy", "train"),
        ("banana", "republic"),
        ("fake", "news"),
    }
)

# Words that report someone else's judgement: "accused of hypocrisy" is the accuser's word.
REPORTED_JUDGEMENT = frozenset(
    {
        "accuse",
        "accusation",
        "allege",
        "allegation",
        "charge",
        "claim",
        "deny",
        "denial",
        "condemn",
        "criticise",
        "criticize",
        "denounce",
        "decry",
        "say",
        "call",
    }
)


def judgement_class(lemma: str) -> str | None:
    """The technique a judging noun carries, or None when ``lemma`` is not one."""
    word = lemma.lower()
    if word in SERVILE:
        return NAME_CALLING
    if word in FAULTS:
        return REPUTATION
    if word in CONTEMPT:
        return LOADED
    return None


# Adjectives of moral condemnation or of derision, which the lexicons mostly lack: said by the outlet
# of a person, a group, an act or a policy, each is a verdict, not a description.
CONDEMNING_ADJECTIVES = frozenset(
    {
        "abhorrent",
        "bloodthirsty",
        "demonic",
        "depraved",
        "deplorable",
        "deranged",
        "despicable",
        "diabolical",
        "egregious",
        "erratic",
        "harebrained",
        "heinous",
        "jingoistic",
        "militaristic",
        "monstrous",
        "nefarious",
        "odious",
        "outlandish",
        "preposterous",
        "reprehensible",
        "shambolic",
        "unconscionable",
        "unhinged",
        "villainous",
        "warmongering",
    }
)

# Adjectives that judge only when said of words: "incendiary remarks" (but an incendiary bomb),
# "inflammatory rhetoric" (but an inflammatory disease).
OF_SPEECH_ONLY = frozenset({"incendiary", "inflammatory", "toxic"})
SPEECH_NOUNS = frozenset(
    {
        "accusation",
        "ad",
        "advert",
        "advertisement",
        "allegation",
        "attack",
        "campaign",
        "claim",
        "comment",
        "language",
        "message",
        "post",
        "remark",
        "rhetoric",
        "slogan",
        "speech",
        "statement",
        "tweet",
        "word",
    }
)
