"""Coverage pictures on Slack: shared with the file-upload API (getUploadURLExternal, upload, completeUploadExternal)."""

from __future__ import annotations

from bot.service import CommandService, InMemoryStories
from summarizer.pipeline import build_stories
from summarizer.readers import load_articles
from tests.bot.render.test_coverage_picture import png_size
from tests.conftest import FIXTURES
from tests.pictures_config import pictures


def service(stories, **kwargs) -> CommandService:
    return CommandService(InMemoryStories(list(stories)), pictures=pictures(**kwargs))


def test_framing_answer_is_followed_by_its_picture_in_the_channel(make_user, fake, seed_stories):
    make_user(service(seed_stories)).command("/framing", "chile", channel_id="C7")
    [(done, png)] = fake.wait_for_uploads(1)
    assert done.body["channel_id"] == "C7"
    assert png_size(png) == (800, 450)
    [asked] = fake.upload_requests()
    assert asked.body["filename"] == "coverage.png" and asked.body["length"] == str(len(png))
    assert "Samnytt: politics 56%" in asked.body["alt_txt"]
    assert asked.body["alt_txt"].endswith("Did not cover it: Harbor Gazette.")
    [answer] = fake.posts()
    assert answer.body["response_type"] == "in_channel" and "Full note: /framing chile full" in answer.visible_text


def test_no_picture_for_a_single_outlet_story(make_user, fake):
    stories = build_stories(load_articles([FIXTURES / "articles" / "single"]).articles)
    make_user(service(stories)).command("/framing", "", channel_id="C7")
    [answer] = fake.wait_for_posts(1)
    assert "Only" in answer.visible_text
    assert not [c for c in fake.calls if c.path.startswith("/api/files.") or c.path.startswith("/upload/")]


def test_a_pictures_channel_digest_is_followed_by_its_pictures(make_user, fake, seed_stories):
    make_user(service(seed_stories, channels=[("slack", "C42")])).command("/digest", channel_id="C42")
    [(done, png)] = fake.wait_for_uploads(1)
    assert done.body["channel_id"] == "C42" and png_size(png) == (800, 450)
    [post] = fake.posts()
    assert post.path == "/api/chat.postMessage" and post.body["channel"] == "C42"
    assert fake.calls.index(post) < fake.calls.index(done)  # the digest first, its picture after


def test_a_digest_without_pictures_uploads_nothing(make_user, fake, seed_stories):
    make_user(service(seed_stories, channels=[("slack", "C42")], pictures_on=False)).command(
        "/digest", channel_id="C42"
    )
    fake.wait_for_posts(1, settle=0.5)
    assert fake.upload_requests() == []


def test_a_picture_slack_refuses_leaves_the_answer_alone(make_user, fake, seed_stories, caplog):
    make_user(service(seed_stories)).command("/framing", "chile", channel_id="CNOTIN1")
    [(refused, _png)] = fake.wait_for_uploads(1)
    assert refused.body["channel_id"] == "CNOTIN1"
    [answer] = fake.wait_for_posts(2, timeout=1.0)  # no second message: nobody is told of an error
    assert answer.body["response_type"] == "in_channel"  # the note itself arrived
    assert "could not share 1 coverage picture(s) in CNOTIN1 (not_in_channel)" in caplog.text
