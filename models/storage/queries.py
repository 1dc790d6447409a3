"""Reads shared by the flows and the API."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, union_all
from sqlmodel import and_, col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import DecisionStatus, StageKind, StageStatus
from models.domain.scope import SENT_TO_BLOCKS
from models.tables.award import Award
from models.tables.council import CouncilVote, StandingResult
from models.tables.decision import Decision, DecisionItem
from models.tables.forwarding import ForwardingItem
from models.tables.nomination import AwardRecord, Nomination, Transition
from models.tables.organisation import Person, Unit
from models.tables.proposal import ProposalItem
from models.tables.public_comment import CommentWindowItem
from models.tables.revocation import Revocation, RevocationFlag
from models.tables.stage import Document, Stage


def not_revoked(still_counting: int | None = None) -> Any:
    """Award records no signed revocation has annulled (Law Điều 93): a revoked award counts toward nothing.
    `still_counting` names one revocation whose award is counted as if it stood, to see what it changed."""
    revoked = select(Revocation.award_record_id).where(Revocation.status == DecisionStatus.SIGNED)
    if still_counting is not None:
        revoked = revoked.where(Revocation.id != still_counting)
    return col(AwardRecord.id).not_in(revoked)


@dataclass(frozen=True)
class CandidateLabel:
    name: str  # the unit's name, or the person's full name
    detail: str  # for a person: "position, unit"; empty for a collective


async def candidate_labels(session: AsyncSession, nominations: Sequence[Nomination]) -> dict[int, CandidateLabel]:
    unit_ids = {n.unit_id for n in nominations if n.unit_id is not None}
    person_ids = {n.person_id for n in nominations if n.person_id is not None}
    people = {p.id: p for p in (await session.exec(select(Person).where(col(Person.id).in_(person_ids)))).all()}
    unit_ids |= {p.unit_id for p in people.values()}
    units = {u.id: u for u in (await session.exec(select(Unit).where(col(Unit.id).in_(unit_ids)))).all()}
    labels: dict[int, CandidateLabel] = {}
    for n in nominations:
        if n.person_id is not None:
            person = people[n.person_id]
            detail = ", ".join(part for part in (person.position, units[person.unit_id].name) if part)
            labels[n.id] = CandidateLabel(person.full_name, detail)
        elif n.unit_id is not None:
            labels[n.id] = CandidateLabel(units[n.unit_id].name, "")
    return labels


async def nominations_in_order(session: AsyncSession, ids: Sequence[int]) -> list[Nomination]:
    """The nominations of `ids`, in that order, read in one query (a document lists them as its stage did)."""
    rows = {n.id: n for n in (await session.exec(select(Nomination).where(col(Nomination.id).in_(ids)))).all()}
    return [rows[i] for i in ids]


async def awards_by_id(session: AsyncSession) -> dict[int, Award]:
    return {a.id: a for a in (await session.exec(select(Award))).all()}


async def stage_of(session: AsyncSession, kind: str, subject_id: int) -> Stage | None:
    query = select(Stage).where(Stage.kind == kind, Stage.subject_id == subject_id)
    return (await session.exec(query)).first()


async def documents_of(session: AsyncSession, stage_ids: Sequence[int]) -> list[Document]:
    query = select(Document).where(col(Document.stage_id).in_(stage_ids)).order_by(col(Document.id))
    return list((await session.exec(query)).all())


async def blocks_sent_to(session: AsyncSession, document_ids: Sequence[int]) -> dict[int, set[tuple[int, int]]]:
    """Document → the (block, year) of each nomination in the signed decision it belongs to, for the kinds of paper
    a signed decision sends to the blocks (SENT_TO_BLOCKS); other documents are sent to no block. One query."""
    query = (select(Document.id, Nomination.block_id, Nomination.year).distinct()
             .join(Stage, col(Stage.id) == Document.stage_id)
             .join(Decision, col(Decision.id) == Stage.subject_id)
             .join(DecisionItem, col(DecisionItem.decision_id) == Decision.id)
             .join(Nomination, col(Nomination.id) == DecisionItem.nomination_id)
             .where(col(Document.id).in_(document_ids), Stage.kind == StageKind.DECISION_ISSUE,
                    Decision.status == DecisionStatus.SIGNED, col(Document.kind).in_(SENT_TO_BLOCKS)))
    sent: dict[int, set[tuple[int, int]]] = {}
    for document_id, block_id, year in (await session.exec(query)).all():
        sent.setdefault(document_id, set()).add((block_id, year))
    return sent


async def transitions_of(session: AsyncSession, nomination_id: int) -> list[Transition]:
    query = select(Transition).where(Transition.nomination_id == nomination_id).order_by(col(Transition.id))
    return list((await session.exec(query)).all())


async def stage_nomination_ids(session: AsyncSession, kind: StageKind, subject_id: int) -> list[int]:
    """The nominations a stage processes, in their natural order."""
    query: Any
    if kind == StageKind.MEETING_TALLY:
        query = select(Nomination.id).where(Nomination.meeting_id == subject_id).order_by(col(Nomination.id))
    elif kind in (StageKind.PROPOSAL_SUBMISSION, StageKind.SCREENING):
        query = select(ProposalItem.nomination_id).where(ProposalItem.proposal_id == subject_id).order_by(
            col(ProposalItem.position))
    elif kind == StageKind.COUNCIL_REVIEW:
        query = select(CouncilVote.nomination_id).where(CouncilVote.session_id == subject_id).order_by(
            col(CouncilVote.nomination_id))
    elif kind == StageKind.STANDING_APPRAISAL:
        query = select(StandingResult.nomination_id).where(StandingResult.session_id == subject_id).order_by(
            col(StandingResult.nomination_id))
    elif kind == StageKind.REVOCATION_ISSUE:  # the nominations it flagged
        query = select(RevocationFlag.nomination_id).where(RevocationFlag.revocation_id == subject_id).order_by(
            col(RevocationFlag.nomination_id)).distinct()
    elif kind == StageKind.PUBLIC_COMMENT:
        query = select(CommentWindowItem.nomination_id).where(CommentWindowItem.window_id == subject_id).order_by(
            col(CommentWindowItem.position))
    elif kind in (StageKind.FORWARDING, StageKind.CENTRAL_DECISION):  # both are keyed by the Tờ trình upward
        query = select(ForwardingItem.nomination_id).where(ForwardingItem.forwarding_id == subject_id).order_by(
            col(ForwardingItem.row_no))
    else:
        query = select(DecisionItem.nomination_id).where(DecisionItem.decision_id == subject_id).order_by(
            col(DecisionItem.nomination_id))
    return [i for i in (await session.exec(query)).all() if i is not None]


async def in_unfinished_proposals(session: AsyncSession, ids: Sequence[int]) -> dict[int, int]:
    """Nomination → proposal, for those listed in a proposal whose submission has not completed: the flow has
    not moved them yet, but they are taken (and hold their quota place)."""
    query = (select(ProposalItem.nomination_id, ProposalItem.proposal_id)
             .join(Stage, and_(Stage.kind == StageKind.PROPOSAL_SUBMISSION,
                               Stage.subject_id == ProposalItem.proposal_id))
             .where(col(ProposalItem.nomination_id).in_(ids), Stage.status != StageStatus.COMPLETED))
    return dict((await session.exec(query)).all())


async def evidence_of_stage(session: AsyncSession, stage_id: int) -> dict[int, dict[str, Any]]:
    """The evidence each nomination's move by this stage recorded: what a document of the stage prints."""
    query = select(Transition.nomination_id, Transition.evidence).where(Transition.stage_id == stage_id)
    return {nomination_id: dict(evidence) for nomination_id, evidence in (await session.exec(query)).all()}


async def moved_by_stage(session: AsyncSession, stage_id: int) -> set[int]:
    """Nominations a stage has already moved: a rerun of its flow leaves them alone."""
    query = select(Transition.nomination_id).where(Transition.stage_id == stage_id)
    return set((await session.exec(query)).all())


def has_award_code(award_id: Any, code: str) -> Any:
    """A where-clause: the row's award is the one with this catalogue code."""
    return col(award_id).in_(select(Award.id).where(Award.code == code))


def unit_or_its_people(unit_id_column: Any, person_id_column: Any, unit_id: int) -> Any:
    """A where-clause: the row is the unit's own, or one of its people's."""
    people = select(Person.id).where(Person.unit_id == unit_id)
    return or_(col(unit_id_column) == unit_id, col(person_id_column).in_(people))


async def count_rows(session: AsyncSession, query: Any) -> int:
    return int((await session.exec(select(func.count()).select_from(query.subquery()))).one())


def appraised_in_sessions() -> Any:
    """(session_id, nomination_id) of every nomination a session decided on, by the full council's vote or by its
    standing body's appraisal: what a decision, a dossier's deadlines and the desk's inbox read as "the council's"."""
    return union_all(select(col(CouncilVote.session_id).label("session_id"),
                            col(CouncilVote.nomination_id).label("nomination_id")),
                     select(col(StandingResult.session_id).label("session_id"),
                            col(StandingResult.nomination_id).label("nomination_id"))).subquery()
