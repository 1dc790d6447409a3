"""Preparing a decision from the council's recommendations, and signing it under a fresh number."""

from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.eligibility import Outcome
from models.domain.eligibility_rules import explain, explain_vi, overall
from models.domain.enums import DecisionStatus, StageKind, State
from models.domain.errors import Conflict, Problem, refuse
from models.recording.common import (
    get_or_404,
    nominations_by_id,
    record_stage,
    require_in_emulation_year,
    require_states,
    require_unique,
)
from models.recording.decision_awards import ANNEX_ORDER, awards_of_one_form, in_annex_order
from models.recording.eligibility import eligibility_of
from models.storage.catalogue_file import catalogue
from models.storage.locks import serialize_on
from models.storage.numbering import allocate_number
from models.storage.queries import appraised_in_sessions
from models.tables.award import Award
from models.tables.council import CouncilSession
from models.tables.decision import Decision, DecisionCreate, DecisionItem, DecisionSign
from models.tables.nomination import Nomination
from models.tables.stage import Stage


async def create_decision(session: AsyncSession, data: DecisionCreate, actor: Actor) -> Decision:
    # Drafts from one session queue here, so two prepared at once cannot both list a nomination.
    await serialize_on(session, CouncilSession, data.council_session_id, "council_session_id")
    council = await get_or_404(session, CouncilSession, data.council_session_id, "council_session_id")
    # The decision is kept under the form's first award in the annex's order (collectives first).
    awards = in_annex_order(await awards_of_one_form(session, data))
    award_ids = {a.id for a in awards}
    form = awards[0].name
    ids = data.nomination_ids
    if ids is None:
        ids = await _recommended_in(session, council.id, award_ids)
    if not ids:
        raise refuse("nomination_ids", "decision.not_empty",
                     "The council session recommended no nomination for this award.",
                     vi="Phiên họp Hội đồng không đề nghị hồ sơ nào cho hình thức khen thưởng này.")
    require_unique(ids, "nomination_ids")
    nominations = await nominations_by_id(session, ids, "nomination_ids")
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), {State.RECOMMENDED}, "nomination_ids",
                   "a decision", action_vi="đưa vào dự thảo Quyết định")
    voted = set(await _voted_in(session, council.id))
    for i, nid in enumerate(ids):
        if nominations[nid].award_id not in award_ids or nid not in voted:
            raise refuse(f"nomination_ids.{i}", "decision.same_award_and_session",
                         f"Nomination {nid} was not recommended for {form} in this session.",
                         vi=f"Hồ sơ mã số {nid} không được phiên họp này đề nghị tặng {form}.")
    await _refuse_if_already_listed(session, ids)
    decision = Decision(year=council.year, award_id=awards[0].id, council_session_id=council.id,
                        created_by=actor.username)
    session.add(decision)
    await session.flush()
    session.add_all(DecisionItem(decision_id=decision.id, nomination_id=n) for n in ids)
    await session.flush()
    return decision


async def _voted_in(session: AsyncSession, session_id: int) -> list[int]:
    """The nominations the session decided on: by the full council's vote, or by its standing body's appraisal."""
    appraised = appraised_in_sessions()
    query = select(appraised.c.nomination_id).where(appraised.c.session_id == session_id)
    return [int(i) for i in (await session.exec(query)).all()]


async def _recommended_in(session: AsyncSession, session_id: int, award_ids: set[int]) -> list[int]:
    query = select(Nomination.id).where(
        col(Nomination.id).in_(await _voted_in(session, session_id)),
        col(Nomination.award_id).in_(award_ids), Nomination.state == State.RECOMMENDED,
    ).order_by(col(Nomination.id))
    return [i for i in (await session.exec(query)).all() if i is not None]


async def _refuse_if_already_listed(session: AsyncSession, ids: list[int]) -> None:
    query = select(DecisionItem).join(Decision).where(col(DecisionItem.nomination_id).in_(ids))
    taken = (await session.exec(query)).first()
    if taken is not None:
        raise Conflict(Problem("nomination_ids", "decision.once",
                               f"Nomination {taken.nomination_id} is already in decision {taken.decision_id}.",
                               vi=f"Hồ sơ mã số {taken.nomination_id} đã có trong Quyết định mã số "
                                  f"{taken.decision_id}."))


async def decision_items(session: AsyncSession, decision_id: int) -> list[DecisionItem]:
    query = select(DecisionItem).where(DecisionItem.decision_id == decision_id)
    return list((await session.exec(query.order_by(col(DecisionItem.nomination_id)))).all())


async def sign_decision(session: AsyncSession, decision_id: int, data: DecisionSign, actor: Actor) -> Stage:
    await serialize_on(session, Decision, decision_id, "decision_id")  # a double click signs once
    decision = await get_or_404(session, Decision, decision_id, "decision_id")
    if decision.status != DecisionStatus.DRAFT:
        raise Conflict(Problem("decision_id", "decision.signed_once",
                               f"Decision {decision.number} is already signed.",
                               vi=f"Quyết định số {decision.number} đã được ký."))
    items = {i.nomination_id: i for i in await decision_items(session, decision_id)}
    declined = {d.nomination_id: d.reason for d in data.declined}
    require_unique([d.nomination_id for d in data.declined], "declined")
    for i, nid in enumerate(declined):
        if nid not in items:
            raise refuse(f"declined.{i}.nomination_id", "decision.item",
                         f"Nomination {nid} is not in this decision.",
                         vi=f"Hồ sơ mã số {nid} không có trong Quyết định này.")
    if len(declined) == len(items):
        raise refuse("declined", "decision.not_empty", "A decision must award at least one nomination.",
                     vi="Quyết định phải khen thưởng ít nhất một hồ sơ.")
    nominations = await nominations_by_id(session, list(items), "decision_id")
    require_states(enumerate(nominations.values()), {State.RECOMMENDED}, "decision_id", "signing",
                   action_vi="ký Quyết định")
    await _refuse_the_ineligible(session, [n for nid, n in nominations.items() if nid not in declined])
    require_in_emulation_year(data.signed_on, decision.year, "signed_on", "decision", "Quyết định")
    await _refuse_before_the_council(session, decision.council_session_id, data.signed_on)
    await _refuse_without_a_base_salary(session, decision.award_id, data.signed_on)
    _number_annex_rows(list(items.values()), nominations, declined)
    session.add_all(items.values())

    decision.number = await allocate_number(session, catalogue().province.decision_issuer_code,
                                            "QĐ", data.signed_on.year, f"decision:{decision.id}")
    decision.sqlmodel_update(data.model_dump(exclude={"declined"}))
    decision.status = DecisionStatus.SIGNED
    decision.signed_by = actor.username
    session.add(decision)
    return await record_stage(session, StageKind.DECISION_ISSUE, decision_id, decision.year, actor)


async def _refuse_before_the_council(session: AsyncSession, council_session_id: int, signed_on: date) -> None:
    council = await session.get_one(CouncilSession, council_session_id)
    if signed_on < council.held_on:
        held, day = council.held_on.strftime("%d/%m/%Y"), signed_on.strftime("%d/%m/%Y")
        raise refuse("signed_on", "decision.after_council",
                     f"The decision cannot be signed on {day}, before the council met on {held}.",
                     vi=f"Không thể ký Quyết định ngày {day}, trước ngày Hội đồng họp xét ({held}).")


async def _refuse_without_a_base_salary(session: AsyncSession, award_id: int, signed_on: date) -> None:
    """The prize is a coefficient of the base salary in force on the signing day: without one, no amount can be
    printed, so the decision is not signed (a province extends its catalogue first)."""
    award = await session.get_one(Award, award_id)
    try:
        catalogue().prize_on(award.code, signed_on)
    except ValueError:
        day = signed_on.strftime("%d/%m/%Y")
        raise refuse("signed_on", "decision.base_salary_in_force",
                     f"The catalogue has no base salary in force on {day}, so the prize cannot be worked out.",
                     vi=f"Danh mục chưa có mức lương cơ sở áp dụng ngày {day}, nên chưa tính được mức tiền "
                        "thưởng; đề nghị cập nhật danh mục trước khi ký.") from None


async def _refuse_the_ineligible(session: AsyncSession, nominations: list[Nomination]) -> None:
    """The rules are checked again before signing: the history may have changed since screening."""
    problems = []
    eligibility = await eligibility_of(session, nominations)
    for nomination in nominations:
        checks = eligibility[nomination.id]
        if overall(checks) != Outcome.PASS:
            problems.append(Problem(f"nominations.{nomination.id}", "eligibility.failed",
                                    f"Nomination {nomination.id} no longer meets the rules: {explain(checks)} "
                                    "Decline it with this reason, or correct the history first.",
                                    vi=f"Hồ sơ mã số {nomination.id} không còn đáp ứng tiêu chuẩn: "
                                       f"{explain_vi(checks)} Đề nghị ghi lý do này để không khen thưởng hồ sơ, "
                                       "hoặc sửa lại lịch sử khen thưởng trước."))
    if problems:
        raise Conflict(*problems)


def _number_annex_rows(
    items: list[DecisionItem], nominations: dict[int, Nomination], declined: dict[int, str]
) -> None:
    awarded = sorted((i for i in items if i.nomination_id not in declined),
                     key=lambda i: (ANNEX_ORDER[nominations[i.nomination_id].recipient_kind], i.nomination_id))
    for position, item in enumerate(awarded, start=1):
        item.golden_book_no = position
    for item in items:
        if item.nomination_id in declined:
            item.declined, item.decline_reason = True, declined[item.nomination_id]
