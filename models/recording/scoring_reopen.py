"""A closed scoring round opened again: by the block head or the council secretary, with a reason that is logged
beside the ranking the round had. Closing it again ranks it anew from the scores as they then stand.

A year-end meeting reads the closed final ranking when it opens (models/recording/scoring_meeting.py): once the
block's meeting is open, its candidates' facts cite that ranking, so the round can no longer be reopened.
"""

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Conflict, Problem, refuse
from models.domain.movements import ScoringRound, ScoringStatus
from models.recording.common import get_or_404
from models.storage.locks import serialize_on
from models.tables.meeting import BlockMeeting
from models.tables.movement_scoring import BlockScoring, ScoringReopen, ScoringReopening
from models.tables.organisation import EmulationBlock


async def reopen_scoring(session: AsyncSession, scoring_id: int, data: ScoringReopen,
                         actor: Actor) -> BlockScoring:
    """Open a closed round again; the caller commits."""
    if not data.reason.strip():
        raise refuse("reason", "scoring.reopen_reason", "Say why the closed ranking is reopened.",
                     vi="Ghi rõ lý do mở lại đợt chấm điểm đã chốt kết quả.")
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    # The block's lock first, as a meeting opening takes it: a reopen and a meeting opened at once queue.
    await serialize_on(session, EmulationBlock, scoring.block_id, "block_id")
    await serialize_on(session, BlockScoring, scoring_id, "scoring_id")
    await session.refresh(scoring)
    if scoring.status != ScoringStatus.CLOSED:
        raise Conflict(Problem("scoring_id", "scoring.not_closed", "This round is open already.",
                               vi="Đợt chấm điểm này đang mở, chưa chốt kết quả: không cần mở lại."))
    if scoring.round == ScoringRound.FINAL:
        meeting = (await session.exec(select(BlockMeeting).where(
            BlockMeeting.block_id == scoring.block_id, BlockMeeting.year == scoring.year))).first()
        if meeting is not None:
            raise Conflict(Problem(
                "scoring_id", "scoring.meeting_opened",
                f"The block's year-end meeting (meeting {meeting.id}) was opened from this ranking.",
                vi=f"Khối đã mở hội nghị tổng kết năm {scoring.year} (hội nghị mã số {meeting.id}, ngày "
                   f"{meeting.held_on:%d/%m/%Y}) từ kết quả xếp hạng này; hồ sơ đề nghị đã trích dẫn thứ hạng và "
                   "xếp loại của các đơn vị, nên không mở lại được đợt chấm điểm."))
    session.add(ScoringReopening(scoring_id=scoring.id, reason=data.reason.strip(), previous_result=scoring.result,
                                 previous_closed_by=scoring.closed_by, previous_closed_at=scoring.closed_at,
                                 reopened_by=actor.username))
    scoring.status = ScoringStatus.OPEN
    scoring.closed_by, scoring.closed_at = None, None
    # The vote order stays: closing again reads it unless the head gives another.
    scoring.result = {"vote_order": scoring.result.get("vote_order", [])}
    session.add(scoring)
    await session.flush()
    return scoring
