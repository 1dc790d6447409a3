"""Requests generated from the OpenAPI schema, sent to a running service: no 5xx, no answer off the schema."""

import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from models.storage.demo import demo_data
from tests.service import start_service

ALL_ROLES = "all.roles"


def login(base: str, username: str, password: str) -> dict[str, str]:
    response = httpx.post(f"{base}/login/access-token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def user_with_every_role(base: str) -> dict[str, str]:
    """One caller that may use every endpoint, so the generated requests reach past authorisation."""
    admin = login(base, "admin", demo_data()["accounts"]["password"])
    password = "every-role-password"
    created = httpx.post(f"{base}/users", headers=admin, json={"username": ALL_ROLES, "full_name": "Kiểm thử",
                                                                "password": password})
    assert created.status_code == 201, created.text
    user_id = created.json()["id"]
    for grant in ({"role": "administrator"}, {"role": "council_secretary"}, {"role": "chairman_office"},
                  {"role": "auditor"}, {"role": "block_head", "block_id": 1, "year": 2026}):
        assert httpx.post(f"{base}/users/{user_id}/grants", headers=admin, json=grant).status_code == 201
    return login(base, ALL_ROLES, password)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Iterator[tuple[str, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("fuzz")
    process, base = start_service(f"sqlite:///{folder / 'fuzz.db'}", "", folder / "service.log", "--demo")
    try:
        yield base, user_with_every_role(base)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def fuzz_operation(operation: Any, base: str, headers: dict[str, str]) -> str | None:
    """Run one operation's generated cases; the first failure, described, or None."""

    @given(case=operation.as_strategy())
    @settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.generate])
    def run(case: Any) -> None:
        # Valid-looking data may still break a business rule (unknown ids, wrong state): a 4xx there is correct.
        case.call_and_validate(base_url=base, headers=headers, excluded_checks=[positive_data_acceptance])

    try:
        run()
    except (Exception, BaseExceptionGroup) as failure:  # schemathesis raises a group of check failures
        return f"{operation.label}: {failure}"
    return None


def test_generated_requests_get_answers_the_schema_allows(service: tuple[str, dict[str, str]]) -> None:
    base, headers = service
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 25
    failures = [f for op in operations if (f := fuzz_operation(op, base, headers)) is not None]
    assert failures == [], "\n\n".join(failures)
