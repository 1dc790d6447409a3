"""The year-end meeting reads the block's closed final scoring: each collective candidate's `leads_block` and `rating`
facts come from the ranking, and the nomination's first transition cites it (which scoring, set and version, rank,
total). A block with no closed final scoring opens its meeting exactly as before, on the facts its dossiers declare.
"""

from dataclasses import dataclass
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import RecipientKind
from models.domain.errors import DomainError, Problem
from models.domain.movements import ScoringRound, ScoringStatus
from models.domain.scoring import points_vi
from models.domain.vietnamese import RATING_VI
from models.tables.meeting import CandidateCreate
from models.tables.movement_scoring import BlockScoring


@dataclass(frozen=True)
class ScoredYear:
    scoring_id: int
    result: dict[str, Any]

    def row(self, unit_id: int) -> dict[str, Any] | None:
        return next((r for r in self.result["rows"] if r["unit_id"] == unit_id), None)

    def facts(self, unit_id: int) -> dict[str, Any]:
        row = self.row(unit_id)
        if row is None:
            return {}
        return {"leads_block": self.result["leader_unit_id"] == unit_id, "rating": row["rating"]}

    def evidence(self, unit_id: int) -> dict[str, Any] | None:
        row = self.row(unit_id)
        if row is None:
            return None
        return {"scoring_id": self.scoring_id, "criteria_set_id": self.result["criteria_set_id"],
                "criteria_set_code": self.result["criteria_set_code"],
                "criteria_set_version": self.result["criteria_set_version"], "round": self.result["round"],
                "rank": row["rank"], "total": row["total"], "rating": row["rating"],
                "leader_unit_id": self.result["leader_unit_id"]}


async def scored_year(session: AsyncSession, block_id: int, year: int) -> ScoredYear | None:
    """The block's closed year-end scoring, if it has one."""
    scoring = (await session.exec(select(BlockScoring).where(
        BlockScoring.block_id == block_id, BlockScoring.year == year, BlockScoring.round == ScoringRound.FINAL,
        BlockScoring.status == ScoringStatus.CLOSED))).first()
    return None if scoring is None else ScoredYear(scoring.id, scoring.result)


def apply_scoring(scored: ScoredYear, candidates: list[CandidateCreate],
                  kinds: list[RecipientKind]) -> list[dict[str, Any] | None]:
    """Put the ranking's facts on each collective candidate, and refuse a declared fact the ranking contradicts;
    returns each candidate's evidence (None for one the scoring does not cover, such as an individual)."""
    problems: list[Problem] = []
    evidence: list[dict[str, Any] | None] = []
    for i, (candidate, kind) in enumerate(zip(candidates, kinds, strict=True)):
        if kind != RecipientKind.COLLECTIVE or candidate.unit_id is None or scored.row(candidate.unit_id) is None:
            evidence.append(None)
            continue
        ranked = scored.facts(candidate.unit_id)
        for name, value in ranked.items():
            declared = getattr(candidate.facts, name)
            if declared is not None and declared != value:
                problems.append(_contradiction(f"candidates.{i}.facts.{name}", name, value, scored, candidate.unit_id))
        candidate.facts = candidate.facts.model_copy(update=ranked)
        evidence.append(scored.evidence(candidate.unit_id))
    if problems:
        raise DomainError(*problems)
    return evidence


def _contradiction(field: str, name: str, value: Any, scored: ScoredYear, unit_id: int) -> Problem:
    row = scored.row(unit_id) or {}
    said = (f"xếp loại «{RATING_VI[value]}»" if name == "rating"
            else "dẫn đầu Khối" if value else "không phải đơn vị dẫn đầu Khối")
    return Problem(field, "facts.from_scoring",
                   f"The block's closed scoring (scoring {scored.scoring_id}) says {name} is {value!r} for this unit.",
                   vi=f"Theo bảng tổng hợp điểm đã chốt của Khối (mã số {scored.scoring_id}), đơn vị xếp thứ "
                      f"{row.get('rank')} với {points_vi(row.get('total', 0))} điểm, {said}; bỏ thông tin này "
                      "trong hồ sơ hoặc ghi đúng theo kết quả chấm điểm.")
