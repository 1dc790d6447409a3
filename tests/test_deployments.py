"""prefect.yaml declares every flow, and the scale-out runner hands stages to Prefect workers."""

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName, FlowRunFilter, FlowRunFilterTags
from prefect.flows import load_flow_from_entrypoint

from flows.monitoring import installation_tag
from flows.reconciler import reconcile_stages
from flows.registry import DEPLOYMENT, STAGE_FLOWS
from models.settings import get_settings
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, Year, as_user, open_meeting, results_body

ROOT = Path(__file__).parent.parent


def declared() -> list[dict[str, Any]]:
    deployments: list[dict[str, Any]] = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]
    return deployments


def test_prefect_yaml_declares_one_deployment_per_flow_and_schedules_the_reconciler() -> None:
    flows: list[Any] = [load_flow_from_entrypoint(str(ROOT / d["entrypoint"])) for d in declared()]
    expected = {f.name for f, _ in STAGE_FLOWS.values()} | {reconcile_stages.name}
    assert sorted(f.name for f in flows) == sorted(expected), "one deployment per flow, none twice"
    assert {d["name"] for d in declared()} == {DEPLOYMENT}
    [reconciler] = [d for d in declared() if d["entrypoint"].endswith(":reconcile_stages")]
    assert reconciler["schedules"] == [{"interval": 300}]


@pytest.fixture
def deployment_runner(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("TDKT_STAGE_RUNNER", "deployment")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


async def test_in_scale_out_mode_the_api_queues_the_stage_for_a_worker(
    client: httpx.AsyncClient, demo: DemoProvince, deployment_runner: Any
) -> None:
    [entry] = [d for d in declared() if d["entrypoint"].endswith(":tally_block_meeting")]
    flow: Any = load_flow_from_entrypoint(str(ROOT / entry["entrypoint"]))
    await (await flow.ato_deployment(name=DEPLOYMENT)).aapply()  # what `prefect deploy` registers
    year = Year()
    await open_meeting(client, demo, year)

    response = await client.post(f"/meetings/{year.meeting_id}/results", headers=await as_user(client, BLOCK_HEAD),
                                 json=results_body(demo, year))
    assert response.status_code == 202, "recorded; a worker will finish it"
    assert response.json()["stage"]["status"] == "recorded"
    assert {n["state"] for n in response.json()["nominations"]} == {"nominated"}

    async with get_client() as prefect:
        runs = await prefect.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[DEPLOYMENT])),
            flow_run_filter=FlowRunFilter(tags=FlowRunFilterTags(
                # this database's run: the other backend's run of this test numbers its meeting alike
                all_=[await installation_tag(), f"meeting_tally:{year.meeting_id}"])))
    assert len(runs) == 1
    assert runs[0].parameters == {"meeting_id": year.meeting_id}
    assert {"tdkt", "year:2026", "block:KHOI-KINH-TE"} <= set(runs[0].tags)
    assert runs[0].state is not None and runs[0].state.is_scheduled()

