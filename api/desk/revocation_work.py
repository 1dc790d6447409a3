"""The inbox's revocation tasks, one set-based query each: the nominations flagged because an award they relied on
was revoked (the secretary's), and the revoking decisions waiting to be signed (the Chairman's office's)."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.desk.work import Task
from models.domain.enums import DecisionStatus
from models.recording.revocation_flags import CLOSED
from models.storage.revocations import record_labels
from models.tables.award import Award
from models.tables.nomination import AwardRecord, Nomination
from models.tables.revocation import Revocation, RevocationFlag


async def flagged_nominations(session: AsyncSession) -> list[Task]:
    """Flags still to act on: the nomination is neither closed (withdrawn, declined …) nor its own award revoked
    since. Its page keeps every flag."""
    revoked_own = select(AwardRecord.nomination_id).join(Revocation, col(Revocation.award_record_id) == AwardRecord.id
                                                         ).where(Revocation.status == DecisionStatus.SIGNED,
                                                                 col(AwardRecord.nomination_id).is_not(None))
    flags = (await session.exec(
        select(RevocationFlag).join(Nomination, col(Nomination.id) == RevocationFlag.nomination_id)
        .where(col(Nomination.state).not_in(CLOSED), col(Nomination.id).not_in(revoked_own))
        .order_by(col(RevocationFlag.id)))).all()
    return [Task("Xem lại hồ sơ có khen thưởng làm căn cứ đã bị hủy bỏ", f"Hồ sơ số {f.nomination_id}: {f.message_vi}",
                 f"/desk/nominations/{f.nomination_id}#canh-bao") for f in flags]


async def revocations_to_sign(session: AsyncSession) -> list[Task]:
    drafts = (await session.exec(
        select(Revocation, AwardRecord, Award.name)
        .join(AwardRecord, col(AwardRecord.id) == Revocation.award_record_id)
        .join(Award, col(Award.id) == AwardRecord.award_id)
        .where(Revocation.status == DecisionStatus.DRAFT).order_by(col(Revocation.id)))).all()
    labels = await record_labels(session, [record for _, record, _ in drafts])
    return [Task("Ký Quyết định hủy bỏ khen thưởng",
                 f"Dự thảo số {r.id}: {award} năm {record.year} của {labels[record.id].name}",
                 f"/desk/nominations/{record.nomination_id}#huy-bo" if record.nomination_id else None)
            for r, record, award in drafts]
