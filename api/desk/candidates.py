"""The candidate rows of the meeting form, read as the API's `candidates` list, and the API's field names mapped
back to the rows they came from.

A row is chosen from the registry: its recipient (`unit:<id>` or `person:<id>`), the award, the achievement and the
declared facts (`candidates.<row>.facts.<name>`). Blank rows are left out, so the API's `candidates.<k>` is the
k-th row that was filled in; `rows` remembers which.
"""

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from models.domain.errors import Problem
from models.domain.facts import DossierFacts
from models.domain.limits import MAX_BLOCK_ROWS

FACT_NAMES = tuple(DossierFacts.model_fields)
ROW_FIELDS = ("recipient", "award_code", "achievement")
# The API names a candidate's recipient unit_id or person_id; the form has one choice for both.
RECIPIENT_FIELDS = frozenset({"unit_id", "person_id"})


def row_count(form: FormData | None, default: int = 3) -> int:
    """How many candidate rows the form shows: those posted (one more when asked), never more than a block has."""
    if form is None:
        return default
    indices = [int(k.split(".")[1]) for k in form if k.startswith("candidates.") and k.split(".")[1].isdigit()
               and int(k.split(".")[1]) < MAX_BLOCK_ROWS]
    shown = max(indices, default=-1) + 1 + (1 if form.get("more") else 0)
    return min(max(shown, 1), MAX_BLOCK_ROWS)


def row_fields(rows: int) -> list[str]:
    return [name for i in range(rows) for name in
            (f"candidates.{i}", *(f"candidates.{i}.{f}" for f in ROW_FIELDS),
             *(f"candidates.{i}.facts.{f}" for f in FACT_NAMES))]


def candidate_of(form: FormData, row: int) -> dict[str, Any] | None:
    """One row as the API's candidate, or None when the row was left blank."""
    prefix = f"candidates.{row}."
    recipient = str(form.get(prefix + "recipient", "")).strip()
    award = str(form.get(prefix + "award_code", "")).strip()
    achievement = str(form.get(prefix + "achievement", "")).strip()
    facts = {name: str(form.get(f"{prefix}facts.{name}", "")).strip() for name in FACT_NAMES}
    if not (recipient or award or achievement or any(facts.values())):
        return None
    kind, _, ident = recipient.partition(":")
    return {"award_code": award, "achievement": achievement,
            "unit_id": ident if kind == "unit" else None, "person_id": ident if kind == "person" else None,
            "facts": {name: value for name, value in facts.items() if value}}


@dataclass
class CandidateRows:
    candidates: list[dict[str, Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the form row of each candidate the API is given

    @classmethod
    def of(cls, form: FormData, shown: int) -> "CandidateRows":
        read = cls()
        for row in range(shown):
            candidate = candidate_of(form, row)
            if candidate is not None:
                read.candidates.append(candidate)
                read.rows.append(row)
        return read

    def on_row(self, problem: Problem) -> Problem:
        """`candidates.<k>.unit_id` of the API is shown beside the form row's recipient, and so on."""
        parts = problem.field.split(".")
        if parts[0] != "candidates" or len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) >= len(self.rows):
            return problem
        return Problem(row_field(self.rows[int(parts[1])], parts[2:]), problem.rule, problem.message, vi=problem.vi)


def row_field(row: int, rest: list[str]) -> str:
    if rest and rest[0] in RECIPIENT_FIELDS:
        rest = ["recipient"]
    return ".".join(["candidates", str(row), *rest])
