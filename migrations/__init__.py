"""Schema migrations (Alembic), applied by `tdkt migrate` and when the service starts."""

from pathlib import Path

from alembic import command
from alembic.config import Config

from models.settings import get_settings

HERE = Path(__file__).parent


def alembic_config(database_url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["database_url"] = database_url or get_settings().database_url
    return config


def upgrade(database_url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)
