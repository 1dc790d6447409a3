"""The inbox's revocation tasks, one set-based query each: the nominations flagged because an award they relied on
was revoked (the secretary's), and the revoking decisions waiting to be signed (the Chairman's office's)."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.desk.work import Task
from api.revocation_views import flags_public
from models.domain.enums import DecisionStatus
from models.storage.revocations import record_labels
from models.tables.award import Award
from models.tables.nomination import AwardRecord
from models.tables.revocation import Revocation


async def flagged_nominations(session: AsyncSession) -> list[Task]:
    return [Task("Xem lại hồ sơ có khen thưởng làm căn cứ đã bị hủy bỏ", f"Hồ sơ số {f.nomination_id}: {f.message_vi}",
                 f"/desk/nominations/{f.nomination_id}#canh-bao") for f in await flags_public(session)]


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
