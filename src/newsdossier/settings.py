"""Settings: shipped defaults in settings.toml, overridden by a user file, env vars and flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

ENV_PREFIX = "DOSSIER_"
USER_FILE = "dossier.toml"


class SettingsError(ValueError):
    """A settings file or variable has a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "auto"
    stages: tuple[str, ...] = (
        "language", "sentences", "dates", "actors", "quantities", "events", "quotes",
        "statements", "claims", "places", "consolidate",
    )
    db: str = "dossier.db"
    batch_size: int = 16
    max_file_bytes: int = 20_000_000
    max_article_chars: int = 1_000_000
    actor_dictionaries: tuple[str, ...] = field(default_factory=tuple)
    event_patterns: tuple[str, ...] = field(default_factory=tuple)
    event_intents: tuple[str, ...] = field(default_factory=tuple)
    event_accusations: tuple[str, ...] = field(default_factory=tuple)
    event_mishaps: tuple[str, ...] = field(default_factory=tuple)
    event_confidence: tuple[str, ...] = field(default_factory=tuple)
    event_model: str = "on"
    event_model_weights: str = ""
    quote_cues: tuple[str, ...] = field(default_factory=tuple)
    claim_words: tuple[str, ...] = field(default_factory=tuple)
    thread_embeddings: str = "off"
    place_aliases: tuple[str, ...] = field(default_factory=tuple)
    gazetteer_dir: str = ""
    place_mentions: str = "all"
    progress: str = "auto"
    workers: int = 0
    user_agent: str = ""
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    fetch_delay: float = 1.0
    fetch_robots: str = "obey"
    feed_entries: str = "auto"
    shard_articles: int = 500
    shards_per_round: int = 8

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None values applied (CLI flags use this)."""
        given = {k: _coerce(k, v) for k, v in overrides.items() if v is not None}
        return replace(self, **given)


def _field_types() -> dict[str, Any]:
    return {f.name: f.type for f in fields(Settings)}


def _coerce(key: str, value: Any) -> Any:
    kind = _field_types().get(key)
    if kind is None:
        raise SettingsError(f"unknown setting {key!r}")
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind.startswith("tuple"):
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",") if part.strip()]
            return tuple(str(v) for v in value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {key!r}: cannot use {value!r} ({exc})") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc


def shipped_defaults() -> dict[str, Any]:
    text = resources.files("newsdossier").joinpath("settings.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_settings(config: str | os.PathLike[str] | None = None) -> Settings:
    """Defaults → user file → DOSSIER_* environment variables."""
    values: dict[str, Any] = dict(shipped_defaults())
    user_file = config or os.environ.get(ENV_PREFIX + "CONFIG")
    if user_file:
        values.update(_read_toml(Path(user_file)))
    elif Path(USER_FILE).is_file():
        values.update(_read_toml(Path(USER_FILE)))
    for name in _field_types():
        env_value = os.environ.get(ENV_PREFIX + name.upper())
        if env_value is not None:
            values[name] = env_value
    return Settings(**{k: _coerce(k, v) for k, v in values.items()})
