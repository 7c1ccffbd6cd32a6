"""Words of physical force and destruction said of contests, organisations and policies: figurative, so loaded.

Data only, each class with the reason it is loaded. A news report states physical damage with plain
verbs ("destroyed", "damaged", "hit"); a writer who says a team was *annihilated* or a rival's plan
*punctured* borrows the force of violence for an event that had none. No entry names a person,
outlet, place or team; every class is general English.
"""

from __future__ import annotations

# Destruction beyond "destroy": total wiping out. Said of anything but a natural force, it exaggerates.
HYPERBOLIC_DESTRUCTION = frozenset(
    {
        "annihilate",
        "annihilation",
        "obliterate",
        "obliteration",
        "decimate",
        "decimation",
        "eviscerate",
        "evisceration",
        "pulverise",
        "pulverize",
        "ravage",
        "ravages",
    }
)

# Verbs and nouns whose literal sense is combat, wounding, surrender or the fall of a monarch; news
# rarely uses them literally, so said of a contest, a rival or a policy they are figurative.
FIGURATIVE_FORCE = frozenset(
    {
        "capitulate",
        "capitulation",
        "dethrone",
        "dethroning",
        "dethronement",
        "flail",
        "hamstring",
        "handicap",
        "kneecap",
        "lambast",
        "lambaste",
        "paralyse",
        "paralyze",
        "puncture",
        "skewer",
        "snipe",
        "steamroll",
        "steamroller",
        "torpedo",
        "flay",
    }
)

# Of these, the ones that need a person or group in the clause to be figurative: with only things
# around them ("debris punctured a tyre", "snow paralysed the roads") they are literal.
NEEDS_ACTOR = frozenset({"puncture", "paralyse", "paralyze", "hamstring", "handicap", "torpedo", "skewer"})

# Of these, the ones whose literal object is a thing ("punctured a tyre"): figurative only when what
# they act on is a person or group, or something one owns ("punctured her rival's hopes").
NEEDS_ACTOR_PATIENT = frozenset({"puncture", "skewer"})

# Armed forces and warfare: in their presence surrender and combat words are literal ("the garrison
# capitulated after a siege").
MILITARY_NOUNS = frozenset(
    {
        "army",
        "battalion",
        "brigade",
        "fighter",
        "garrison",
        "guerrilla",
        "insurgent",
        "militant",
        "militia",
        "rebel",
        "regiment",
        "siege",
        "soldier",
        "troop",
    }
)

# Doers for which destruction and disruption words state a physical magnitude, not a judgement.
NATURAL_FORCES = frozenset(
    {
        "earthquake",
        "quake",
        "tremor",
        "aftershock",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "flood",
        "flooding",
        "tsunami",
        "fire",
        "wildfire",
        "blaze",
        "eruption",
        "volcano",
        "landslide",
        "landslip",
        "avalanche",
        "drought",
        "snow",
        "snowstorm",
        "blizzard",
        "ice",
        "fog",
        "heatwave",
        "wind",
        "rain",
        "explosion",
        "disease",
        "virus",
        "epidemic",
        "pandemic",
        "stroke",
        "war",
        "fighting",
        "outage",
        "blackout",
    }
)


def _inflections(base: str) -> set[str]:
    stem = base[:-1] if base.endswith("e") else base
    return {base, base + "s", stem + "ed", stem + "ing", base + "d"}


_FORMS: dict[str, str] = {}
for _word in sorted(HYPERBOLIC_DESTRUCTION | FIGURATIVE_FORCE):
    for _form in _inflections(_word):
        _FORMS.setdefault(_form, _word)


def force_word(*forms: str) -> str | None:
    """The listed base word that one of ``forms`` (a token's text or lemma) inflects, or None."""
    for form in forms:
        found = _FORMS.get(form.lower())
        if found is not None:
            return found
    return None
