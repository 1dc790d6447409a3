"""Fixtures: one Prefect test harness per session, and a fresh migrated database per test on each backend.

Backends come from TDKT_TEST_DATABASES ("sqlite", "postgresql" or both, comma-separated); PostgreSQL is
reached at TDKT_TEST_POSTGRES_URL. A backend that is asked for and unreachable fails the run: it never skips.
"""

import contextlib
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from importlib.resources import files
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# One signing key for this process and the service subprocesses the tests start.
os.environ.setdefault("TDKT_SECRET_KEY", "tdkt-test-signing-key-0123456789abcdef")

import httpx
import pytest
from prefect.testing.utilities import prefect_test_harness
from sqlalchemy import make_url, text
from sqlmodel import SQLModel

from migrations import upgrade
from models.settings import get_settings
from models.storage.db import make_async_engine, make_sync_engine, use_engine
from tests.databases import create_database, drop_database
from tests.demo import DemoProvince, load_demo
from tests.desk import SignIn, desk_sign_in
from tests.year import AUDITOR, as_user

BACKENDS = [b.strip() for b in os.environ.get("TDKT_TEST_DATABASES", "sqlite").split(",") if b.strip()]
POSTGRES_URL = os.environ.get("TDKT_TEST_POSTGRES_URL", "postgresql+psycopg://tdkt:tdkt@127.0.0.1:5432/tdkt_test")


@pytest.fixture(scope="session", autouse=True)
def prefect_harness() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_migrated() -> Iterator[str]:
    """A database of this test session's own on the PostgreSQL server, so parallel runs never meet."""
    name = f"{make_url(POSTGRES_URL).database}_{os.getpid()}"
    url = create_database(POSTGRES_URL, name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    drop_database(POSTGRES_URL, name)


def _truncate_all(url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    engine = make_sync_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


async def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database with the migrated schema; every session of this process uses it during the test."""
    if request.param == "sqlite":
        path = tmp_path / "tdkt.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    elif request.param == "postgresql":
        url = request.getfixturevalue("postgres_migrated")
        _truncate_all(url)
    else:
        raise ValueError(f"Unknown test database backend {request.param!r}")
    # Stage flows run in this process and open their own sessions, so the engine is swapped process-wide
    # rather than through app.dependency_overrides, which would reach the API's sessions only.
    engine = make_async_engine(url)
    use_engine(engine)
    yield url
    use_engine(None)
    await engine.dispose()


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async for url in fresh_database(request, tmp_path):
        yield url


# For a test that needs PostgreSQL itself (a server to restart, a Prefect server beside it): run it there alone,
# when the run asks for PostgreSQL.
postgresql_only = pytest.mark.parametrize("database_url", [b for b in BACKENDS if b == "postgresql"], indirect=True)


@pytest.fixture
async def demo(database_url: str) -> DemoProvince:
    return await load_demo()


def app_client() -> httpx.AsyncClient:
    from api.main import create_app

    transport = httpx.ASGITransport(app=create_app())
    return httpx.AsyncClient(transport=transport, base_url="http://tdkt.test", timeout=120)


@pytest.fixture
async def anonymous(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client() as http:
        yield http


@pytest.fixture
async def client(demo: DemoProvince) -> AsyncIterator[httpx.AsyncClient]:
    """Logged in as the demo auditor (reads everything, changes nothing); writes name their role's login."""
    async with app_client() as http:
        http.headers.update(await as_user(http, AUDITOR))
        yield http


@pytest.fixture
async def visitor(demo: DemoProvince) -> AsyncIterator[httpx.AsyncClient]:
    """A browser at the desk, not signed in: a client with a cookie jar of its own."""
    async with app_client() as http:
        yield http


@pytest.fixture
async def signed_in(demo: DemoProvince) -> AsyncIterator[SignIn]:
    """Sign in at the desk as a demo account, each in a browser of its own (one cookie jar per person)."""
    async with contextlib.AsyncExitStack() as stack:
        async def sign_in(username: str) -> httpx.AsyncClient:
            http = await stack.enter_async_context(app_client())
            response = await desk_sign_in(http, username)
            assert response.status_code == 303, response.text
            return http

        yield sign_in


@pytest.fixture
def own_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A province's own catalogue file, a copy of the shipped one for the test to change, in force for the test."""
    path = tmp_path / "catalogue-tinh.toml"
    path.write_text(files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("TDKT_CATALOGUE_FILE", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()
