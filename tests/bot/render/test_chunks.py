"""The one message chunker, with each platform's rules, at each platform's limits."""

from __future__ import annotations

import random

import pytest

from bot.discord.embeds import DISCORD_CHUNKS
from bot.render.chunks import PLAIN, ChunkRules, split_text
from bot.render.markup import discord_text
from bot.slack.limits import SLACK_CHUNKS, escape

DISCORD_CONTENT, DISCORD_DESCRIPTION = 2000, 4096
SLACK_SECTION, SLACK_MESSAGE = 3000, 40000
WORDS = "the harbour ferry returns on monday after a refit and fares rise in may".split()


def discord_units(rng: random.Random) -> str:
    """A piece of what the Discord renderer writes: escaped outlet text, a defused ping, a masked link."""
    return rng.choice(
        [
            rng.choice(WORDS),
            discord_text("*Saltby_Post*"),  # \*Saltby\_Post\*
            discord_text("@everyone"),  # @\u200beveryone
            discord_text("see https://saltby.example"),  # the scheme broken with a backslash
            f"[{discord_text('Saltby Post [live]')}](https://saltby.example/ferry%28live%29)",
        ]
    )


def slack_units(rng: random.Random) -> str:
    """A piece of what the Slack renderer writes: escaped text and ``<url|label>`` links with spaces."""
    return rng.choice(
        [
            rng.choice(WORDS),
            escape("fares & <tolls>"),
            "<https://saltby.example/ferry|Saltby Post on the ferry &amp; fares>",
        ]
    )


def hostile_text(units, size: int, seed: int) -> str:
    """About ``size`` characters of units in lines and paragraphs of uneven length."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size:
        lines = [" ".join(units(rng) for _ in range(rng.randint(1, 60))) for _ in range(rng.randint(1, 4))]
        paragraphs.append("\n".join(rng.choice(["", "> "]) + line for line in lines))
        total += sum(len(line) + 1 for line in lines)
    return "\n\n".join(paragraphs)


def atoms(rules: ChunkRules, text: str) -> list[str]:
    assert rules.atoms is not None
    return [m.group() for m in rules.atoms.finditer(text)]


CASES = [
    pytest.param(DISCORD_CHUNKS, discord_units, DISCORD_CONTENT, id="discord-message-2000"),
    pytest.param(DISCORD_CHUNKS, discord_units, DISCORD_DESCRIPTION, id="discord-embed-description-4096"),
    pytest.param(SLACK_CHUNKS, slack_units, SLACK_SECTION, id="slack-section-3000"),
    pytest.param(SLACK_CHUNKS, slack_units, SLACK_MESSAGE, id="slack-message-40000"),
]


@pytest.mark.parametrize(("rules", "units", "limit"), CASES)
@pytest.mark.parametrize("seed", range(3))
def test_pieces_fit_and_no_escape_mention_escape_or_link_is_cut(rules, units, limit: int, seed: int) -> None:
    text = hostile_text(units, limit * 3, seed)
    pieces = split_text(text, limit, rules)
    assert len(pieces) >= 3 and all(0 < len(p) <= limit for p in pieces)
    assert [a for p in pieces for a in atoms(rules, p)] == atoms(rules, text)  # every one whole, in order
    words = [w.removeprefix(">") for w in text.split() if w != ">"]
    assert [w.removeprefix(">") for p in pieces for w in p.split() if w != ">"] == words  # nothing lost or cut


@pytest.mark.parametrize(("rules", "units", "limit"), CASES)
def test_paragraphs_that_fit_are_never_split(rules, units, limit: int) -> None:
    rng = random.Random(1)
    paragraphs = [" ".join(units(rng) for _ in range(rng.randint(5, 20))) for _ in range(limit // 60)]
    pieces = split_text("\n\n".join(paragraphs), limit, rules)
    assert len(pieces) > 1
    assert [p for piece in pieces for p in piece.split("\n\n")] == paragraphs


@pytest.mark.parametrize("rules", [DISCORD_CHUNKS, SLACK_CHUNKS], ids=["discord", "slack"])
def test_a_long_quote_is_cut_between_words_and_every_piece_stays_a_quote(rules: ChunkRules) -> None:
    words = [f"word{i}" for i in range(900)]
    pieces = split_text("• Loaded: “slammed”\n> " + " ".join(words), 300, rules)
    assert pieces[0].startswith("• Loaded") and all(len(p) <= 300 for p in pieces)
    quoted = [line for p in pieces for line in p.splitlines()[p.startswith("•") :]]
    assert all(line.startswith("> ") for line in quoted)
    assert [w for line in quoted for w in line[2:].split(" ")] == words


def test_a_run_without_a_break_is_cut_between_escapes() -> None:
    run = discord_text("*_" * 1500)  # 6000 characters of escapes and no space
    pieces = split_text(run, DISCORD_CONTENT, DISCORD_CHUNKS)
    assert all(len(p) <= DISCORD_CONTENT and not p.endswith("\\") for p in pieces)
    assert "".join(pieces) == run


def test_a_link_whose_label_has_spaces_moves_whole_to_the_next_piece() -> None:
    link = "<https://saltby.example/ferry|the Saltby Post on the ferry and its fares this spring>"
    text = "word " * 50 + link
    [first, second] = split_text(text, 280, SLACK_CHUNKS)
    assert first == ("word " * 50).strip() and second == link


def test_an_atom_longer_than_the_limit_is_the_only_thing_cut() -> None:
    link = "<https://saltby.example/" + "x" * 400 + ">"
    pieces = split_text(link, 100, SLACK_CHUNKS)
    assert all(len(p) <= 100 for p in pieces) and "".join(pieces) == link


def test_plain_rules_break_at_spaces_and_hard_cut_only_an_overlong_word() -> None:
    assert split_text("alpha beta gamma", 11, PLAIN) == ["alpha beta", "gamma"]
    url = "https://example.org/" + "x" * 30
    assert split_text(url, 20, PLAIN) == [url[:20], url[20:40], url[40:]]
    assert split_text("   ", 10) == [] and split_text("short", 10) == ["short"]
    with pytest.raises(ValueError, match="positive"):
        split_text("text", 0)


def test_a_paragraph_that_fits_is_kept_whole_even_when_the_piece_before_is_short() -> None:
    text = "Head.\n\n" + " ".join(["word"] * 11)
    assert split_text(text, 60, PLAIN) == ["Head.", " ".join(["word"] * 11)]


def test_a_line_indented_under_the_one_before_keeps_its_indent_when_a_piece_starts_with_it() -> None:
    lines = [
        "*Saltby Post*",
        "   _Only Saltby Post reports:_ the ferry is late",
        "   _Only Saltby Post reports:_ fares rise",
    ]
    pieces = split_text("\n".join(lines), 60, SLACK_CHUNKS)
    assert pieces == lines
