"""Bảng tổng hợp điểm: the block's consolidated scoring table, printed from a closed round.

A closed round changes no more, so the same round always prints the same bytes; it is dated the day it closed."""

from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import ScoringTableContext, ScoringTableRow, Signer
from docx_templates.text_width import subject_rule_mm
from flows.documents.header import header, province_upper
from models.domain.scoring import breakdown, points_vi
from models.domain.vietnamese import RATING_VI, SCORING_ROUND_VI
from models.recording.common import block_head
from models.recording.scoring_table import ScoringTable, TableRow, scoring_table
from models.tables.movement_scoring import BlockScoring, CriteriaSet
from models.tables.organisation import EmulationBlock, Unit


def _criteria_points(row: TableRow, definition: Any, self_scored: bool) -> Decimal:
    points = {v.entry.criterion_code: v.entry.self_points if self_scored else v.effective for v in row.entries}
    return sum(breakdown(definition, row.unit_id, points).groups.values(), Decimal(0))


def _rows(table: ScoringTable, criteria_set: CriteriaSet) -> list[ScoringTableRow]:
    definition = criteria_set.parsed()
    return [ScoringTableRow(
        rank=str(r.rank), name=r.unit_name,
        self_points=points_vi(_criteria_points(r, definition, self_scored=True)),
        reviewed_points=points_vi(_criteria_points(r, definition, self_scored=False)),
        bonus=points_vi(r.result.bonus), penalty=points_vi(r.result.penalty), total=points_vi(r.result.total),
        rating=RATING_VI[r.result.rating]) for r in table.rows]


def _adjustments(table: ScoringTable) -> list[str]:
    return [f"{r.unit_name}, tiêu chí {v.entry.criterion_code}: tự chấm {points_vi(v.entry.self_points)} điểm, "
            f"Trưởng Khối chấm {points_vi(v.effective)} điểm; lý do: {v.adjustments[-1].reason}"
            for r in table.rows for v in r.entries if v.adjustments and v.effective != v.entry.self_points]


async def build_scoring_table(session: AsyncSession, scoring: BlockScoring) -> tuple[dict[str, Any], str]:
    criteria_set = await session.get_one(CriteriaSet, scoring.criteria_set_id)
    block = await session.get_one(EmulationBlock, scoring.block_id)
    head_unit = await session.get_one(Unit, (await block_head(session, scoring.block_id, scoring.year)).unit_id)
    table = await scoring_table(session, scoring, criteria_set)
    assert scoring.closed_at is not None  # only a closed round is printed
    subject = (f"Tổng hợp kết quả chấm điểm, xếp hạng thi đua năm {scoring.year} "
               f"({SCORING_ROUND_VI[scoring.round].lower()}) của {block.name}")
    source = f", {criteria_set.parsed().source}" if criteria_set.parsed().source else ""
    leader = next((r for r in table.rows if r.unit_id == table.leader_unit_id), None)
    context = ScoringTableContext(
        header=header(f"UBND {province_upper()}", [block.name], "", scoring.closed_at.date()),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        intro=f"Căn cứ {criteria_set.name} (mã {criteria_set.code}, phiên bản {criteria_set.version}{source}), "
              f"kết quả tự chấm điểm của các đơn vị thành viên và kết quả thẩm định của Trưởng Khối, {block.name} "
              "tổng hợp kết quả chấm điểm, xếp hạng như sau:",
        rows=_rows(table, criteria_set),
        adjustments=_adjustments(table),
        leader=(f"Đơn vị dẫn đầu {block.name} năm {scoring.year}: {leader.unit_name} "
                f"({points_vi(leader.result.total)} điểm)./." if leader is not None
                else f"Kết quả chấm điểm chưa xác định được đơn vị dẫn đầu Khối: "
                     f"{table.leader_problem.vi.rstrip('.') if table.leader_problem else ''}./."),
        receivers=[f"Các đơn vị thành viên {block.name}", "Sở Nội vụ (Ban Thi đua - Khen thưởng)",
                   f"Lưu: VT, {head_unit.code}"],
        signer=Signer(prefix="TM. KHỐI THI ĐUA", title="TRƯỞNG KHỐI", name=head_unit.head_name),
    )
    return dict(context), f"bang-tong-hop-diem-{block.code}-{scoring.year}-{scoring.round.value}.docx"
