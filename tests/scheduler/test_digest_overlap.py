"""A digest that runs while stories are not visible yet (a stuck /digest, stories rebuilt after the
articles are stored) never moves a mark past them: every story is offered once."""

from __future__ import annotations

from datetime import timedelta

from bot.config.model import NewsbriefConfig
from bot.digest import ChannelDigests
from bot.feeds.ingest import rebuild_stories
from bot.service import SENT
from bot.storage import Database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from summarizer.brief import BriefSettings
from summarizer.readers import make_article
from tests.publishers import RecordingPublisher
from tests.scheduler.test_digest import NEW_STORY, SLOT, config, digest, stored  # noqa: F401 (fixtures)
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)

LIBRARY = (
    "Easthaven opened its new public library on Monday in the old customs house by the quay. The building "
    "holds forty thousand books, a music room and a workshop for repairing bicycles, and it stays open late "
    "on weekdays, the town's librarian told visitors at the opening."
)
TRAWLERS = (
    "Trawlers from Northcape returned to port two days early on Thursday as a storm moved in from the west. "
    "The harbour master said all crews were safe and that catches were small this week. Skippers said the "
    "boats would wait in Northcape for calmer seas before sailing out to the fishing grounds again."
)


def article(text: str, title: str, slug: str):  # noqa: ANN201 - summarizer.models.Article
    return make_article(outlet="Valley Ledger", text=text, source="t", title=title, url=f"http://valley.test/{slug}")


async def test_an_empty_run_during_a_stuck_digest_does_not_hide_stories_that_became_visible_late(
    stored: Database,  # noqa: F811
    config: NewsbriefConfig,  # noqa: F811
) -> None:
    pub = RecordingPublisher()
    first = await digest(stored, config, pub, "discord", "100")
    assert first.status == "posted"

    with stored.transaction() as conn:  # a new story, then a /digest claims it and hangs posting it
        insert_articles(conn, "valley", [article(NEW_STORY, "Ridge fire contained", "fire")], utcnow())
    rebuild_stories(stored, BriefSettings())
    stuck = ChannelDigests(stored, lambda: config)("discord", "100", None)
    assert [s["title"] for s in stuck.document.to_json()["stories"]] == ["Ridge fire contained"]

    # An ingest stores two articles; the stories are rebuilt from them only later. A scheduled digest
    # that runs in between has nothing new to say.
    with stored.transaction() as conn:
        insert_articles(
            conn,
            "valley",
            [article(LIBRARY, "Easthaven opens a library", "library"), article(TRAWLERS, "Trawlers back", "trawl")],
            utcnow() - timedelta(seconds=1),
        )
    empty = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=1))
    assert empty.status == "empty"
    rebuild_stories(stored, BriefSettings())
    stuck.settle(SENT)  # the hung /digest finally went out

    later = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=2))
    assert (later.status, later.stories) == ("posted", 2)  # both stories the empty run could not see
    assert sorted(title.split()[0] for title in pub.story_titles()[-2:]) == ["Easthaven", "Trawlers"]
    last = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=3))
    assert last.status == "empty"  # each offered once
    titles = pub.story_titles()
    assert len(titles) == len(set(titles)) == 4


FOLLOW_UPS = {
    "Easthaven": (
        "Easthaven's new public library in the old customs house by the quay drew three thousand visitors in its "
        "first week, the town's librarian said on Friday. The bicycle workshop at the Easthaven library was booked "
        "out, and the library will now open on Sundays as well."
    ),
    "Trawlers": (
        "The Northcape trawlers sailed again on Saturday after the storm passed, the harbour master said. Crews of "
        "the Northcape boats expect better catches next week, and skippers said the storm had damaged none of the "
        "trawlers while they waited in port."
    ),
    "Ridge": (
        "Investigators said on Friday that a discarded barbecue did start the grass fire on the northern ridge. "
        "The fire service reopened the walking trails on the ridge and asked visitors not to light fires while the "
        "weather stays dry and windy."
    ),
}


async def test_a_story_passed_over_for_better_ones_comes_back_only_when_it_grows(
    stored: Database,  # noqa: F811
    config: NewsbriefConfig,  # noqa: F811
) -> None:
    pub = RecordingPublisher()
    await digest(stored, config, pub, "discord", "100")
    with stored.transaction() as conn:
        insert_articles(
            conn,
            "valley",
            [
                article(LIBRARY, "Easthaven opens a library", "library"),
                article(TRAWLERS, "Trawlers back", "trawl"),
                article(NEW_STORY, "Ridge fire contained", "fire"),
            ],
            utcnow(),
        )
    rebuild_stories(stored, BriefSettings())
    two = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=1))
    assert (two.status, two.stories) == ("posted", 2)  # max_stories = 2: the third is passed over
    posted = {t.split()[0] for t in pub.story_titles()[-2:]}
    [left_out] = set(FOLLOW_UPS) - posted
    assert (await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=2))).status == "empty"

    follow_up = make_article(
        outlet="Harbor Gazette", text=FOLLOW_UPS[left_out], source="t", url="http://harbor.test/follow-up"
    )
    with stored.transaction() as conn:
        insert_articles(conn, "harbor", [follow_up], utcnow())
    rebuild_stories(stored, BriefSettings())
    grown = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=3))
    assert (grown.status, grown.stories) == ("posted", 1)
    [story] = pub.posts[-1][1]["stories"]  # the passed-over story, with its new article
    slug = {"Easthaven": "library", "Trawlers": "trawl", "Ridge": "fire"}[left_out]
    assert {a["url"] for a in story["articles"]} == {f"http://valley.test/{slug}", "http://harbor.test/follow-up"}
