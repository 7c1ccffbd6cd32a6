"""``pictures``: a channel key inheriting its workspace and ``[defaults]``, validated like the others."""

from __future__ import annotations

import pytest

from bot.config.errors import ConfigError
from bot.config.model import NewsbriefConfig
from bot.config.validate import parse_config_text, validate_config
from bot.pictures import Pictures


def config(**defaults: object) -> NewsbriefConfig:
    return NewsbriefConfig.model_validate(
        {
            "defaults": defaults,
            "workspaces": {"T1": {"pictures": True}},
            "channels": [
                {"platform": "slack", "channel_id": "C1", "workspace": "T1", "schedule": "0 8 * * *"},
                {"platform": "slack", "channel_id": "C2", "schedule": "0 8 * * *", "pictures": False},
                {"platform": "discord", "channel_id": "3", "schedule": "0 8 * * *"},
            ],
        }
    )


def test_a_channel_inherits_pictures_from_its_workspace_then_the_defaults():
    off = Pictures(lambda: config())
    assert [off.enabled("slack", "C1"), off.enabled("slack", "C2"), off.enabled("discord", "3")] == [True, False, False]
    on = Pictures(lambda: config(pictures=True))
    assert [on.enabled("slack", "C1"), on.enabled("slack", "C2"), on.enabled("discord", "3")] == [True, False, True]
    assert Pictures().enabled("discord", "3") is False  # no configuration: files only, no digests


def test_a_value_that_is_not_true_or_false_names_the_key_and_the_fix():
    with pytest.raises(ConfigError) as caught:
        validate_config(
            parse_config_text(
                '[[channels]]\nplatform = "slack"\nchannel_id = "C1"\nschedule = "0 8 * * *"\npictures = "yes"\n'
            )
        )
    assert "channels" in caught.value.user_message and "pictures" in caught.value.user_message
    assert "use true or false" in caught.value.user_message
