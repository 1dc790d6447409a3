"""The central decision on a forwarded Tờ trình, as the secretary records it when it arrives: its number, date, who
decided, and per nomination awarded or not. Its flow moves each nomination `forwarded → awarded | declined` and
enters the awards in the award history, so later eligibility chains read them."""

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import DecisionStatus, StageKind, State
from models.domain.errors import Conflict, Problem, refuse
from models.recording.common import get_or_404, nominations_by_id, record_stage, require_states, require_unique
from models.recording.forwarding import forwarding_items
from models.storage.locks import serialize_on
from models.tables.forwarding import CentralDecision, CentralDecisionCreate, CentralDecisionItem, Forwarding
from models.tables.stage import Stage


async def record_central_decision(
    session: AsyncSession, forwarding_id: int, data: CentralDecisionCreate, actor: Actor
) -> Stage:
    await serialize_on(session, Forwarding, forwarding_id, "forwarding_id")  # two clerks record it once
    forwarding = await get_or_404(session, Forwarding, forwarding_id, "forwarding_id")
    if forwarding.status != DecisionStatus.SIGNED or forwarding.issued_on is None:
        raise Conflict(Problem("forwarding_id", "central_decision.not_sent",
                               "The Tờ trình has not been signed and sent yet.",
                               vi="Tờ trình đề nghị Thủ tướng Chính phủ chưa được ký, gửi."))
    recorded = (await session.exec(select(CentralDecision).where(
        CentralDecision.forwarding_id == forwarding_id))).first()
    if recorded is not None:
        raise Conflict(Problem("forwarding_id", "central_decision.once",
                               f"The central decision {recorded.number} is already recorded for this Tờ trình.",
                               vi=f"Đã ghi nhận Quyết định số {recorded.number} cho Tờ trình này."))
    items = {i.nomination_id for i in await forwarding_items(session, forwarding_id)}
    ids = [r.nomination_id for r in data.results]
    require_unique(ids, "results")
    for i, result in enumerate(data.results):
        if result.nomination_id not in items:
            raise refuse(f"results.{i}.nomination_id", "central_decision.item",
                         f"Nomination {result.nomination_id} is not in this Tờ trình.",
                         vi=f"Hồ sơ mã số {result.nomination_id} không có trong Tờ trình này.")
        if not result.awarded and not result.reason.strip():
            raise refuse(f"results.{i}.reason", "central_decision.reason_required",
                         "A nomination not awarded needs the reason the central level gave.",
                         vi="Hồ sơ không được khen thưởng thì phải ghi rõ lý do theo văn bản của Trung ương.")
    missing = sorted(items - set(ids))
    if missing:
        raise refuse("results", "central_decision.every_item",
                     f"Say for every nomination of the Tờ trình whether it was awarded; missing: {missing}.",
                     vi="Cần ghi kết quả cho mọi hồ sơ trong Tờ trình; còn thiếu hồ sơ mã số "
                        f"{', '.join(str(n) for n in missing)}.")
    if data.decided_on < forwarding.issued_on:
        day, sent = data.decided_on.strftime("%d/%m/%Y"), forwarding.issued_on.strftime("%d/%m/%Y")
        raise refuse("decided_on", "central_decision.after_forwarding",
                     f"The central decision cannot be dated {day}, before the Tờ trình of {sent}.",
                     vi=f"Quyết định của Trung ương không thể có ngày {day}, trước ngày Tờ trình ({sent}).")
    nominations = await nominations_by_id(session, ids, "results")
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), {State.FORWARDED}, "results",
                   "recording the central decision", action_vi="ghi nhận Quyết định của Trung ương")
    decision = CentralDecision(forwarding_id=forwarding_id, number=data.number.strip(), decided_on=data.decided_on,
                               decided_by=data.decided_by.strip(), recorded_by=actor.username)
    session.add(decision)
    await session.flush()
    session.add_all(CentralDecisionItem(central_decision_id=decision.id, nomination_id=r.nomination_id,
                                        awarded=r.awarded, reason=r.reason.strip()) for r in data.results)
    return await record_stage(session, StageKind.CENTRAL_DECISION, forwarding_id, forwarding.year, actor)
