"""/brief in a channel with threads claims its story like a digest: at most once per channel, across a crash."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.config.model import NewsbriefConfig
from bot.digest import ChannelDigests
from bot.service import FAILED, CommandService
from bot.storage import Database
from bot.storage.database import utcnow
from bot.storage.posts import recover_interrupted
from bot.storage.schema import posts
from bot.storage.story_source import StoredStories
from bot.threads.manual import ChannelThreads
from tests.threads.helpers import ingest
from tests.threads.stories import first_reports

CONFIG = NewsbriefConfig.model_validate(
    {
        "defaults": {"threads": True},
        "channels": [{"platform": "slack", "channel_id": "CPLAIN", "schedule": "0 8 * * *", "threads": False}],
    }
)


def bot_service(db: Database) -> CommandService:
    assert ingest(db, first_reports())
    return CommandService(
        StoredStories(db), claim_digest=ChannelDigests(db, lambda: CONFIG), threads=ChannelThreads(db, lambda: CONFIG)
    )


def statuses(db: Database) -> list[tuple[str, str]]:
    with db.read() as conn:
        return [(r.channel_id, r.status) for r in conn.execute(select(posts).order_by(posts.c.id))]


def test_a_brief_claimed_then_killed_before_posting_is_never_posted_again(db: Database) -> None:
    service = bot_service(db)
    claimed = service.run("brief", "lindqvist", platform="slack", channel_id="C1")
    assert claimed.record_roots is not None and claimed.settle is not None
    # The process dies here, between the claim and the post. After a restart:
    with db.transaction() as conn:
        assert recover_interrupted(conn, utcnow() + timedelta(minutes=11)) == 1
    assert statuses(db) == [("C1", "unknown")]  # may have gone out: counted as posted
    again = service.run("brief", "lindqvist", platform="slack", channel_id="C1")
    assert again.record_roots is None and again.doc["stories"][0]["title"].startswith("Mara Lindqvist")
    assert service.run("digest", platform="slack", channel_id="C1").is_error  # nothing new for the channel
    assert statuses(db) == [("C1", "unknown")]


def test_a_refused_brief_is_released_and_a_plain_channel_claims_nothing(db: Database) -> None:
    service = bot_service(db)
    refused = service.run("brief", "lindqvist", platform="slack", channel_id="C1")
    assert refused.settle is not None
    refused.settle(FAILED)  # Slack said no (the bot is not in the channel): nothing went out
    assert statuses(db) == []
    assert service.run("brief", "lindqvist", platform="slack", channel_id="C1").record_roots is not None
    plain = service.run("brief", "lindqvist", platform="slack", channel_id="CPLAIN")
    assert plain.record_roots is None and plain.settle is None
    assert statuses(db) == [("C1", "pending")]
