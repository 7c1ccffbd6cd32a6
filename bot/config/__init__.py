"""Configuration: the typed model, one validate function, a live store, chat and CLI commands."""

from bot.config.admin import AdminActor, AdminReply, is_bot_admin, run_config_command
from bot.config.audit import ConfigChange
from bot.config.errors import ConfigError, ConfigIssue
from bot.config.model import Channel, EffectiveSettings, NewsbriefConfig, Source, effective_settings
from bot.config.store import ConfigStore, FileCheck
from bot.config.validate import load_config, validate_config

__all__ = [
    "AdminActor",
    "AdminReply",
    "Channel",
    "ConfigChange",
    "ConfigError",
    "ConfigIssue",
    "ConfigStore",
    "EffectiveSettings",
    "FileCheck",
    "NewsbriefConfig",
    "Source",
    "effective_settings",
    "is_bot_admin",
    "load_config",
    "run_config_command",
    "validate_config",
]
