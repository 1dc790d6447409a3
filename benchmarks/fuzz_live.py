"""Schema-generated requests against a live `tdkt serve --demo`; prints how many were sent and what came back.

    .venv/bin/python -m benchmarks.fuzz_live [--examples 300]

Starts the service on a fresh SQLite file (with its own Prefect server), logs in as one account holding every
role, and sends `--examples` generated cases per operation, each checked against the schema (status documented,
body of the documented shape, no 5xx). Prints the counts per status and every failure; asserts nothing.
"""

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from benchmarks.live_service import start_demo_service
from tests.test_schema_fuzz import user_with_every_role


def fuzz(operation: Any, base: str, headers: dict[str, str], examples: int, statuses: Counter[int]) -> list[str]:
    failures: list[str] = []

    @given(case=operation.as_strategy())
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.generate])
    def run(case: Any) -> None:
        response = case.call(base_url=base, headers=headers)
        statuses[response.status_code] += 1
        try:
            case.validate_response(response, excluded_checks=[positive_data_acceptance])
        except (Exception, BaseExceptionGroup) as failure:
            failures.append(f"{operation.label}: {str(failure)[:500]}")

    run()
    return failures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=300, help="generated cases per operation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, base = start_demo_service(Path(folder))
        try:
            headers = user_with_every_role(base)
            schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
            operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
            # Last: revoking grants and disabling accounts would take the fuzzing account's own roles away.
            operations.sort(key=lambda op: op.path.startswith("/users/{user_id}") and op.method.upper() != "POST")
            statuses: Counter[int] = Counter()
            failures: list[str] = []
            started = time.perf_counter()
            for operation in operations:
                failures += fuzz(operation, base, headers, args.examples, statuses)
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"{sum(statuses.values())} requests over {len(operations)} operations in {elapsed:.0f} s")
    print("by status: " + ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items())))
    print(f"server errors (5xx): {sum(c for code, c in statuses.items() if code >= 500)}")
    print(f"answers off the schema: {len(failures)}")
    for failure in dict.fromkeys(failures):
        print("  " + failure.replace("\n", " ")[:300])


if __name__ == "__main__":
    main()
