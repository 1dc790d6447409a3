"""Alembic environment: the same settings and metadata as the application."""

from alembic import context
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table on the metadata)
from models.db import is_sqlite, make_sync_engine
from models.settings import get_settings

config = context.config
database_url: str = config.attributes.get("database_url") or get_settings().database_url


def run_migrations() -> None:
    engine = make_sync_engine(database_url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=SQLModel.metadata,
            render_as_batch=is_sqlite(database_url),  # SQLite alters tables by copying them
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
