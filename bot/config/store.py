"""The configuration file as a live store: validated, atomic, audited, watched edits."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock

from bot.config.atomic import write_atomically
from bot.config.audit import ConfigChange, append_audit
from bot.config.errors import MISSING, ConfigError, ConfigIssue
from bot.config.keys import find_item, item_ref, locate, parse_value
from bot.config.model import NewsbriefConfig
from bot.config.preserving import updated_toml
from bot.config.reading import decode_config, read_config_bytes
from bot.config.validate import parse_config_text, read_config_text, validate_config

log = logging.getLogger(__name__)

Listener = Callable[[NewsbriefConfig], None]
ErrorListener = Callable[[ConfigError], None]
Mutation = Callable[[dict[str, Any]], tuple[Any, Any]]
Authorize = Callable[[NewsbriefConfig], None]
"""Called with the config as it is on disk, under the lock, before a change; raises to refuse it."""


class _PathLock:
    """One store's locks: a thread lock for its own threads plus a ``filelock`` lock file for other stores and processes.

    The file lock counts nested holds, so a listener that saves again re-enters it instead of waiting for itself.
    """

    def __init__(self, path: Path) -> None:
        self.thread = threading.RLock()
        self.lock_file = path.parent / f".{path.name}.lock"
        self._file_lock = FileLock(self.lock_file, thread_local=False)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self.thread:
            try:
                self._file_lock.acquire()
            except OSError as exc:
                raise ConfigError.single(
                    str(self.lock_file),
                    MISSING,
                    f"could not lock ({exc.strerror or exc})",
                    "check the folder's permissions",
                ) from None
            try:
                yield
            finally:
                self._file_lock.release()


@dataclass(frozen=True)
class FileCheck:
    """Outcome of looking at the file: unchanged, a valid edit applied, or an invalid edit kept out."""

    status: Literal["unchanged", "applied", "invalid"]
    error: ConfigError | None = None


class ConfigStore:
    """Owns one configuration file; every change is validated, saved atomically and audited.

    Listeners registered with :meth:`subscribe` get the new config after each save and after
    each valid edit of the file found by :meth:`check_for_changes` / :meth:`watch`.
    """

    def __init__(self, path: Path | str, *, audit_log: Path | None = None) -> None:
        self.path = Path(path)
        self._audit_override = audit_log
        # Each store owns its locks: two stores on one file (in this process or another) exclude each
        # other through the lock file, whose flock is per open file, not per process.
        self._path_lock = _PathLock(self.path.resolve())
        self._lock = self._path_lock.thread
        self._config: NewsbriefConfig | None = None
        self._digest: str | None = None
        self._bad_digest: str | None = None
        self._listeners: list[Listener] = []
        self._error_listeners: list[ErrorListener] = []
        self.last_error: ConfigError | None = None

    @property
    def config(self) -> NewsbriefConfig:
        """The last good configuration (loaded on first use)."""
        return self._config if self._config is not None else self.load()

    @property
    def audit_path(self) -> Path:
        """The audit log: the override, else ``[bot] audit_log`` beside the config file."""
        if self._audit_override is not None:
            return self._audit_override
        return self.path.parent / self.config.bot.audit_log

    def load(self) -> NewsbriefConfig:
        """Read and validate the file, raising :class:`ConfigError` if it is unusable."""
        with self._lock:
            raw = read_config_bytes(self.path)
            text = decode_config(raw, self.path)
            self._config = validate_config(parse_config_text(text, str(self.path)))
            self._digest = _digest(raw)
            return self._config

    # -- changes -------------------------------------------------------------------------------

    @property
    def lock_path(self) -> Path:
        """The lock file (``.<name>.lock`` beside the config) that serialises edits across processes."""
        return self._path_lock.lock_file

    def set(self, key: str, raw_value: str, *, actor: str, authorize: Authorize | None = None) -> ConfigChange:
        """Set dotted ``key`` from user-typed text, e.g. ``set("defaults.max_stories", "3")``."""

        def mutate(data: dict[str, Any]) -> tuple[Any, Any]:
            target = locate(data, key, create=True)
            old, new = target.current, parse_value(raw_value, target.model, target.field)
            target.table[target.field] = new
            return old, new

        return self._change(actor, "set", key, mutate, authorize)

    def unset(self, key: str, *, actor: str, authorize: Authorize | None = None) -> ConfigChange:
        """Remove dotted ``key`` so the setting falls back to its default or wider scope."""

        def mutate(data: dict[str, Any]) -> tuple[Any, Any]:
            target = locate(data, key)
            old = target.table.pop(target.field, MISSING)
            if old is MISSING:
                raise ConfigError.single(key, MISSING, "is not set", "nothing to unset")
            return old, MISSING

        return self._change(actor, "unset", key, mutate, authorize)

    def add_source(self, fields: dict[str, Any], *, actor: str, authorize: Authorize | None = None) -> ConfigChange:
        """Append a ``[[sources]]`` entry; its ``name`` must be new."""
        entry = {k: v for k, v in fields.items() if v is not None}
        name = str(entry.get("name", ""))

        def mutate(data: dict[str, Any]) -> tuple[Any, Any]:
            sources = data.setdefault("sources", [])
            if any(isinstance(s, dict) and item_ref("sources", s) == name for s in sources):
                raise ConfigError.single(
                    f"sources.{name}", name, "a source with this name exists", "choose another name or remove it first"
                )
            sources.append(entry)
            return MISSING, entry

        return self._change(actor, "add-source", f"sources.{name}", mutate, authorize)

    def remove_source(self, name: str, *, actor: str, authorize: Authorize | None = None) -> ConfigChange:
        """Delete the ``[[sources]]`` entry called ``name``."""

        def mutate(data: dict[str, Any]) -> tuple[Any, Any]:
            entry = find_item(data, "sources", name)
            data["sources"].remove(entry)
            return entry, MISSING

        return self._change(actor, "remove-source", f"sources.{name}", mutate, authorize)

    def set_schedule(
        self,
        platform: str,
        channel_id: str,
        schedule: str,
        timezone: str | None = None,
        *,
        workspace: str | None = None,
        actor: str,
        authorize: Authorize | None = None,
    ) -> ConfigChange:
        """Set a channel's cron schedule (and timezone), creating its ``[[channels]]`` entry."""
        ref = f"{platform}:{channel_id}"

        def mutate(data: dict[str, Any]) -> tuple[Any, Any]:
            channels = data.setdefault("channels", [])
            entry = next((c for c in channels if isinstance(c, dict) and item_ref("channels", c) == ref), None)
            old: Any = MISSING
            if entry is None:
                entry = {"platform": platform, "channel_id": channel_id}
                channels.append(entry)
            else:
                old = {k: entry[k] for k in ("schedule", "timezone") if k in entry}
            entry["schedule"] = schedule
            if timezone is not None:
                entry["timezone"] = timezone
            if workspace is not None and "workspace" not in entry:
                entry["workspace"] = workspace
            return old, {k: entry[k] for k in ("schedule", "timezone") if k in entry}

        return self._change(actor, "schedule", f"channels.{ref}.schedule", mutate, authorize)

    def _change(
        self, actor: str, action: str, key: str, mutate: Mutation, authorize: Authorize | None = None
    ) -> ConfigChange:
        # Read-modify-write under the thread lock and the cross-process flock; re-read because another
        # process (`newsbrief config set` beside the bot), store or hand edit may have changed the file.
        with self._path_lock.exclusive():
            text = read_config_text(self.path)
            try:
                data = parse_config_text(text, str(self.path))
                current = validate_config(data)
                if not data and self._config is not None:  # truncated under us: do not save over it
                    raise ConfigError([_emptied(self.path)])
            except ConfigError as exc:
                first = ConfigIssue(
                    str(self.path), MISSING, "the file has errors, so no change was made", "fix these by hand first"
                )
                raise ConfigError([first, *exc.issues]) from None
            if authorize is not None:
                authorize(current)
            old, new = mutate(data)
            config = validate_config(data)
            encoded = updated_toml(text, data).encode("utf-8")
            try:
                write_atomically(self.path, encoded)
            except OSError as exc:
                raise ConfigError.single(
                    str(self.path), MISSING, f"could not save ({exc.strerror})", "check disk space and permissions"
                ) from None
            self._accept(config, _digest(encoded))
            change = ConfigChange.now(actor, action, key, old, new)
            try:
                append_audit(self.audit_path, change)
            except OSError:
                log.exception("config saved but audit log %s could not be written", self.audit_path)
            self._notify(config)
            return change

    # -- change detection ------------------------------------------------------------------------

    def subscribe(self, listener: Listener, *, on_error: ErrorListener | None = None) -> Callable[[], None]:
        """Call ``listener`` with each new config (and ``on_error`` on a bad hand edit).

        Listeners run in the saving thread while the store is locked, so they see changes in
        order; keep them quick. Returns a function that unsubscribes.
        """
        self._listeners.append(listener)
        if on_error is not None:
            self._error_listeners.append(on_error)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)
            if on_error is not None and on_error in self._error_listeners:
                self._error_listeners.remove(on_error)

        return unsubscribe

    def check_for_changes(self) -> FileCheck:
        """Compare the file with the last good version; apply a valid edit, report a bad one.

        Compares content hashes rather than only mtimes, which can be equal for quick edits.
        A bad edit is reported once; the last good config stays in force.
        """
        with self._lock:
            try:
                raw = read_config_bytes(self.path)
            except ConfigError as exc:
                return self._reject("unreadable", exc)
            digest = _digest(raw)
            if digest == self._digest:
                self._bad_digest, self.last_error = None, None  # a bad edit may have been undone
                return FileCheck("unchanged")
            if digest == self._bad_digest:
                return FileCheck("invalid", self.last_error)
            try:
                data = parse_config_text(decode_config(raw, self.path), str(self.path))
                config = validate_config(data)
                hollow = _hollow_edit(self.path, data, config, self._config)
                if hollow is not None:
                    raise ConfigError([hollow])
            except ConfigError as exc:
                return self._reject(digest, exc)
            self._accept(config, digest)
            log.info("configuration reloaded from %s", self.path)
            self._notify(config)
            return FileCheck("applied")

    async def watch(self, interval: float = 2.0) -> None:
        """Poll the file every ``interval`` seconds until cancelled; never raises on a bad edit."""
        while True:
            try:
                await asyncio.to_thread(self.check_for_changes)
            except Exception:  # a bug here must not stop the bot; it is logged with its traceback
                log.exception("checking %s for changes failed", self.path)
            await asyncio.sleep(interval)

    def _accept(self, config: NewsbriefConfig, digest: str) -> None:
        self._config, self._digest = config, digest
        self._bad_digest, self.last_error = None, None

    def _reject(self, digest: str, error: ConfigError) -> FileCheck:
        if digest == self._bad_digest:
            return FileCheck("invalid", self.last_error)
        self._bad_digest, self.last_error = digest, error
        log.error("ignoring invalid edit of %s; keeping the last good config:\n%s", self.path, error.user_message)
        for on_error in list(self._error_listeners):
            _call_safely(on_error, error)
        return FileCheck("invalid", error)

    def _notify(self, config: NewsbriefConfig) -> None:
        for listener in list(self._listeners):
            _call_safely(listener, config)


def _call_safely(callback: Callable[[Any], None], arg: Any) -> None:
    try:
        callback(arg)
    except Exception:  # one broken subscriber must not block the others or the save
        log.exception("config listener %r failed", callback)


def _emptied(path: Path) -> ConfigIssue:
    return ConfigIssue(
        str(path),
        MISSING,
        "the file is empty (no settings at all): it looks truncated",
        "restore it; newsbrief keeps the last good configuration until then",
    )


def _hollow_edit(
    path: Path, data: dict[str, Any], new: NewsbriefConfig, last_good: NewsbriefConfig | None
) -> ConfigIssue | None:
    """A hand edit that empties the file, or drops every source and every channel at once, is taken for a
    truncated or half-written file (a crashed editor, a full disk), not a wish; ``None`` for any other edit.

    Every digest job, source and admin would vanish with it, so the last good configuration stays in force.
    """
    if not data:
        return _emptied(path)
    if last_good is not None and (last_good.sources or last_good.channels) and not (new.sources or new.channels):
        return ConfigIssue(
            str(path),
            MISSING,
            f"the edit removes every source ({len(last_good.sources)}) and every channel ({len(last_good.channels)})"
            ": it looks truncated",
            "restore them; to really run with none, restart newsbrief with this file",
        )
    return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
