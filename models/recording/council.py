"""Council sessions (of the full council or of its standing body) and the votes the full council casts."""

from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.council import candidate_unit, may_cast, members_counted, recused
from models.domain.council_roster import form_problems
from models.domain.enums import CouncilBody, StageKind, State
from models.domain.errors import DomainError, refuse
from models.domain.votes import Tally, VoteOutcome, count_votes, tally_problems
from models.recording.common import (
    get_or_404,
    nominations_by_id,
    record_stage,
    refuse_if_recorded,
    require_in_emulation_year,
    require_states,
    require_unique,
)
from models.recording.council_papers import (
    council_ballot_problems,
    keep_ballot_count,
    number_council_minutes,
    written_opinion_texts,
)
from models.recording.council_roster import members_from_roster
from models.recording.council_session_once import insert_once, refuse_if_held
from models.recording.public_comment import require_comment_closed
from models.recording.routes import require_route, route_of
from models.storage.catalogue_file import catalogue
from models.storage.locks import serialize_on
from models.storage.numbering import allocate_number
from models.tables.award import Award
from models.tables.council import (
    AppraisalSigning,
    CouncilMember,
    CouncilMemberCreate,
    CouncilSession,
    CouncilSessionCreate,
    CouncilVote,
    CouncilVotesRecord,
)
from models.tables.nomination import Nomination
from models.tables.organisation import Person, Unit
from models.tables.stage import Stage


async def create_council_session(
    session: AsyncSession, data: CouncilSessionCreate, actor: Actor
) -> CouncilSession:
    """Open a session with the roster's seats in force on `held_on` (attendance by seat id), or, for a province
    without a roster yet, with every member typed in; never both."""
    require_in_emulation_year(data.held_on, data.year, "held_on", "council session", "Phiên họp Hội đồng")
    from_roster = data.present_seat_ids is not None or bool(data.written_opinion_seat_ids)
    if problems := form_problems(data.members is not None, from_roster):
        raise DomainError(*problems)
    texts = written_opinion_texts(data)
    council = CouncilSession(**data.model_dump(exclude={"members", "present_seat_ids", "written_opinion_seat_ids",
                                                        "written_opinions"}), created_by=actor.username)
    await refuse_if_held(session, council)
    await insert_once(session, council)
    if from_roster:
        members = await members_from_roster(session, council.id, data.held_on, data.present_seat_ids or [],
                                            data.written_opinion_seat_ids,
                                            standing_only=data.body == CouncilBody.STANDING_BODY)
        for member in members:
            member.written_opinion_text = texts.get(member.seat_id or 0, "")
        session.add_all(members)
    else:
        await _typed_members(session, council.id, data.members or [])
    await session.flush()
    return council


async def _typed_members(session: AsyncSession, council_id: int, members: list[CouncilMemberCreate]) -> None:
    for i, member in enumerate(members):
        if member.present and member.written_opinion:
            raise refuse(f"members.{i}.written_opinion", "council.written_opinion_absent_only",
                         "Only an absent member gives a written opinion.",
                         vi="Chỉ thành viên vắng mặt mới gửi ý kiến bằng văn bản.")
        if member.written_opinion_text.strip() and not member.written_opinion:
            raise refuse(f"members.{i}.written_opinion_text", "council.written_opinion_text",
                         "Only a member who sent a written opinion has its text.",
                         vi="Chỉ ghi nội dung ý kiến bằng văn bản cho thành viên vắng mặt có gửi ý kiến.")
        if member.unit_id is not None:
            await get_or_404(session, Unit, member.unit_id, f"members.{i}.unit_id")
        session.add(CouncilMember(session_id=council_id, **member.model_dump()))


async def council_members(session: AsyncSession, session_id: int) -> list[CouncilMember]:
    query = select(CouncilMember).where(CouncilMember.session_id == session_id).order_by(col(CouncilMember.id))
    return list((await session.exec(query)).all())


async def record_council_votes(
    session: AsyncSession, session_id: int, data: CouncilVotesRecord, actor: Actor
) -> Stage:
    await serialize_on(session, CouncilSession, session_id, "session_id")
    council = await get_or_404(session, CouncilSession, session_id, "session_id")
    if council.body != CouncilBody.COUNCIL:
        raise refuse("session_id", "council.standing_body_appraises",
                     "This is a session of the council's standing body: it does not vote; record its appraisal "
                     f"with POST /council-sessions/{session_id}/appraisals.",
                     vi="Đây là phiên họp của Thường trực Hội đồng: Thường trực Hội đồng không bỏ phiếu mà xét, thẩm "
                        "định từng hồ sơ (ghi kết quả thẩm định).")
    await refuse_if_recorded(session, StageKind.COUNCIL_REVIEW, session_id)
    await sign_appraisal(session, council, data)
    ids = [v.nomination_id for v in data.votes]
    nominations = await appraisable(session, council, ids, "votes", action_vi="đưa ra Hội đồng biểu quyết")
    members = await council_members(session, session_id)
    present = sum(1 for m in members if m.present)
    if (quorum := catalogue().council_quorum(council.held_on).problem(present, len(members), "session_id")) is not None:
        raise DomainError(quorum)
    recusing = await recusals(session, members, list(nominations.values()))
    written = catalogue().council.written_opinions_count
    problems = [p for i, v in enumerate(data.votes)
                for p in tally_problems(Tally(v.votes_for, v.votes_against, v.abstain),
                                        may_cast(members, recusing[v.nomination_id], written_opinions_count=written),
                                        f"votes.{i}")]
    if problems := problems + council_ballot_problems(members, data):
        raise DomainError(*problems)
    session.add_all(CouncilVote(session_id=session_id, **v.model_dump()) for v in data.votes)
    keep_ballot_count(council, data)
    await number_appraisal(session, council)
    stage = await record_stage(session, StageKind.COUNCIL_REVIEW, session_id, council.year, actor)
    await number_council_minutes(session, council)
    return stage


async def recusals(
    session: AsyncSession, members: list[CouncilMember], nominations: list[Nomination]
) -> dict[int, list[CouncilMember]]:
    """For each nomination, the members from the nominated unit (or the individual's unit): they do not vote."""
    person_units = {p.id: p.unit_id for p in (await session.exec(select(Person).where(
        col(Person.id).in_([n.person_id for n in nominations if n.person_id is not None])))).all()}
    return {n.id: recused(members, candidate_unit(n.unit_id, person_units.get(n.person_id or 0)))
            for n in nominations}


async def appraisable(
    session: AsyncSession, council: CouncilSession, ids: list[int], field: str, *, action_vi: str
) -> dict[int, Nomination]:
    """The nominations a session may decide on: listed once, eligible, of its year, routed to its body."""
    require_unique(ids, field)
    nominations = await nominations_by_id(session, ids, field)
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), {State.ELIGIBLE}, field,
                   "a council vote or appraisal", action_vi=action_vi)
    for i, nid in enumerate(ids):
        if nominations[nid].year != council.year:
            raise refuse(f"{field}.{i}.nomination_id", "council.same_year",
                         f"Nomination {nid} is for {nominations[nid].year}; this session reviews {council.year}.",
                         vi=f"Hồ sơ mã số {nid} thuộc năm {nominations[nid].year}; phiên họp này xét khen thưởng "
                            f"năm {council.year}.")
    await require_route(session, ((i, nominations[n]) for i, n in enumerate(ids)), council.body, council.held_on,
                        field)
    # Both bodies: a province may publish its own forms the standing body appraises (catalogue [[public_comment]]).
    await require_comment_closed(session, [(i, nominations[n]) for i, n in enumerate(ids)], council.held_on, field)
    return nominations


async def sign_appraisal(session: AsyncSession, council: CouncilSession, data: AppraisalSigning) -> None:
    """Who signs the office's Tờ trình reporting these votes, and when (checked before anything is written)."""
    signed_on = data.appraisal_signed_on or council.held_on
    if signed_on < council.held_on:
        raise refuse("appraisal_signed_on", "appraisal.after_council",
                     f"The Tờ trình reports a council that met on {council.held_on:%d/%m/%Y}; it cannot be dated "
                     "earlier.",
                     vi=f"Tờ trình báo cáo phiên họp Hội đồng ngày {council.held_on:%d/%m/%Y}, không thể ghi ngày "
                        "sớm hơn ngày họp.")
    province = catalogue().province
    signer_name = (data.appraisal_signer_name or await _head_of(session, province.appraisal_issuer_code)).strip()
    if not signer_name:
        raise refuse("appraisal_signer_name", "appraisal.signer_required",
                     f"No head of {province.appraisal_issuer_name} is recorded: name who signs the Tờ trình.",
                     vi=f"Chưa có thông tin người đứng đầu {province.appraisal_issuer_name}: đề nghị ghi tên "
                        "người ký Tờ trình.")
    council.appraisal_signed_on = signed_on
    council.appraisal_signer_prefix = data.appraisal_signer_prefix.strip().upper()
    council.appraisal_signer_title = data.appraisal_signer_title.strip().upper()
    council.appraisal_signer_name = signer_name


async def number_appraisal(session: AsyncSession, council: CouncilSession) -> None:
    """Number the office's Tờ trình in the transaction that records the votes it reports: if that rolls back,
    so does the number. Decree 30/2020 Điều 15: per issuing body and calendar year of issue."""
    assert council.appraisal_signed_on is not None
    council.appraisal_number = await allocate_number(
        session, catalogue().province.appraisal_issuer_code, "TTr", council.appraisal_signed_on.year,
        f"council_session:{council.id}")
    session.add(council)


async def _head_of(session: AsyncSession, unit_code: str) -> str:
    unit = (await session.exec(select(Unit).where(Unit.code == unit_code))).first()
    return unit.head_name if unit is not None else ""


@dataclass(frozen=True)
class CouncilOutcome:
    nomination: Nomination
    vote: CouncilVote
    award: Award
    outcome: VoteOutcome
    recused: list[CouncilMember]
    basis: str  # the text in force on the day of the session that sets the threshold
    route_basis: str  # the province's rule in force that day that sends this award to the full council's vote
    quorum: dict[str, int | str]  # the quorum in force that day, and who attended


async def council_outcomes(session: AsyncSession, session_id: int) -> list[CouncilOutcome]:
    """What the session decided on each nomination: the award's threshold over the members who could vote on it."""
    members = await council_members(session, session_id)
    rows = (await session.exec(select(Nomination, CouncilVote).join(CouncilVote).where(
        CouncilVote.session_id == session_id).order_by(col(Nomination.id)))).all()
    recusing = await recusals(session, members, [n for n, _ in rows])
    awards = {a.id: a for a in (await session.exec(select(Award))).all()}
    council = await session.get_one(CouncilSession, session_id)
    law = catalogue()
    in_force = {a.code: law.threshold_in_force(a.code, council.held_on) for a in awards.values()}
    quorum = law.council_quorum(council.held_on).as_evidence(sum(1 for m in members if m.present), len(members))
    results = []
    for nomination, vote in rows:
        award = awards[nomination.award_id]
        outcome = count_votes(Tally(vote.votes_for, vote.votes_against, vote.abstain),
                              members_counted(members, recusing[nomination.id], law.council.recusal_reduces_total),
                              in_force[award.code].threshold)
        results.append(CouncilOutcome(nomination, vote, award, outcome, recusing[nomination.id],
                                      in_force[award.code].basis, route_of(award, council.held_on).basis, quorum))
    return results
