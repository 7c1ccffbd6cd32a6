"""Article links: only absolute http(s) URLs are kept when an article is built; everything else is dropped."""

from __future__ import annotations

import pytest

from summarizer.links import link_target, safe_url
from summarizer.readers import make_article

TEXT = " ".join(["The ferry returned to service on Monday after three weeks of engine repairs."] * 3)


@pytest.mark.parametrize(
    "url",
    [
        "!here",
        "<!channel>",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "mailto:desk@harbour.example",
        "data:text/html,<b>x</b>",
        "/ferry/relative",
        "//evil.example/ferry",
        "https://",
        "https://harbour.example@evil.example/",
        "https://harbour.example/fer\nry",
        "https://harbour.example/\u202eyrref",
        "https://harbour.example/a b",
        "https://harbour.example/a>b",
        "https://harbour.example:port/",
        "https://[::1/",
        "https://harbour.example/" + "a" * 2100,
    ],
)
def test_anything_but_an_http_url_is_dropped(url: str) -> None:
    assert safe_url(url) is None
    assert make_article(outlet="Harbour Post", text=TEXT, source="t", title="Ferry back", url=url).url is None


@pytest.mark.parametrize(
    "url", ["https://harbour.example/ferry", "http://harbour.example:8080/a?b=1&c=2#top", "https://sv.example/Åland"]
)
def test_http_urls_are_kept_as_they_are(url: str) -> None:
    assert make_article(outlet="Harbour Post", text=TEXT, source="t", title="Ferry back", url=f" {url} ").url == url


def test_link_targets_cannot_close_markup() -> None:
    assert (
        link_target("https://harbour.example/wiki/Ferry_(boat)[1]")
        == "https://harbour.example/wiki/Ferry_%28boat%29%5B1%5D"
    )
    assert link_target("https://[::1]:8080/ferry") == "https://[::1]:8080/ferry"
