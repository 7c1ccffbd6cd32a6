"""Slash commands sent over HTTP to the Slack app; assertions on what reached the (fake) Slack."""

from __future__ import annotations

import pytest

from bot.service import CommandService, InMemoryStories
from summarizer.pipeline import build_stories
from summarizer.readers import make_article
from tests.conftest import SEED_LOADED_TERMS

LOADED_TERMS = SEED_LOADED_TERMS


def test_who_won_acks_at_once_then_posts_winner_and_shares(user, fake):
    result = user.command("/who-won", "chile")
    assert result.status == 200 and result.body == ""  # an empty ack: the answer follows
    assert result.seconds < 1.0
    [post] = fake.wait_for_posts(1)
    assert post.path == "/response/who-won"
    assert post.body["response_type"] == "in_channel"
    blocks_text = "\n".join(post.block_texts())
    assert "José Antonio Kast" in blocks_text and "58.30%" in blocks_text
    assert "*Runner-up:* Jeannette Jara — 41.70% (EIR News)" in blocks_text
    assert post.body["text"].startswith("Who won: José Antonio Kast wins Chile’s presidential runoff")


def test_brief_is_free_of_loaded_language(user, fake):
    assert user.command("/brief", "kast").status == 200
    [post] = fake.wait_for_posts(1)
    seen = post.visible_text.lower()
    assert "58.30%" in seen and "41.70%. _[EIR News]_" in post.visible_text
    assert [term for term in LOADED_TERMS if term in seen] == []


def test_full_framing_shows_each_outlet_with_quotes_as_blockquotes(user, fake):
    user.command("/framing", "kast full")
    [post] = fake.wait_for_posts(1)
    texts = post.block_texts()
    assert post.blocks[0] == {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": "How each outlet framed it: José Antonio Kast wins Chile’s presidential runoff",
            "emoji": False,
        },
    }
    joined = "\n".join(texts)
    assert "*Samnytt*" in joined and "*EIR News*" in joined
    assert "• Calls José Antonio Kast “conservative candidate”" in joined
    assert any(line.startswith("> ") and "lunatic ally" in line for line in joined.splitlines())


def test_unknown_topic_is_told_to_the_user_only_with_close_titles(user, fake):
    user.command("/brief", "volcano")
    [post] = fake.wait_for_posts(1)
    assert post.body["response_type"] == "ephemeral"
    assert post.body["text"] == (
        "No story matches “volcano”. Closest stories: “José Antonio Kast wins Chile’s presidential runoff”."
    )


def test_sources_lists_the_outlets(user, fake):
    user.command("/sources")
    [post] = fake.wait_for_posts(1)
    assert post.block_texts()[1] == "• *Samnytt* — file (1 article(s))\n• *EIR News* — file (1 article(s))"


def test_digest_is_posted_to_the_channel_as_the_bot(user, fake):
    user.command("/digest", channel_id="C42")
    [post] = fake.wait_for_posts(1)
    assert post.path == "/api/chat.postMessage"
    assert post.body["channel"] == "C42"
    assert post.headers["Authorization"] == "Bearer xoxb-test-bot-token-0000"
    assert "*Framing:* Samnytt frames the story" in post.visible_text
    assert (
        "<https://eir.news/2025/12/news/pinochet-devotee-kast-wins-chilean-elections-marco-rubio-overjoyed|EIR News>"
        in post.visible_text
    )


def test_digest_in_a_channel_the_bot_is_not_in_says_how_to_fix_it(user, fake):
    user.command("/digest", channel_id="CNOTIN1")
    posts = fake.wait_for_posts(2)
    assert [p.path for p in posts] == ["/api/chat.postMessage", "/response/digest"]
    assert posts[1].body["response_type"] == "ephemeral"
    assert "invite me with `/invite @newsbrief`" in posts[1].body["text"]


@pytest.fixture(scope="module")
def no_election_service() -> CommandService:
    text = (
        "The city council of Lund opened the new tram bridge on Monday after three years of work. "
        "The bridge cost 410 million kronor, according to the council. Trams will cross it every ten minutes. "
        "Cyclists get a separate lane on the east side. The mayor said the bridge links the station to the campus. "
    )
    articles = [
        make_article(
            outlet=o, text=text * 2, source=o, title="Lund opens tram bridge", url=None, published=None, bias=None
        )
        for o in ("Sydsvenskan", "Lokaltidningen")
    ]
    return CommandService(InMemoryStories(build_stories(articles)))


def test_who_won_without_an_election_says_so(make_user, no_election_service, fake):
    make_user(no_election_service).command("/who-won")
    [post] = fake.wait_for_posts(1)
    assert post.body["text"] == "No election result found in the loaded stories."


def test_nothing_loaded_yet(make_user, fake):
    make_user(CommandService(InMemoryStories())).command("/brief")
    [post] = fake.wait_for_posts(1)
    assert post.body["response_type"] == "ephemeral"
    assert post.body["text"] == "No stories are loaded yet. Add articles or wait for the next ingest."


def test_no_token_in_the_logs(user, fake, caplog):
    caplog.set_level("DEBUG")
    user.command("/digest")
    user.command("/who-won")
    fake.wait_for_posts(2)
    assert caplog.records  # debug logging was on
    assert "xoxb-test-bot-token" not in caplog.text
