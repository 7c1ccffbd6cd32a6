"""An outlet named after its file stays marked as such in the database: a brief built from stored articles
says so, as one built from the files does."""

from __future__ import annotations

from bot.render.text import render
from bot.storage import Database
from summarizer.documents import BriefDocument
from summarizer.pipeline import build_stories
from summarizer.readers import make_article
from tests.storage.round_trip import stored_and_rebuilt

FERRY_NOTES = (
    "The island ferry will run twice a day again from Monday after the council approved a new timetable on "
    "Thursday, the council's transport office said. The second crossing had been cut in March when one of the two "
    "boats needed a new engine. The repaired boat passed its safety checks last week, the office said. Tickets "
    "for the extra crossing go on sale on Saturday."
)
COAST_POST = (
    "A second daily ferry crossing to the island returns on Monday, the council decided on Thursday. One of the "
    "two ferries lost its engine in March, which halved the service for the spring. The boat was repaired and "
    "passed its safety checks last week, according to the council's transport office. Tickets for the second "
    "crossing will be sold from Saturday."
)
UNKNOWN = "(outlet unknown: named after the file)"


def test_an_outlet_named_after_its_file_is_still_unknown_when_read_back(db: Database) -> None:
    notes = make_article(outlet=None, text=FERRY_NOTES, source="inbox/ferry-notes.txt", title="Ferry runs twice a day")
    post = make_article(outlet="Coast Post", text=COAST_POST, source="coast", title="Second ferry crossing returns")
    assert (notes.outlet, notes.outlet_known) == ("ferry-notes", False)
    [from_files] = build_stories([notes, post])
    stored, read_back = stored_and_rebuilt(db, ("files", notes), ("coast", post))
    assert {a.outlet: a.outlet_known for a in read_back} == {"ferry-notes": False, "Coast Post": True}
    shown = render(BriefDocument(stories=[stored]))
    assert f"ferry-notes {UNKNOWN}" in shown
    assert f"Coast Post {UNKNOWN}" not in shown
    assert shown == render(BriefDocument(stories=[from_files]))
