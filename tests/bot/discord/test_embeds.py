"""Documents become embeds within every Discord limit, split at words and lines, never truncated mid-word."""

from __future__ import annotations

import re

from bot.discord.embeds import (
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    TITLE_LIMIT,
    document_embeds,
    limit_violations,
    pack_lines,
    pack_messages,
    split_text,
)
from bot.render.text import render

WORDS = "the council voted on the budget after a long debate about roads schools and parks".split()


def prose(n_words: int, seed: int = 0) -> str:
    return " ".join(WORDS[(seed + i) % len(WORDS)] for i in range(n_words))


def long_framing_doc(outlets: int = 30) -> dict:
    title = "A very long story title " + prose(60)  # > 256 characters
    return {
        "schema": "newsbrief/1",
        "command": "framing",
        "topic": None,
        "problems": [],
        "stories": [
            {
                "id": "s-long",
                "title": title,
                "outlets": [],
                "articles": [],
                "brief": {"sentences": [], "algorithm": "lexrank", "words": 90},
                "figures": [],
                "election": None,
                "framing": {
                    "comparable": True,
                    "message": None,
                    "contrast": prose(900),
                    "outlets": [
                        {
                            "outlet": f"Outlet {i} " + prose(70, i),  # field name > 256 characters
                            "labels": [
                                {"actor": "The Mayor", "label": f"label {j}", "quote": prose(40, j)} for j in range(6)
                            ],
                            "loaded_language": [
                                {
                                    "term": "slammed",
                                    "technique": "Loaded_Language",
                                    "quote": prose(300, i),
                                    "in_quote": False,
                                }
                            ],
                            "frames": [{"frame": "Economic", "share": 0.5, "sentences": 1, "quote": ""}],
                            "only_here": [prose(250, i)],
                            "figures_differ": [],
                            "contrast": prose(30, i),
                        }
                        for i in range(outlets)
                    ],
                },
            }
        ],
    }


def all_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def test_a_long_framing_note_is_split_within_every_limit():
    doc = long_framing_doc()
    embeds = document_embeds(doc, footer="newsbrief · /framing")
    assert limit_violations(embeds) == []
    assert len(embeds) > 10  # so the message packing below matters
    messages = pack_messages(embeds)
    assert sum(len(m) for m in messages) == len(embeds)
    for message in messages:
        assert 1 <= len(message) <= EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in message) <= EMBED_TOTAL_LIMIT
    assert all(e.title and len(e.title) <= TITLE_LIMIT for e in embeds)
    assert embeds[0].title.endswith("…") and embeds[1].title.endswith("(continued)")


def test_nothing_is_lost_and_no_word_is_cut():
    doc = long_framing_doc(outlets=3)
    embeds = document_embeds(doc)
    shown = "\n".join([e.description or "" for e in embeds] + [f.value or "" for e in embeds for f in e.fields])
    outlet = doc["stories"][0]["framing"]["outlets"][0]
    # every word of a 300-word quote arrives, in order, with no word cut in two
    quote_words = all_words(outlet["loaded_language"][0]["quote"])
    assert " ".join(quote_words) in " ".join(all_words(shown))
    assert set(all_words(shown)) <= set(all_words(render(doc, markdown=True)))  # no fragment of a cut word


def test_quotes_stay_quotes_when_split():
    chunks = pack_lines(["• Loaded: “slammed”", "> " + prose(400)], 1024)
    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk) <= 1024
    quoted = [line for chunk in chunks for line in chunk.splitlines() if not line.startswith("•")]
    assert all(line.startswith("> ") for line in quoted)


def test_a_bullet_and_its_quote_land_in_the_same_field():
    lines = ["• " + prose(170)] + ["• Calls X “y”", "> " + prose(20)]
    chunks = pack_lines(lines, 1024)
    assert len("\n".join(lines)) > 1024 and len(chunks) == 2
    assert chunks[-1].startswith("• Calls X") and chunks[-1].splitlines()[1].startswith("> ")


def test_split_text_breaks_at_spaces_and_only_hard_cuts_a_single_overlong_word():
    assert split_text("alpha beta gamma", 11) == ["alpha beta", "gamma"]
    url = "https://example.org/" + "x" * 30
    assert split_text(url, 20) == [url[:20], url[20:40], url[40:]]


def test_who_won_and_errors_fit_one_embed(service):
    who = document_embeds(service.run("who-won").doc)
    assert len(who) == 1 and "58.30%" in who[0].description
    error = document_embeds(service.run("brief", "volcano").doc)
    assert len(error) == 1 and error[0].description.startswith("No story matches “volcano”")
