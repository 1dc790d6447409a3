"""The one place configuration is read from the environment."""

import secrets
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StageRunner(StrEnum):
    """How the API starts a stage flow once it has recorded a person's input."""

    INLINE = "inline"  # await the flow in the API process (embedded default)
    DEPLOYMENT = "deployment"  # hand it to Prefect workers through a deployment (scale-out)
    TASK_WORKER = "task_worker"  # hand it to `tdkt stage-worker` processes (scale-out, no polling, no spawn)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TDKT_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./tdkt.db",
        validation_alias=AliasChoices("DATABASE_URL", "TDKT_DATABASE_URL"),
        description="SQLAlchemy URL; sqlite:/// for the embedded default, postgresql+psycopg:// to scale out.",
    )
    province_name: str = "Bắc Ninh"
    # A province's own catalogue (same layout as models/data/catalogue.toml) replaces the shipped one.
    catalogue_file: Path | None = None
    stage_runner: StageRunner = StageRunner.INLINE
    # A stage the API recorded is left to its own flow for this long before the reconciler takes it over.
    reconcile_grace_seconds: int = 60
    reconcile_interval_seconds: int = 300
    # A stage whose flow failed this many times is marked failed rather than retried for ever.
    stage_max_attempts: int = 5
    # Names a point at which a stage flow kills its own process ('<point>@<file>': pauses there); for the tests
    # that prove a crash or an outage loses nothing.
    failpoint: str = ""
    host: str = "127.0.0.1"
    # Without PREFECT_API_URL, `tdkt serve` starts Prefect's server (and UI) here; a free port if it is taken.
    prefect_ui_port: int = 4200
    port: int = 8000
    # LibreOffice converts issued .docx to PDF (GET /documents/{id}/pdf); a name on PATH or a full path.
    soffice: str = "soffice"
    pdf_timeout_seconds: float = 120
    # Signs access tokens. Left unset, each process makes its own, so tokens end with the process; several API
    # processes behind one address must share one value.
    secret_key: str = Field(default_factory=lambda: secrets.token_urlsafe(32), min_length=32)
    access_token_minutes: int = 30
    max_request_bytes: int = 1_048_576
    # Failed logins allowed per account (since its last success) and per client address within the window;
    # beyond them the next attempt gets 429 with Retry-After.
    login_failures_per_account: int = 10
    login_failures_per_address: int = 100
    login_window_seconds: int = 900


@lru_cache
def get_settings() -> Settings:
    return Settings()
