"""Hand-written articles of one growing story (a mayoral runoff), for the thread tests."""

from __future__ import annotations

from summarizer.models import Article
from summarizer.readers import make_article

BASE = "https://news.example"
TITLE = "Mara Lindqvist wins the Easterby mayoral runoff"

HARBOR = (
    "Mara Lindqvist won the Easterby mayoral runoff on Sunday with 58.3% of the vote, defeating Tomas Ekberg. "
    "The election office said turnout rose compared with the first round. "
    "Lindqvist promised to extend the tram line to the harbour district and to freeze parking fees. "
    "Ekberg congratulated her and said his party would hold the new mayor to her promises on housing."
)
VALLEY = (
    "Easterby has a new mayor: Mara Lindqvist took 58.3% of the vote in Sunday's runoff against Tomas Ekberg. "
    "Lindqvist, a former schools councillor, campaigned on public transport and cheaper parking. "
    "Ekberg conceded on Sunday evening. The city council will confirm the result at its meeting next week."
)
COAST = (
    "Mara Lindqvist was elected mayor of Easterby in Sunday's runoff with 58.2% of the vote, ahead of Tomas Ekberg, "
    "according to the final count published on Monday. "
    "Lindqvist said the tram extension to the harbour district would be her first priority. "
    "Ekberg's supporters said the campaign had been fought fairly and that the result was clear."
)
# Harbor Gazette's page again under a new address, a typo fixed and a line added: nothing new for readers.
HARBOR_RECRAWL = HARBOR.replace("Sunday with", "Sunday, with") + " Polling stations closed at eight in the evening."


def article(outlet: str, slug: str, text: str, published: str = "2026-11-22T20:00:00+00:00") -> Article:
    url = f"{BASE}/{slug}"
    return make_article(outlet=outlet, text=text, source=url, title=TITLE, url=url, published=published)


def first_reports() -> list[Article]:
    return [article("Harbor Gazette", "harbor/runoff", HARBOR), article("Valley Ledger", "valley/runoff", VALLEY)]


def coast_joins() -> list[Article]:
    return [article("Coastline Wire", "coast/runoff", COAST, "2026-11-23T07:30:00+00:00")]


def harbor_recrawled() -> list[Article]:
    return [article("Harbor Gazette", "harbor/runoff-updated", HARBOR_RECRAWL)]
