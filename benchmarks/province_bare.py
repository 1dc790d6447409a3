"""The bare work of the province's year: the same rows and documents, made by the same recording functions and
stage steps, in this process, without HTTP and without Prefect.

Each stage's flow is a sequence of plain async steps: this calls those steps in the order the flow does, so no flow
run is created. Left out, being
Prefect's own cost: the flow's table artifact (`publish_table`), and the API's `run_stage` bookkeeping (the stage's
attempt counter and the flow run's tags). Logins are left out too (no HTTP, no tokens).
"""

import time
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import event
from sqlmodel import col, select

from benchmarks.province_bodies import (
    YearIds,
    awards_in_mix,
    council_session_body,
    council_votes_body,
    decision_body,
    meeting_body,
    proposal_body,
    results_body,
    screening_body,
    sign_body,
    standing_results_body,
    standing_session_body,
)
from benchmarks.province_plan import CHAIRMAN_OFFICE, SECRETARY, head_login, login
from benchmarks.province_report import Recorder
from benchmarks.province_setup import Province
from docx_templates import DocumentKind
from flows.common import complete_stage, store_stage_document
from flows.council_review import apply_council_votes
from flows.decision_issue import apply_decision, enter_award_history, number_results_notice
from flows.documents.achievement_reports import build_achievement_reports
from flows.documents.appraisal import build_appraisal
from flows.documents.certificates import build_certificates
from flows.documents.council_minutes import build_council_minutes
from flows.documents.decision import build_decision
from flows.documents.minutes import build_minutes
from flows.documents.proposal import build_proposal
from flows.documents.results_notice import build_results_notice
from flows.documents.return_notice import build_return_notice
from flows.documents.standing_minutes import build_standing_minutes
from flows.meeting_tally import apply_block_vote, roll_over_block
from flows.proposal_submission import submit_nominations
from flows.screening import apply_screening, number_return_notice
from flows.standing_appraisal import apply_standing_appraisal
from models.domain.audit import Actor
from models.domain.enums import StageKind, State
from models.recording.council import create_council_session, record_council_votes
from models.recording.decisions import create_decision, sign_decision
from models.recording.meetings import create_meeting, record_meeting_results
from models.recording.proposals import record_screening, submit_proposal
from models.recording.standing_body import record_standing_appraisal
from models.storage.db import make_async_engine, open_session, use_engine
from models.tables.council import CouncilSessionCreate, CouncilVotesRecord, StandingAppraisalRecord
from models.tables.decision import DecisionCreate, DecisionSign
from models.tables.meeting import BlockMeetingCreate, MeetingResultsRecord
from models.tables.nomination import Nomination
from models.tables.proposal import ProposalCreate, ScreeningRecord

M = TypeVar("M", bound=BaseModel)


def _as(model: type[M], body: dict[str, Any]) -> M:
    return model.model_validate(body)


async def _tally(meeting_id: int) -> None:
    await apply_block_vote(meeting_id)
    await roll_over_block(meeting_id)
    await store_stage_document(StageKind.MEETING_TALLY, meeting_id, DocumentKind.MEETING_MINUTES, build_minutes)
    await complete_stage(StageKind.MEETING_TALLY, meeting_id)


async def _submission(proposal_id: int) -> None:
    await submit_nominations(proposal_id)
    await store_stage_document(StageKind.PROPOSAL_SUBMISSION, proposal_id, DocumentKind.BLOCK_PROPOSAL,
                                  build_proposal)
    await store_stage_document(StageKind.PROPOSAL_SUBMISSION, proposal_id, DocumentKind.ACHIEVEMENT_REPORTS,
                                  build_achievement_reports)
    await complete_stage(StageKind.PROPOSAL_SUBMISSION, proposal_id)


async def _screening(proposal_id: int) -> None:
    await apply_screening(proposal_id)
    if await number_return_notice(proposal_id):
        await store_stage_document(StageKind.SCREENING, proposal_id, DocumentKind.RETURN_NOTICE,
                                      build_return_notice)
    await complete_stage(StageKind.SCREENING, proposal_id)


async def _council(session_id: int) -> None:
    await apply_council_votes(session_id)
    await store_stage_document(StageKind.COUNCIL_REVIEW, session_id, DocumentKind.OFFICE_APPRAISAL,
                                  build_appraisal)
    await store_stage_document(StageKind.COUNCIL_REVIEW, session_id, DocumentKind.COUNCIL_MINUTES,
                                  build_council_minutes)
    await complete_stage(StageKind.COUNCIL_REVIEW, session_id)


async def _standing(session_id: int) -> None:
    await apply_standing_appraisal(session_id)
    await store_stage_document(StageKind.STANDING_APPRAISAL, session_id, DocumentKind.OFFICE_APPRAISAL,
                                  build_appraisal)
    await store_stage_document(StageKind.STANDING_APPRAISAL, session_id, DocumentKind.STANDING_MINUTES,
                                  build_standing_minutes)
    await complete_stage(StageKind.STANDING_APPRAISAL, session_id)


async def _issue(decision_id: int) -> list[dict[str, Any]]:
    issued = await apply_decision(decision_id)
    await enter_award_history(decision_id)
    await store_stage_document(StageKind.DECISION_ISSUE, decision_id, DocumentKind.DECISION, build_decision)
    await store_stage_document(StageKind.DECISION_ISSUE, decision_id, DocumentKind.CERTIFICATES,
                                  build_certificates)
    await number_results_notice(decision_id)
    await store_stage_document(StageKind.DECISION_ISSUE, decision_id, DocumentKind.RESULTS_NOTICE,
                                  build_results_notice)
    await complete_stage(StageKind.DECISION_ISSUE, decision_id)
    return issued


async def run_year_bare(database_url: str, province: Province, recorder: Recorder) -> YearIds:
    engine = make_async_engine(database_url)
    event.listen(engine.sync_engine, "before_cursor_execute", recorder.count_statement)
    use_engine(engine)
    ids = YearIds()
    p = province.plan.province
    secretary, office = Actor(login(SECRETARY, p)), Actor(login(CHAIRMAN_OFFICE, p))
    blocks = range(province.plan.blocks)
    try:
        began = recorder.began = time.perf_counter()
        with recorder.timed_phase("meetings"):
            for b in blocks:
                with recorder.step("meetings"):
                    async with open_session() as session:
                        meeting = await create_meeting(session, _as(BlockMeetingCreate, meeting_body(province, b)),
                                                       Actor(head_login(b, p)))
                        await session.commit()
                        ids.meetings[b] = meeting.id
                    ids.nominations[b] = await _nomination_ids(meeting.id)
        with recorder.timed_phase("ballots"):
            for b in blocks:
                with recorder.step("ballots"):
                    body = _as(MeetingResultsRecord, results_body(province, b, ids.nominations[b]))
                    async with open_session() as session:
                        await record_meeting_results(session, ids.meetings[b], body, Actor(head_login(b, p)))
                        await session.commit()
                    await _tally(ids.meetings[b])
        with recorder.timed_phase("proposals"):
            for b in blocks:
                with recorder.step("proposals"):
                    async with open_session() as session:
                        proposal = await submit_proposal(session, _as(ProposalCreate, proposal_body(
                            b, ids.meetings[b])), Actor(head_login(b, p)))
                        await session.commit()
                        ids.proposals[b] = proposal.id
                    await _submission(proposal.id)
        with recorder.timed_phase("screening"):
            for b in blocks:
                with recorder.step("screening"):
                    async with open_session() as session:
                        await record_screening(session, ids.proposals[b], _as(
                            ScreeningRecord, screening_body(ids.nominations[b])), secretary)
                        await session.commit()
                    await _screening(ids.proposals[b])
        with recorder.timed_phase("council"):
            with recorder.step("council"):
                async with open_session() as session:
                    council = await create_council_session(
                        session, _as(CouncilSessionCreate, council_session_body(province)), secretary)
                    await session.commit()
                    ids.council_session = council.id
            with recorder.step("council"):
                async with open_session() as session:
                    await record_council_votes(session, ids.council_session, _as(
                        CouncilVotesRecord, council_votes_body(province, ids)), secretary)
                    await session.commit()
                await _council(ids.council_session)
            with recorder.step("council"):
                async with open_session() as session:
                    standing = await create_council_session(
                        session, _as(CouncilSessionCreate, standing_session_body(province)), secretary)
                    await session.commit()
                    ids.standing_session = standing.id
                async with open_session() as session:
                    await record_standing_appraisal(session, ids.standing_session, _as(
                        StandingAppraisalRecord, standing_results_body(province, ids)), secretary)
                    await session.commit()
                await _standing(ids.standing_session)
        with recorder.timed_phase("decisions"):
            for code in awards_in_mix(province):
                with recorder.step("decisions"):
                    async with open_session() as session:
                        decision = await create_decision(session, _as(DecisionCreate, decision_body(
                            ids, code)), secretary)
                        await session.commit()
                        ids.decisions[code] = decision.id
        with recorder.timed_phase("signing"):
            for code in awards_in_mix(province):
                with recorder.step("signing"):
                    async with open_session() as session:
                        await sign_decision(session, ids.decisions[code], _as(DecisionSign, sign_body(province)),
                                            office)
                        await session.commit()
                    issued = await _issue(ids.decisions[code])
                ids.awarded += sum(1 for row in issued if row["state"] == State.AWARDED.value)
        recorder.total = time.perf_counter() - began
    finally:
        use_engine(None)
        await engine.dispose()
    return ids


async def _nomination_ids(meeting_id: int) -> list[int]:
    async with open_session() as session:
        return list((await session.exec(select(Nomination.id).where(
            Nomination.meeting_id == meeting_id).order_by(col(Nomination.id)))).all())
