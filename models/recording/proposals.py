"""The block head's proposal (Tờ trình) and the TĐKT office's screening of its dossiers."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.deadlines import Act
from models.domain.enums import StageKind, StageStatus, State
from models.domain.errors import Conflict, Problem, refuse
from models.recording.common import (
    block_head,
    get_or_404,
    nominations_by_id,
    record_stage,
    refuse_if_recorded,
    require_in_emulation_year,
    require_on_time,
    require_states,
    require_unique,
)
from models.recording.quota_places import place_endorsed
from models.recording.quotas import require_quota
from models.storage.locks import serialize_on
from models.storage.numbering import allocate_number
from models.storage.queries import in_unfinished_proposals
from models.tables.meeting import BlockMeeting
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock, Unit
from models.tables.proposal import Proposal, ProposalCreate, ProposalItem, ScreeningRecord, ScreeningResult
from models.tables.stage import Stage

PROPOSABLE = {State.ENDORSED, State.RETURNED}


async def submit_proposal(session: AsyncSession, data: ProposalCreate, actor: Actor) -> Proposal:
    meeting = await get_or_404(session, BlockMeeting, data.meeting_id, "meeting_id")
    # The block's proposals queue here, so two sent at once cannot both take a nomination or a quota place.
    await serialize_on(session, EmulationBlock, meeting.block_id, "meeting_id")
    chosen = data.nomination_ids is not None  # named by the block head, or what the meeting endorsed
    ids = data.nomination_ids if data.nomination_ids is not None else await _proposable(session, meeting)
    if not ids:
        await _refuse_if_all_proposed(session, meeting)
        raise refuse("nomination_ids", "proposal.not_empty",
                     "The meeting has no endorsed or returned nomination to propose.",
                     vi="Hội nghị không có hồ sơ nào đã được Khối suy tôn hoặc được trả lại để bổ sung "
                        "để đưa vào Tờ trình.")
    require_unique(ids, "nomination_ids")
    nominations = await nominations_by_id(session, ids, "nomination_ids")
    for i, nid in enumerate(ids):
        if nominations[nid].meeting_id != meeting.id:
            raise refuse(f"nomination_ids.{i}", "proposal.same_meeting",
                         f"Nomination {nid} was not put forward at meeting {meeting.id}.",
                         vi=f"Hồ sơ mã số {nid} không được đề cử tại hội nghị mã số {meeting.id}.")
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), PROPOSABLE, "nomination_ids",
                   "a proposal", action_vi="đưa vào Tờ trình")
    await _refuse_if_being_proposed(session, ids)
    require_in_emulation_year(data.issued_on, meeting.year, "issued_on", "proposal", "Tờ trình")
    require_on_time(Act.SUBMITTED, data.issued_on, meeting.year, "issued_on")
    placement: dict[str, Any] = {}
    if not chosen:  # more endorsed than the quota leaves: the places go by the block's votes, then the tie-break
        ids, placement = await place_endorsed(session, meeting.block_id, meeting.year, [nominations[n] for n in ids])
    await require_quota(session, meeting.block_id, meeting.year, [nominations[n] for n in ids])
    head = await block_head(session, meeting.block_id, meeting.year)
    issuer = await get_or_404(session, Unit, head.unit_id, "block_id")
    proposal = Proposal(
        block_id=meeting.block_id, year=meeting.year, meeting_id=meeting.id, issuer_unit_id=issuer.id,
        number="", issued_on=data.issued_on, signer_name=data.signer_name, signer_title=data.signer_title,
        created_by=actor.username, quota_placement=placement,
    )
    session.add(proposal)
    await session.flush()
    session.add_all(ProposalItem(proposal_id=proposal.id, nomination_id=n, position=i + 1)
                    for i, n in enumerate(ids))
    await record_stage(session, StageKind.PROPOSAL_SUBMISSION, proposal.id, meeting.year, actor,
                       block_id=meeting.block_id)
    proposal.number = await allocate_number(session, issuer.code, "TTr", data.issued_on.year,
                                            f"proposal:{proposal.id}")  # last: see models/storage/locks.py
    session.add(proposal)
    return proposal


async def _refuse_if_all_proposed(session: AsyncSession, meeting: BlockMeeting) -> None:
    """Nothing left to propose because a proposal took it all: a repeat of that proposal, told so (409)."""
    query = select(Proposal).where(Proposal.meeting_id == meeting.id).order_by(col(Proposal.id).desc())
    last = (await session.exec(query)).first()
    if last is not None:
        raise Conflict(Problem("meeting_id", "proposal.once",
                               f"Every nomination endorsed at meeting {meeting.id} is already proposed, "
                               f"the last ones in proposal {last.number or last.id}.",
                               vi=f"Mọi hồ sơ được suy tôn tại hội nghị mã số {meeting.id} đều đã được đưa vào "
                                  f"Tờ trình, gần nhất là Tờ trình {last.number or last.id}."))


async def _refuse_if_being_proposed(session: AsyncSession, ids: list[int]) -> None:
    """A proposal whose submission is still being processed has not moved its nominations yet: they are taken."""
    taken = await in_unfinished_proposals(session, ids)
    for nomination_id in ids:
        if nomination_id in taken:
            raise Conflict(Problem("nomination_ids", "proposal.once",
                                   f"Nomination {nomination_id} is already in proposal {taken[nomination_id]}, "
                                   "which is being processed.",
                                   vi=f"Hồ sơ mã số {nomination_id} đã có trong Tờ trình mã số "
                                      f"{taken[nomination_id]}, đang được xử lý."))


async def _proposable(session: AsyncSession, meeting: BlockMeeting) -> list[int]:
    query = select(Nomination.id).where(
        Nomination.meeting_id == meeting.id, col(Nomination.state).in_(PROPOSABLE)
    ).order_by(col(Nomination.id))
    return [i for i in (await session.exec(query)).all() if i is not None]


async def proposal_nomination_ids(session: AsyncSession, proposal_id: int) -> list[int]:
    query = select(ProposalItem.nomination_id).where(ProposalItem.proposal_id == proposal_id)
    return list((await session.exec(query.order_by(col(ProposalItem.position)))).all())


async def record_screening(
    session: AsyncSession, proposal_id: int, data: ScreeningRecord, actor: Actor
) -> Stage:
    await serialize_on(session, Proposal, proposal_id, "proposal_id")
    proposal = await get_or_404(session, Proposal, proposal_id, "proposal_id")
    await refuse_if_recorded(session, StageKind.SCREENING, proposal_id)
    submitted = (await session.exec(select(Stage).where(
        Stage.kind == StageKind.PROPOSAL_SUBMISSION, Stage.subject_id == proposal_id))).one()
    if submitted.status != StageStatus.COMPLETED:
        raise Conflict(Problem("proposal_id", "stage.pending",
                               "The proposal's submission is still being processed; try again shortly.",
                               vi="Tờ trình đang được xử lý; đề nghị thử lại sau ít phút."))
    listed = await proposal_nomination_ids(session, proposal_id)
    given = [r.nomination_id for r in data.results]
    require_unique(given, "results")
    if set(given) != set(listed):
        raise refuse("results", "screening.every_nomination",
                     f"Give exactly one result for each nomination of the proposal {listed}.",
                     vi="Cần ghi đúng một kết quả thẩm định cho mỗi hồ sơ trong Tờ trình "
                        f"(mã số {', '.join(str(n) for n in listed)}).")
    nominations = await nominations_by_id(session, given, "results")
    require_states(((i, nominations[n]) for i, n in enumerate(given)), {State.SUBMITTED}, "results",
                   "screening", action_vi="thẩm định")
    for i, result in enumerate(data.results):
        if not result.eligible and not result.reason.strip():
            raise refuse(f"results.{i}.reason", "screening.reason_required",
                         "Say why the dossier is returned, so the block can correct it.",
                         vi="Đề nghị ghi rõ lý do trả lại hồ sơ để Khối bổ sung, hoàn thiện.")
    if data.screened_on is not None and data.screened_on < proposal.issued_on:
        raise refuse("screened_on", "screening.before_submission",
                     f"The dossiers cannot be checked on {data.screened_on.isoformat()}, before the Tờ trình of "
                     f"{proposal.issued_on.isoformat()} that sent them.",
                     vi=f"Ngày thẩm định {data.screened_on.strftime('%d/%m/%Y')} không được trước ngày Tờ trình "
                        f"gửi hồ sơ ({proposal.issued_on.strftime('%d/%m/%Y')}).")
    session.add_all(ScreeningResult(proposal_id=proposal_id, screened_on=data.screened_on, **r.model_dump())
                    for r in data.results)
    return await record_stage(session, StageKind.SCREENING, proposal_id, proposal.year, actor,
                              block_id=proposal.block_id)
