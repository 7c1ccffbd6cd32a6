"""A configuration for picture tests: the seed outlets plus one that never covers anything."""

from __future__ import annotations

from bot.config.model import NewsbriefConfig
from bot.pictures import Pictures


def pictures(channels: list[tuple[str, str]] = (), *, pictures_on: bool = True) -> Pictures:
    """``Pictures`` over a config reading Samnytt, EIR News and Harbor Gazette; ``channels`` as (platform, id)."""
    config = NewsbriefConfig.model_validate(
        {
            "sources": [
                {"name": "samnytt", "outlet": "Samnytt", "feed": "https://samnytt.example/feed"},
                {"name": "eir", "outlet": "EIR News", "page": "https://eir.example/"},
                {"name": "harbor", "outlet": "Harbor Gazette", "feed": "https://harbor.example/feed"},
            ],
            "channels": [
                {"platform": p, "channel_id": c, "schedule": "0 8 * * *", "pictures": pictures_on} for p, c in channels
            ],
        }
    )
    return Pictures(lambda: config)
