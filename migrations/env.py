"""Alembic environment: the same settings and metadata as the application."""

from typing import Any, Literal

from alembic import context
from sqlmodel import SQLModel

import models.tables  # noqa: F401  (registers every table on the metadata)
from models.settings import get_settings
from models.storage.db import is_sqlite, make_sync_engine
from models.tables.base import UTCDateTime

config = context.config


def render_item(type_: str, obj: Any, _context: Any) -> str | Literal[False]:
    """Migrations name plain SQL types; UTCDateTime only changes how Python reads the values."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False

database_url: str = config.attributes.get("database_url") or get_settings().database_url


def run_migrations() -> None:
    engine = make_sync_engine(database_url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=SQLModel.metadata,
            render_as_batch=is_sqlite(database_url),  # SQLite alters tables by copying them
            compare_type=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
