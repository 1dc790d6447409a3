"""What is waiting for each role ("việc cần làm"), read from the database with one query per kind of task.

No query runs per row: each kind of task is one set-based SELECT over the caller's blocks and years (block heads)
or the whole province (the province's roles), however many meetings, proposals or nominations there are.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import tuple_
from sqlmodel import and_, col, func, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.auth import Principal
from models.domain.enums import CouncilBody, DecisionStatus, StageKind, StageStatus, State
from models.domain.movements import ScoringStatus
from models.domain.permissions import Role
from models.domain.vietnamese import SCORING_ROUND_VI, STAGE_STATUS_VI, STAGE_VI
from models.storage.catalogue_file import catalogue
from models.storage.queries import appraised_in_sessions
from models.tables.award import Award
from models.tables.council import CouncilSession
from models.tables.decision import Decision, DecisionItem
from models.tables.meeting import BlockMeeting
from models.tables.movement_scoring import BlockScoring
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock
from models.tables.proposal import Proposal, ProposalItem
from models.tables.stage import Stage

SESSION_TASK_VI = {CouncilBody.COUNCIL: "Đưa ra phiên họp Hội đồng",
                   CouncilBody.STANDING_BODY: "Đưa ra phiên họp Thường trực Hội đồng"}
RECORD_TASK_VI = {CouncilBody.COUNCIL: ("Ghi kết quả biểu quyết của Hội đồng", "votes"),
                  CouncilBody.STANDING_BODY: ("Ghi kết quả xét, thẩm định của Thường trực Hội đồng", "appraisals")}


@dataclass(frozen=True)
class Task:
    title: str  # what to do, in Vietnamese
    detail: str  # which block, award, number …
    href: str | None = None  # where the desk lets them do it (or see it)
    flow_run_id: str | None = None


def _headed(principal: Principal) -> list[tuple[int, int]]:
    return sorted({(g.block_id, g.year) for g in principal.grants
                   if g.role == Role.BLOCK_HEAD and g.block_id is not None and g.year is not None})


async def block_head_tasks(session: AsyncSession, principal: Principal) -> list[Task]:
    headed = _headed(principal)
    if not headed:
        return []
    names = {b.id: b.name for b in (await session.exec(
        select(EmulationBlock).where(col(EmulationBlock.id).in_([b for b, _ in headed])))).all()}
    tasks = await _scoring_to_finish(session, headed, names)
    in_headed = tuple_(col(BlockMeeting.block_id), col(BlockMeeting.year)).in_(headed)
    meetings = (await session.exec(select(BlockMeeting, Stage.id).outerjoin(Stage, and_(
        Stage.kind == StageKind.MEETING_TALLY, Stage.subject_id == BlockMeeting.id)).where(in_headed))).all()
    opened = {(m.block_id, m.year) for m, _ in meetings}
    tasks += [Task("Mở hội nghị tổng kết Khối", f"{names[b]}, năm {y}", f"/desk/blocks/{b}/years/{y}/meeting")
             for b, y in headed if (b, y) not in opened]
    tasks += [Task("Ghi kết quả bỏ phiếu", f"{names[m.block_id]}, hội nghị ngày {m.held_on:%d/%m/%Y}",
                   f"/desk/meetings/{m.id}/results")
              for m, tally in meetings if tally is None]
    tasks += await _to_propose(session, headed, names)
    returned = (await session.exec(select(Nomination).where(
        tuple_(col(Nomination.block_id), col(Nomination.year)).in_(headed), Nomination.state == State.RETURNED
    ).order_by(col(Nomination.id)))).all()
    tasks += [Task("Bổ sung hồ sơ bị trả lại", f"Hồ sơ số {n.id}, năm {n.year}", f"/desk/nominations/{n.id}")
              for n in returned]
    return tasks


async def _scoring_to_finish(session: AsyncSession, headed: list[tuple[int, int]],
                             names: dict[int, str]) -> list[Task]:
    """Open scoring rounds: the year-end meeting reads the closed ranking, so the head finishes them first."""
    rounds = (await session.exec(select(BlockScoring).where(
        tuple_(col(BlockScoring.block_id), col(BlockScoring.year)).in_(headed),
        BlockScoring.status == ScoringStatus.OPEN).order_by(col(BlockScoring.id)))).all()
    return [Task("Hoàn tất chấm điểm thi đua",
                 f"{names[s.block_id]}, năm {s.year} ({SCORING_ROUND_VI[s.round].lower()}): chốt kết quả trước "
                 "hội nghị tổng kết", f"/desk/scorings/{s.id}") for s in rounds]


async def _to_propose(session: AsyncSession, headed: list[tuple[int, int]], names: dict[int, str]) -> list[Task]:
    """Endorsed (or corrected, returned) nominations not yet in a proposal still being processed."""
    being_proposed = select(ProposalItem.nomination_id).join(Stage, and_(
        Stage.kind == StageKind.PROPOSAL_SUBMISSION, Stage.subject_id == ProposalItem.proposal_id)).where(
        Stage.status != StageStatus.COMPLETED)
    query = select(Nomination.meeting_id, Nomination.block_id, Nomination.year, func.count()).where(
        tuple_(col(Nomination.block_id), col(Nomination.year)).in_(headed),
        col(Nomination.state).in_([State.ENDORSED, State.RETURNED]),
        col(Nomination.id).not_in(being_proposed)).group_by(
        col(Nomination.meeting_id), col(Nomination.block_id), col(Nomination.year))
    return [Task("Gửi Tờ trình đề nghị khen thưởng", f"{names[b]}, năm {y}: {count} hồ sơ",
                 f"/desk/meetings/{m}/proposal")
            for m, b, y, count in (await session.exec(query)).all()]


async def secretary_tasks(session: AsyncSession) -> list[Task]:
    to_screen = (await session.exec(
        select(Proposal, EmulationBlock.name, func.count(col(ProposalItem.nomination_id)))
        .join(EmulationBlock, col(EmulationBlock.id) == Proposal.block_id)
        .join(ProposalItem, col(ProposalItem.proposal_id) == Proposal.id)
        .join(Stage, and_(Stage.kind == StageKind.PROPOSAL_SUBMISSION, Stage.subject_id == Proposal.id))
        .where(Stage.status == StageStatus.COMPLETED, col(Proposal.id).not_in(
            select(Stage.subject_id).where(Stage.kind == StageKind.SCREENING)))
        .group_by(col(Proposal.id), col(EmulationBlock.name)).order_by(col(Proposal.id)))).all()
    tasks = [Task("Thẩm định hồ sơ", f"Tờ trình số {p.number} của {block}: {count} hồ sơ",
                  f"/desk/proposals/{p.id}/screening") for p, block, count in to_screen]
    tasks += await _to_put_to_a_session(session)
    tasks += await _appraisals_to_record(session)
    appraised = appraised_in_sessions()  # by the council's vote or its standing body's appraisal
    to_decide = (await session.exec(
        select(appraised.c.session_id, Award.name, Award.code, func.count())
        .join(Nomination, col(Nomination.id) == appraised.c.nomination_id)
        .join(Award, col(Award.id) == Nomination.award_id)
        .where(Nomination.state == State.RECOMMENDED, col(Award.code).not_in(_decided_above()),
               col(Nomination.id).not_in(select(DecisionItem.nomination_id)))
        .group_by(appraised.c.session_id, col(Award.name), col(Award.code))
        .order_by(appraised.c.session_id, col(Award.name)))).all()
    tasks += [Task("Soạn dự thảo Quyết định", f"{award}: {count} hồ sơ Hội đồng đề nghị (phiên họp số {sid})",
                   f"/desk/council-sessions/{sid}/decision?award_code={code}") for sid, award, code, count in to_decide]
    return tasks


def _decided_above() -> list[str]:
    """Awards the Chairman does not decide: they wait for the Tờ trình upward, not for a draft decision."""
    return [code for code, entry in catalogue().awards.items() if entry.decided_above_province]


async def _to_put_to_a_session(session: AsyncSession) -> list[Task]:
    """Eligible dossiers by year and by the body their award is routed to (the catalogue's appraised_by): the full
    council votes on some, its standing body appraises the others, each in a session of its own."""
    waiting = (await session.exec(
        select(Nomination.year, Award.code, Award.name, func.count()).join(Award, col(Award.id) == Nomination.award_id)
        .where(Nomination.state == State.ELIGIBLE).group_by(col(Nomination.year), col(Award.code), col(Award.name))
        .order_by(col(Nomination.year), col(Award.name)))).all()
    # Today's route: the session will be routed by its own day, which is today's or later.
    routes = {code: entry.route_on(date.today()).appraised_by for code, entry in catalogue().awards.items()}
    tasks = []
    for body in CouncilBody:
        for year in sorted({y for y, code, _, _ in waiting if routes[code] == body}):
            by_name: dict[str, int] = {}  # one award name may be given to collectives and to individuals
            for y, code, name, count in waiting:
                if y == year and routes[code] == body:
                    by_name[name] = by_name.get(name, 0) + count
            awards = "; ".join(f"{name}: {count} hồ sơ" for name, count in by_name.items())
            tasks.append(Task(SESSION_TASK_VI[body], f"Năm {year}, hồ sơ đủ điều kiện: {awards}",
                              f"/desk/council-sessions/new?body={body.value}"))
    return tasks


async def _appraisals_to_record(session: AsyncSession) -> list[Task]:
    """Sessions held whose outcome is not yet recorded: the full council's votes, or its standing body's appraisal."""
    recorded = {body: select(Stage.subject_id).where(Stage.kind == kind) for body, kind in (
        (CouncilBody.COUNCIL, StageKind.COUNCIL_REVIEW), (CouncilBody.STANDING_BODY, StageKind.STANDING_APPRAISAL))}
    held = (await session.exec(select(CouncilSession).where(or_(*(
        and_(CouncilSession.body == body, col(CouncilSession.id).not_in(done)) for body, done in recorded.items())))
        .order_by(col(CouncilSession.id)))).all()
    return [Task(RECORD_TASK_VI[c.body][0], f"Phiên họp ngày {c.held_on:%d/%m/%Y}, xét năm {c.year}",
                 f"/desk/council-sessions/{c.id}/{RECORD_TASK_VI[c.body][1]}") for c in held]


async def chairman_office_tasks(session: AsyncSession) -> list[Task]:
    drafts = (await session.exec(
        select(Decision, Award.name, func.count(col(DecisionItem.nomination_id)))
        .join(Award, col(Award.id) == Decision.award_id)
        .join(DecisionItem, col(DecisionItem.decision_id) == Decision.id)
        .where(Decision.status == DecisionStatus.DRAFT)
        .group_by(col(Decision.id), col(Award.name)).order_by(col(Decision.id)))).all()
    return [Task("Ký Quyết định", f"Dự thảo số {d.id}: {award}, năm {d.year}, {count} hồ sơ",
                 f"/desk/decisions/{d.id}/sign") for d, award, count in drafts]


async def administrator_tasks(session: AsyncSession) -> list[Task]:
    unfinished = (await session.exec(select(Stage).where(
        or_(Stage.status == StageStatus.RECORDED, Stage.status == StageStatus.FAILED)).order_by(col(Stage.id)))).all()
    return [Task(f"{STAGE_VI[s.kind]} (bước số {s.id})",
                 f"{STAGE_STATUS_VI[s.status]} · đã chạy {s.attempts} lần" + (f" · {s.last_error[:200]}"
                                                                              if s.last_error else ""),
                 flow_run_id=s.flow_run_id) for s in unfinished]
