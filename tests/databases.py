"""PostgreSQL databases of their own on the test server (TDKT_TEST_POSTGRES_URL), made and dropped whole."""

from sqlalchemy import URL, make_url, text

from models.storage.db import make_sync_engine


def _server(postgres_url: str) -> URL:
    return make_url(postgres_url)


def _admin(postgres_url: str, statements: list[str]) -> None:
    admin = make_sync_engine(_server(postgres_url).render_as_string(hide_password=False))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for statement in statements:
            connection.execute(text(statement))
    admin.dispose()


def create_database(postgres_url: str, name: str) -> URL:
    """An empty database `name` (one left by a killed run is dropped first), as a URL on the same server."""
    _admin(postgres_url, [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'])
    return _server(postgres_url).set(database=name)


def drop_database(postgres_url: str, name: str) -> None:
    _admin(postgres_url, [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])
