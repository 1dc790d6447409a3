"""The standing body's appraisal (Thường trực Hội đồng): on each nomination routed to it, agreed to propose it to
the Chairman or not, and why. It reports straight to the Chairman through the office's Tờ trình, without a vote."""

from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import CouncilBody, StageKind
from models.domain.errors import DomainError, Problem, refuse
from models.domain.standing_body import Route, StandingAppraisal, reason_problem
from models.recording.common import get_or_404, record_stage, refuse_if_recorded
from models.recording.council import appraisable, council_members, number_appraisal, sign_appraisal
from models.recording.council_papers import number_council_minutes
from models.recording.routes import route_of
from models.storage.catalogue_file import catalogue
from models.storage.locks import serialize_on
from models.tables.award import Award
from models.tables.council import CouncilMember, CouncilSession, StandingAppraisalRecord, StandingResult
from models.tables.nomination import Nomination
from models.tables.stage import Stage


async def record_standing_appraisal(
    session: AsyncSession, session_id: int, data: StandingAppraisalRecord, actor: Actor
) -> Stage:
    # Two identical requests queue here; the second finds the stage recorded and is refused, changing nothing.
    await serialize_on(session, CouncilSession, session_id, "session_id")
    council = await get_or_404(session, CouncilSession, session_id, "session_id")
    if council.body != CouncilBody.STANDING_BODY:
        raise refuse("session_id", "council.council_votes",
                     "This is a session of the full council: it votes on each nomination; record its votes with "
                     f"POST /council-sessions/{session_id}/votes.",
                     vi="Đây là phiên họp toàn thể Hội đồng: Hội đồng bỏ phiếu đối với từng hồ sơ (ghi kết quả bỏ "
                        "phiếu), không ghi kết quả thẩm định của Thường trực Hội đồng.")
    await refuse_if_recorded(session, StageKind.STANDING_APPRAISAL, session_id)
    await sign_appraisal(session, council, data)
    ids = [r.nomination_id for r in data.results]
    await appraisable(session, council, ids, "results", action_vi="đưa ra Thường trực Hội đồng xét")
    problems = [p for i, r in enumerate(data.results)
                if (p := reason_problem(f"results.{i}.reason", r.nomination_id, StandingAppraisal(r.agreed, r.reason)))]
    members = await council_members(session, session_id)
    present = sum(1 for m in members if m.present)
    if not present:
        problems.append(Problem("session_id", "standing.members_present",
                                "No member of the standing body attended: nobody appraised.",
                                vi="Không có thành viên Thường trực Hội đồng nào dự họp, nên chưa có ai xét, thẩm "
                                   "định."))
    elif (quorum := _quorum_problem(council, present, len(members))) is not None:
        problems.append(quorum)
    if problems:
        raise DomainError(*problems)
    session.add_all(StandingResult(session_id=session_id, nomination_id=r.nomination_id, agreed=r.agreed,
                                   reason=r.reason.strip()) for r in data.results)
    await number_appraisal(session, council)
    await number_council_minutes(session, council)
    return await record_stage(session, StageKind.STANDING_APPRAISAL, session_id, council.year, actor)


def _quorum_problem(council: CouncilSession, present: int, members_total: int) -> Problem | None:
    """The standing body's quorum in force on the day it met (its standing seats, as the session copied them)."""
    return catalogue().standing_quorum(council.held_on).problem(
        present, members_total, "session_id", rule="standing.quorum", what="the standing body's appraisal",
        what_vi="phiên họp xét của Thường trực Hội đồng")


@dataclass(frozen=True)
class StandingOutcome:
    nomination: Nomination
    award: Award
    appraisal: StandingAppraisal
    route: Route
    appraised_by: list[CouncilMember]  # the standing members who attended
    quorum: dict[str, int | str]  # the quorum in force on the session's day, and who attended


async def standing_outcomes(session: AsyncSession, session_id: int) -> list[StandingOutcome]:
    """What the standing body decided on each nomination, with who decided it and the rule that routed it there."""
    members = await council_members(session, session_id)
    present = [m for m in members if m.present]
    council = await session.get_one(CouncilSession, session_id)
    quorum = catalogue().standing_quorum(council.held_on).as_evidence(len(present), len(members))
    rows = (await session.exec(select(Nomination, StandingResult, Award).join(
        StandingResult, col(StandingResult.nomination_id) == Nomination.id).join(
        Award, col(Award.id) == Nomination.award_id).where(
        StandingResult.session_id == session_id).order_by(col(Nomination.id)))).all()
    return [StandingOutcome(n, award, StandingAppraisal(r.agreed, r.reason), route_of(award, council.held_on),
                            present, quorum)
            for n, r, award in rows]
