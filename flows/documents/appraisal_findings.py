"""What the TĐKT office's appraisal found in the block proposals behind a council session (its Tờ trình's "kết quả
thẩm định"): the dossiers received, those found complete and meeting their award's criteria, those returned with
the notice and the reasons the screening recorded, those on hold. Read in a handful of queries, whatever their
number, from the screening stages' own transitions, never judged again with today's rules."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from docx_templates.formatting import vn_date
from models.domain.enums import StageKind, State
from models.domain.papers import return_reason_vi
from models.storage.queries import awards_by_id, candidate_labels
from models.tables.nomination import Nomination, Transition
from models.tables.paper import IssuedPaper
from models.tables.proposal import ProposalItem, ScreeningResult
from models.tables.stage import Stage


async def appraisal_findings(session: AsyncSession, nomination_ids: Sequence[int], office: str) -> list[str]:
    """One line each, without "- " and the closing ";"/"." (the template adds them)."""
    proposal_ids = list((await session.exec(select(ProposalItem.proposal_id).where(
        col(ProposalItem.nomination_id).in_(nomination_ids)).distinct())).all())
    if not proposal_ids:
        return []
    received = (await session.exec(select(func.count()).select_from(ProposalItem).where(
        col(ProposalItem.proposal_id).in_(proposal_ids)))).one()
    stages = select(Stage.id).where(Stage.kind == StageKind.SCREENING, col(Stage.subject_id).in_(proposal_ids))
    moved = dict((await session.exec(select(Transition.to_state, func.count()).where(
        col(Transition.stage_id).in_(stages)).group_by(col(Transition.to_state)))).all())
    held = (await session.exec(select(func.count()).select_from(Nomination).join(
        ProposalItem, col(ProposalItem.nomination_id) == Nomination.id).where(
        col(ProposalItem.proposal_id).in_(proposal_ids), Nomination.state == State.ON_HOLD))).one()
    lines = [f"Tiếp nhận {received:02d} hồ sơ đề nghị khen thưởng kèm theo {len(proposal_ids):02d} Tờ trình nêu trên",
             f"{moved.get(State.ELIGIBLE, 0):02d} hồ sơ đủ thành phần, thủ tục và đạt tiêu chuẩn của danh hiệu, hình "
             f"thức đề nghị, đã được đối chiếu với lịch sử khen thưởng do {office} lưu trữ"]
    lines += await _returned(session, stages)
    if held:
        lines.append(f"{held:02d} hồ sơ tạm dừng xét do đang xác minh đơn thư, xem xét kỷ luật")
    return lines


async def _returned(session: AsyncSession, stages: Any) -> list[str]:
    """The returned dossiers: how many, by which notices, and each with its reasons."""
    rows = (await session.exec(select(Nomination, Transition, ScreeningResult).join(Transition).join(
        Stage, col(Stage.id) == Transition.stage_id).join(
        ScreeningResult, (col(ScreeningResult.nomination_id) == Nomination.id)
        & (col(ScreeningResult.proposal_id) == Stage.subject_id)).where(
        col(Transition.stage_id).in_(stages), Transition.to_state == State.RETURNED).order_by(
        col(Transition.id)))).all()
    if not rows:
        return ["Không có hồ sơ phải trả lại"]
    notices = (await session.exec(select(IssuedPaper).where(
        col(IssuedPaper.stage_id).in_(stages), IssuedPaper.kind == DocumentKind.RETURN_NOTICE).order_by(
        col(IssuedPaper.id)))).all()
    cited = "; ".join(f"số {p.number} {vn_date(p.issued_on)}" for p in notices)
    labels = await candidate_labels(session, [n for n, _, _ in rows])
    awards = await awards_by_id(session)
    lines = [f"{len(rows):02d} hồ sơ chưa đủ điều kiện, tiêu chuẩn, đã trả lại"
             + (f" (Thông báo {cited})" if cited else "")]
    for n, t, r in rows:
        reason = return_reason_vi(r.reason, list(t.evidence.get("rules", []))).rstrip(".")
        lines.append(f"{labels[n.id].name} ({awards[n.award_id].name}): {reason}")
    return lines
