"""The typed configuration model (``config/newsbrief.toml``) and per-scope setting resolution."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from bot.config.hosts import private_host_reason

Platform = Literal["discord", "slack", "console"]
Algorithm = Literal["lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson", "random", "reduction"]
ALGORITHMS: tuple[str, ...] = get_args(Algorithm)
PLATFORMS: tuple[str, ...] = get_args(Platform)


def _id_text(value: Any) -> Any:
    # Discord ids are often written unquoted; TOML integers hold them exactly.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PlatformId = Annotated[str, BeforeValidator(_id_text), Field(min_length=1)]
MaxStories = Annotated[int, Field(ge=1, le=50)]
BriefSentences = Annotated[int, Field(ge=1, le=20)]
BriefWords = Annotated[int, Field(ge=10, le=1000)]
FollowHours = Annotated[int, Field(ge=1, le=720)]


def invalid(message: str, fix: str, field_name: str | None = None, **value: Any) -> PydanticCustomError:
    """A validation error carrying its own fix; cross-field checks also name the field (and value)."""
    ctx = {"message": message, "fix": fix, "field": field_name, **value}
    return PydanticCustomError("config", "{message}", ctx)


@cache
def _timezone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def check_timezone(name: str) -> str:
    """Return ``name`` if it is a known IANA timezone, else raise a config error."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, sorted(_timezone_names()), n=1)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        raise invalid(
            f"unknown timezone {name!r}", f'{hint}use an IANA name like "Europe/Stockholm" or "UTC"'
        ) from None
    return name


def check_cron(expr: str) -> str:
    """Return ``expr`` if it is a valid 5-field cron expression, else raise a config error."""
    fields = expr.split()
    if len(fields) != 5:
        raise invalid(
            f"a cron schedule has 5 fields, got {len(fields)}",
            'write "minute hour day-of-month month day-of-week", e.g. "0 8 * * *" for 08:00 daily',
        )
    if re.search(r"\d", fields[4]):
        # Cron counts Sunday as 0, APScheduler 3 counts Monday as 0: names avoid the off-by-one.
        raise invalid(
            "numeric day-of-week values are ambiguous (cron: 0=Sunday, APScheduler: 0=Monday)",
            'use day names, e.g. "0 8 * * mon-fri"',
        )
    try:
        CronTrigger.from_crontab(expr, timezone=ZoneInfo("UTC"))
    except ValueError as exc:
        raise invalid(f"invalid cron schedule ({exc})", 'e.g. "0 8 * * *" for 08:00 every day') from None
    return expr


def check_url(url: str) -> str:
    """Return ``url`` if it is an absolute http(s) URL, else raise a config error."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        raise invalid("not an http(s) URL", 'use a full address like "https://example.com/feed/"')
    return url


DATABASE_URL_FIX = "use sqlite:///path/to/newsbrief.db (a file) or postgresql+psycopg://user:pass@host/db"


def check_database_url(url: str) -> str:
    """Return ``url`` if it names an SQLite file or a PostgreSQL server, else raise a config error.

    Only the form is checked here; whether the database opens is :func:`bot.storage.open_database`'s job.
    """
    scheme, sep, rest = url.partition("://")
    backend = scheme.split("+", 1)[0].lower()
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme) or any(c.isspace() for c in url):
        raise invalid("not a database URL", DATABASE_URL_FIX, value=_masked(url))
    if backend not in ("sqlite", "postgresql"):
        problem = f"{backend} databases are not supported (newsbrief stores its data in SQLite or PostgreSQL)"
        raise invalid(problem, DATABASE_URL_FIX, value=_masked(url))
    if backend == "sqlite" and rest and not rest.startswith("/"):
        raise invalid("an SQLite URL needs three slashes before a relative path", DATABASE_URL_FIX, value=url)
    if backend == "postgresql" and not rest:
        raise invalid("the PostgreSQL URL names no server", DATABASE_URL_FIX, value=url)
    return url


def _masked(url: str) -> str:
    from bot.masking import mask_url  # imports SQLAlchemy: only when a URL is refused

    try:
        return mask_url(url)
    except Exception:  # nothing that cannot be parsed is shown: it might be all password
        return "***"


class _Strict(BaseModel):
    # strict: "30" is not 30, so what the file says is exactly what the bot uses.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class BotSection(_Strict):
    """Process-wide settings."""

    database_url: str = "sqlite:///newsbrief.db"
    ingest_interval_minutes: int = Field(default=30, ge=1, le=1440)
    audit_log: str = Field(default="audit.log.jsonl", min_length=1)
    allow_private_sources: bool = False
    # Bounds on one ingest pass: each source gets this much wall-clock time (its items not read by
    # then are retried next pass), and at most this many of a feed's newest items are taken.
    source_time_budget_seconds: float = Field(default=120.0, gt=0, le=3600)
    max_items_per_feed: int = Field(default=200, ge=1, le=10_000)

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        return check_database_url(value)


class ScopeOverrides(_Strict):
    """Settings a workspace/guild or channel may override; ``None`` means inherit."""

    brief_sentences: BriefSentences | None = None
    brief_words: BriefWords | None = None
    algorithm: Algorithm | None = None
    max_stories: MaxStories | None = None
    pictures: bool | None = None
    timezone: str | None = None
    post_when_quiet: bool | None = None
    threads: bool | None = None
    follow_hours: FollowHours | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        return None if value is None else check_timezone(value)


class Defaults(_Strict):
    """Global defaults: the last scope in channel → workspace → global resolution."""

    brief_sentences: BriefSentences = 3
    brief_words: BriefWords = 90
    algorithm: Algorithm = "lexrank"
    max_stories: MaxStories = 5
    # Digest posts carry a coverage picture per story (bot.render.coverage_picture); /framing always does.
    pictures: bool = False
    timezone: str = "UTC"
    post_when_quiet: bool = False
    # Each posted story is a thread root; updates as the story grows go into its thread (bot.threads).
    threads: bool = False
    follow_hours: FollowHours = 48

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return check_timezone(value)


class Source(_Strict):
    """One outlet to ingest, by feed or by page."""

    name: str = Field(pattern=r"^[a-z0-9-]+$", max_length=64)
    outlet: str = Field(min_length=1)
    feed: str | None = None
    page: str | None = None
    bias: str | None = Field(default=None, min_length=1)
    bias_source: str | None = Field(default=None, min_length=1)

    @field_validator("feed", "page")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        return None if value is None else check_url(value)

    @model_validator(mode="after")
    def _one_location_and_labelled_bias(self) -> Source:
        if (self.feed is None) == (self.page is None):
            raise invalid("give exactly one of feed or page", 'set feed = "https://…" or page = "https://…"', "feed")
        if self.bias is not None and self.bias_source is None:
            raise invalid(
                "a bias label needs the place it came from",
                'add bias_source = "…" (who rated the outlet), or remove bias',
                "bias_source",
            )
        return self


class Channel(ScopeOverrides):
    """A chat channel that receives scheduled briefs."""

    platform: Platform
    channel_id: PlatformId
    workspace: PlatformId | None = None
    schedule: str
    include_topics: list[str] = Field(default_factory=list)
    exclude_topics: list[str] = Field(default_factory=list)

    @field_validator("schedule")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        return check_cron(value)

    @property
    def ref(self) -> str:
        """The ``platform:channel_id`` reference used in dotted keys."""
        return f"{self.platform}:{self.channel_id}"


class Admins(_Strict):
    """Users (Slack) and roles (Discord) allowed to change the configuration."""

    slack_users: list[PlatformId] = Field(default_factory=list)
    discord_roles: list[PlatformId] = Field(default_factory=list)


class NewsbriefConfig(_Strict):
    """The whole configuration file."""

    bot: BotSection = Field(default_factory=BotSection)
    defaults: Defaults = Field(default_factory=Defaults)
    workspaces: dict[str, ScopeOverrides] = Field(default_factory=dict)
    sources: list[Source] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    admins: Admins = Field(default_factory=Admins)

    @field_validator("sources")
    @classmethod
    def _unique_sources(cls, sources: list[Source]) -> list[Source]:
        _no_duplicates([s.name for s in sources], "source name", "give each source its own name")
        return sources

    @field_validator("channels")
    @classmethod
    def _unique_channels(cls, channels: list[Channel]) -> list[Channel]:
        _no_duplicates([c.ref for c in channels], "channel", "merge the two [[channels]] entries")
        return channels

    @model_validator(mode="after")
    def _no_private_sources(self) -> NewsbriefConfig:
        if self.bot.allow_private_sources:
            return self
        for source in self.sources:
            kind, url = ("feed", source.feed) if source.feed is not None else ("page", source.page)
            reason = private_host_reason(url or "")
            if reason is not None:
                raise invalid(
                    f"points at a {reason}, which the bot will not fetch by default",
                    "use the outlet's public address; only if this bot must read feeds on your own network, "
                    "set allow_private_sources = true under [bot] in the file (not possible from chat)",
                    f"sources.{source.name}.{kind}",
                    value=url,
                )
        return self

    def source(self, name: str) -> Source | None:
        """The source called ``name``, if any."""
        return next((s for s in self.sources if s.name == name), None)

    def channel(self, platform: str, channel_id: str) -> Channel | None:
        """The channel entry for ``platform:channel_id``, if any."""
        return next((c for c in self.channels if c.platform == platform and c.channel_id == channel_id), None)


def _no_duplicates(names: list[str], what: str, fix: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise invalid(f"duplicate {what} {name!r}", fix, value=name)
        seen.add(name)


@dataclass(frozen=True)
class EffectiveSettings:
    """Settings for one channel after resolving channel → workspace → global defaults."""

    brief_sentences: int
    brief_words: int
    algorithm: str
    max_stories: int
    timezone: str
    post_when_quiet: bool
    pictures: bool = False
    schedule: str | None = None
    include_topics: list[str] = field(default_factory=list)
    exclude_topics: list[str] = field(default_factory=list)
    threads: bool = False
    follow_hours: int = 48


SCOPED_KEYS: tuple[str, ...] = tuple(ScopeOverrides.model_fields)


def effective_settings(
    config: NewsbriefConfig, platform: str, channel_id: str, workspace: str | None = None
) -> EffectiveSettings:
    """Resolve each scoped setting from the channel, then its workspace/guild, then ``[defaults]``.

    ``workspace`` falls back to the channel entry's own ``workspace`` when not given.
    """
    channel = config.channel(platform, channel_id)
    ws_id = workspace if workspace is not None else (channel.workspace if channel else None)
    scopes: list[BaseModel] = [s for s in (channel, config.workspaces.get(ws_id or "")) if s is not None]
    resolved: dict[str, Any] = {}
    for key in SCOPED_KEYS:
        value = next((getattr(s, key) for s in scopes if getattr(s, key) is not None), None)
        resolved[key] = value if value is not None else getattr(config.defaults, key)
    return EffectiveSettings(
        **resolved,
        schedule=channel.schedule if channel else None,
        include_topics=list(channel.include_topics) if channel else [],
        exclude_topics=list(channel.exclude_topics) if channel else [],
    )
