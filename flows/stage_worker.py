"""Stages finished by Prefect task workers: long-lived processes that receive each stage from the Prefect server
as soon as the API records it (a websocket, no polling) and run its flow in-process (no process spawned per run).

Measured against the process worker of prefect.yaml (benchmarks/scale_out_latency.py): the process worker pays its
polling interval and a Python start for every stage; a task worker pays neither.
"""

from prefect import tags, task
from prefect.task_worker import serve

from flows.registry import STAGE_FLOWS
from models.domain.enums import StageKind


@task(name="finish-stage", task_run_name="{kind}-{subject_id}")
async def finish_stage(kind: str, subject_id: int, run_tags: list[str]) -> None:
    """The stage's own flow, with the tags an administrator filters by; its flow run is the one the UI shows."""
    flow_fn, _ = STAGE_FLOWS[StageKind(kind)]
    with tags(*run_tags):
        await flow_fn(subject_id)


def serve_stages(limit: int) -> None:
    """Run stages until stopped, at most `limit` at once (each holds one database connection while it runs)."""
    serve(finish_stage, limit=limit)
