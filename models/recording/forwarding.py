"""Awards decided above the province: the secretary prepares the Chairman's Tờ trình to the Prime Minister from the
council's recommendations, the Chairman's office signs and sends it under the People's Committee's next Tờ trình
number (its flow moves each nomination `recommended → forwarded`)."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import DecisionStatus, RecipientKind, StageKind, State
from models.domain.errors import Conflict, Problem, refuse
from models.recording.common import (
    get_or_404,
    nominations_by_id,
    record_stage,
    require_states,
    require_unique,
)
from models.storage.catalogue_file import catalogue
from models.storage.locks import serialize_on
from models.storage.numbering import allocate_number
from models.storage.queries import appraised_in_sessions
from models.tables.award import Award
from models.tables.council import CouncilSession
from models.tables.forwarding import Forwarding, ForwardingCreate, ForwardingItem, ForwardingSign
from models.tables.nomination import Nomination
from models.tables.stage import Stage

# Collectives first, then individuals, then households, as every list the province sends is ordered.
LIST_ORDER = {RecipientKind.COLLECTIVE: 0, RecipientKind.INDIVIDUAL: 1, RecipientKind.HOUSEHOLD: 2}


async def upward_award_ids(session: AsyncSession) -> set[int]:
    """The awards the catalogue says are decided above the province (by the Prime Minister)."""
    above = [code for code, entry in catalogue().awards.items() if entry.decided_above_province]
    return set((await session.exec(select(Award.id).where(col(Award.code).in_(above)))).all())


async def create_forwarding(session: AsyncSession, data: ForwardingCreate, actor: Actor) -> Forwarding:
    # Drafts from one session queue here, so two prepared at once cannot both list a nomination.
    await serialize_on(session, CouncilSession, data.council_session_id, "council_session_id")
    council = await get_or_404(session, CouncilSession, data.council_session_id, "council_session_id")
    upward = await upward_award_ids(session)
    ids = data.nomination_ids
    if ids is None:
        ids = await _recommended_upward(session, council.id, upward)
    if not ids:
        raise refuse("nomination_ids", "forwarding.not_empty",
                     "The council session recommended no nomination for an award decided above the province.",
                     vi="Phiên họp Hội đồng không đề nghị hồ sơ nào thuộc hình thức khen thưởng do Thủ tướng "
                        "Chính phủ quyết định.")
    require_unique(ids, "nomination_ids")
    nominations = await nominations_by_id(session, ids, "nomination_ids")
    for i, nid in enumerate(ids):
        if nominations[nid].award_id not in upward:
            raise refuse(f"nomination_ids.{i}", "forwarding.provincial_award",
                         f"Nomination {nid} is for an award the province decides itself: it goes into the "
                         "Chairman's decision.",
                         vi=f"Hồ sơ mã số {nid} thuộc hình thức khen thưởng do Chủ tịch UBND tỉnh quyết định, "
                            "không trình Thủ tướng Chính phủ; đề nghị đưa vào dự thảo Quyết định của tỉnh.")
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), {State.RECOMMENDED}, "nomination_ids",
                   "a Tờ trình upward", action_vi="đưa vào Tờ trình đề nghị Thủ tướng Chính phủ")
    voted = set(await _voted_in(session, council.id))
    for i, nid in enumerate(ids):
        if nid not in voted:
            raise refuse(f"nomination_ids.{i}", "forwarding.same_session",
                         f"Nomination {nid} was not recommended in this session.",
                         vi=f"Hồ sơ mã số {nid} không được phiên họp này đề nghị.")
    await _refuse_if_already_listed(session, ids)
    forwarding = Forwarding(year=council.year, council_session_id=council.id, created_by=actor.username)
    session.add(forwarding)
    await session.flush()
    ordered = sorted(ids, key=lambda n: (nominations[n].award_id, LIST_ORDER[nominations[n].recipient_kind], n))
    session.add_all(ForwardingItem(forwarding_id=forwarding.id, nomination_id=n, row_no=row)
                    for row, n in enumerate(ordered, start=1))
    await session.flush()
    return forwarding


async def _voted_in(session: AsyncSession, session_id: int) -> list[int]:
    appraised = appraised_in_sessions()
    query = select(appraised.c.nomination_id).where(appraised.c.session_id == session_id)
    return [int(i) for i in (await session.exec(query)).all()]


async def _recommended_upward(session: AsyncSession, session_id: int, upward: set[int]) -> list[int]:
    query = select(Nomination.id).where(
        col(Nomination.id).in_(await _voted_in(session, session_id)),
        col(Nomination.award_id).in_(upward), Nomination.state == State.RECOMMENDED,
    ).order_by(col(Nomination.id))
    return [i for i in (await session.exec(query)).all() if i is not None]


async def _refuse_if_already_listed(session: AsyncSession, ids: list[int]) -> None:
    taken = (await session.exec(select(ForwardingItem).where(col(ForwardingItem.nomination_id).in_(ids)))).first()
    if taken is not None:
        raise Conflict(Problem("nomination_ids", "forwarding.once",
                               f"Nomination {taken.nomination_id} is already in Tờ trình {taken.forwarding_id}.",
                               vi=f"Hồ sơ mã số {taken.nomination_id} đã có trong Tờ trình đề nghị Thủ tướng "
                                  f"Chính phủ mã số {taken.forwarding_id}."))


async def forwarding_items(session: AsyncSession, forwarding_id: int) -> list[ForwardingItem]:
    query = select(ForwardingItem).where(ForwardingItem.forwarding_id == forwarding_id)
    return list((await session.exec(query.order_by(col(ForwardingItem.row_no)))).all())


async def sign_forwarding(session: AsyncSession, forwarding_id: int, data: ForwardingSign, actor: Actor) -> Stage:
    await serialize_on(session, Forwarding, forwarding_id, "forwarding_id")  # a double click signs once
    forwarding = await get_or_404(session, Forwarding, forwarding_id, "forwarding_id")
    if forwarding.status != DecisionStatus.DRAFT:
        raise Conflict(Problem("forwarding_id", "forwarding.signed_once",
                               f"Tờ trình {forwarding.number} is already signed and sent.",
                               vi=f"Tờ trình số {forwarding.number} đã được ký, gửi."))
    items = await forwarding_items(session, forwarding_id)
    nominations = await nominations_by_id(session, [i.nomination_id for i in items], "forwarding_id")
    require_states(enumerate(nominations.values()), {State.RECOMMENDED}, "forwarding_id", "sending",
                   action_vi="ký, gửi Tờ trình đề nghị Thủ tướng Chính phủ")
    # Not bound to the emulation year's window: the central level's dates run into the year after (30/06 …).
    council = await session.get_one(CouncilSession, forwarding.council_session_id)
    if data.issued_on < council.held_on:
        held, day = council.held_on.strftime("%d/%m/%Y"), data.issued_on.strftime("%d/%m/%Y")
        raise refuse("issued_on", "forwarding.after_council",
                     f"The Tờ trình cannot be dated {day}, before the council met on {held}.",
                     vi=f"Tờ trình không thể ký ngày {day}, trước ngày Hội đồng họp xét ({held}).")
    rules = catalogue().forwarding
    assert rules is not None, "the catalogue names where the Tờ trình goes once an award is decided above"
    forwarding.number = await allocate_number(session, rules.issuer_code, "TTr", data.issued_on.year,
                                              f"forwarding:{forwarding.id}")
    forwarding.sqlmodel_update(data.model_dump())
    forwarding.status = DecisionStatus.SIGNED
    forwarding.signed_by = actor.username
    session.add(forwarding)
    return await record_stage(session, StageKind.FORWARDING, forwarding_id, forwarding.year, actor)
