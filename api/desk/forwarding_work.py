"""The desk's tasks for the awards decided above the province, one set-based query each: council sessions whose
recommendations wait for the Chairman's Tờ trình upward ("chờ trình Trung ương"), Tờ trình sent and waiting for
the central decision ("chờ quyết định Trung ương"), and drafts for the Chairman's office to sign."""

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.desk.work import Task
from models.domain.enums import DecisionStatus, State
from models.recording.forwarding import upward_award_ids
from models.storage.queries import appraised_in_sessions
from models.tables.forwarding import CentralDecision, Forwarding, ForwardingItem
from models.tables.nomination import Nomination


async def secretary_forwarding_tasks(session: AsyncSession) -> list[Task]:
    appraised = appraised_in_sessions()
    waiting = (await session.exec(
        select(appraised.c.session_id, func.count()).join(Nomination, col(Nomination.id) == appraised.c.nomination_id)
        .where(Nomination.state == State.RECOMMENDED, col(Nomination.award_id).in_(await upward_award_ids(session)),
               col(Nomination.id).not_in(select(ForwardingItem.nomination_id)))
        .group_by(appraised.c.session_id).order_by(appraised.c.session_id))).all()
    tasks = [Task("Chờ trình Trung ương: soạn Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng",
                  f"Phiên họp số {sid}: {count} hồ sơ Hội đồng đề nghị", f"/desk/council-sessions/{sid}/forwarding")
             for sid, count in waiting]
    sent = (await session.exec(select(Forwarding).where(
        Forwarding.status == DecisionStatus.SIGNED,
        col(Forwarding.id).not_in(select(CentralDecision.forwarding_id))).order_by(col(Forwarding.id)))).all()
    tasks += [Task("Chờ quyết định Trung ương: ghi nhận Quyết định khi nhận được",
                   f"Tờ trình số {f.number} ngày {f.issued_on:%d/%m/%Y}, năm {f.year}", f"/desk/forwardings/{f.id}")
              for f in sent if f.issued_on is not None]
    return tasks


async def chairman_forwarding_tasks(session: AsyncSession) -> list[Task]:
    drafts = (await session.exec(select(Forwarding, func.count(col(ForwardingItem.nomination_id)))
                                 .join(ForwardingItem, col(ForwardingItem.forwarding_id) == Forwarding.id)
                                 .where(Forwarding.status == DecisionStatus.DRAFT)
                                 .group_by(col(Forwarding.id)).order_by(col(Forwarding.id)))).all()
    return [Task("Ký Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng",
                 f"Dự thảo số {f.id}, năm {f.year}: {count} hồ sơ", f"/desk/forwardings/{f.id}")
            for f, count in drafts]
