"""Every request body is bounded, so one request cannot cost the server a minute, and errors come back in brief."""

from typing import Any

import httpx

from api.main import create_app
from api.problems import MAX_PROBLEMS_LISTED
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, Year, as_user, open_meeting

# Uploads: bounded by the request size limit.
UNBOUNDED_BY_DESIGN = {"POST /award-history/import file", "POST /organisation/import file",
                       "POST /decisions/{decision_id}/signing-package/check file"}


def unbounded(node: dict[str, Any], schemas: dict[str, Any], path: str, seen: frozenset[str]) -> list[str]:
    """Arrays without maxItems and free strings without maxLength anywhere under this schema node."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return [] if name in seen else unbounded(schemas[name], schemas, path, seen | {name})
    found = [p for key in ("anyOf", "allOf", "oneOf") for sub in node.get(key, [])
             for p in unbounded(sub, schemas, path, seen)]
    if node.get("type") == "array":
        found += [] if "maxItems" in node else [path]
        found += unbounded(node.get("items", {}), schemas, path, seen)
    elif node.get("type") == "string" and not ({"maxLength", "enum", "const"} & node.keys()):
        found += [] if node.get("format") in ("date", "time", "date-time") else [path]
    for name, sub in node.get("properties", {}).items():
        found += unbounded(sub, schemas, f"{path}.{name}" if "." in path else f"{path} {name}", seen)
    return found


def test_every_list_and_string_of_every_request_body_has_a_limit() -> None:
    spec = create_app().openapi()
    schemas = spec["components"]["schemas"]
    found = [p for route, operations in spec["paths"].items() for method, operation in operations.items()
             for content in operation.get("requestBody", {}).get("content", {}).values()
             for p in unbounded(content["schema"], schemas, f"{method.upper()} {route}", frozenset())]
    assert [p for p in found if p not in UNBOUNDED_BY_DESIGN] == []


async def test_a_hundred_thousand_rows_are_refused_at_once_with_a_short_answer(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    body = {"tallies": [{}] * 100_000, "next_head_unit_id": demo.units["STC"]}
    response = await client.post(f"/meetings/{year.meeting_id}/results", json=body,
                                 headers=await as_user(client, BLOCK_HEAD))
    assert response.status_code == 422 and len(response.content) < 10_000
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [("tallies", "input.too_long")]


async def test_many_wrong_rows_list_the_first_fifty_and_count_them_all(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    body = {"tallies": [{"votes_for": -1}] * 600, "next_head_unit_id": demo.units["STC"]}
    response = await client.post(f"/meetings/{year.meeting_id}/results", json=body,
                                 headers=await as_user(client, BLOCK_HEAD))
    problem = response.json()
    assert response.status_code == 422 and len(problem["errors"]) == MAX_PROBLEMS_LISTED
    assert problem["error_count"] == 1800  # each row: no nomination_id, no votes_against, votes_for below 0
    assert problem["detail"].startswith("1800 problems; the first 50: ")
