"""The only way a nomination changes state: check the guard, bump the version, append the transition.

`move` is one person's request; `move_all` is a stage's moves at once: the same guards and compare-and-set, in one
UPDATE per thousand nominations and one executemany INSERT of the transitions, so a stage's cost does not grow by a
query per nomination.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, case, insert, tuple_, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import State
from models.domain.errors import Conflict, Problem
from models.domain.workflow import MoveContext, check_move
from models.tables.base import utc_now
from models.tables.nomination import Nomination, Transition

CREATION_REASON_VI = "Được đề cử tại hội nghị tổng kết của Khối"


async def move(
    session: AsyncSession,
    nomination: Nomination,
    target: State,
    context: MoveContext,
    *,
    actor: Actor,
    evidence: dict[str, Any] | None = None,
    stage_id: int | None = None,
    flow_run_id: str | None = None,
) -> Transition:
    source, version = nomination.state, nomination.version
    verdict = check_move(source, target, context)
    if not verdict.allowed:
        raise Conflict(verdict.problem("state"))
    # Compare-and-set on the version: if anyone moved this nomination since we read it, nothing is written.
    changed = await session.exec(
        update(Nomination)
        .where(col(Nomination.id) == nomination.id, col(Nomination.version) == version)
        .values(state=target, version=version + 1)
    )
    if changed.rowcount != 1:
        raise Conflict(
            Problem("version", "nomination.changed", f"Nomination {nomination.id} was changed by someone else.",
                    vi=f"Hồ sơ mã số {nomination.id} vừa được người khác cập nhật; đề nghị tải lại hồ sơ.")
        )
    transition = Transition(
        nomination_id=nomination.id,
        from_state=source,
        to_state=target,
        actor=actor.username,
        on_behalf_of=actor.on_behalf_of,
        client_address=actor.client_address,
        rule=verdict.rule,
        reason=context.reason or verdict.reason,
        reason_vi=context.reason_vi or context.reason or verdict.reason_vi,
        evidence=evidence or {},
        stage_id=stage_id,
        flow_run_id=flow_run_id,
    )
    session.add(transition)
    await session.flush()
    await session.refresh(nomination)
    return transition


@dataclass(frozen=True)
class StageMove:
    nomination: Nomination
    target: State
    context: MoveContext
    evidence: dict[str, Any]


BATCH = 1_000  # nominations per UPDATE: far under SQLite's and PostgreSQL's limits on bound parameters


async def move_all(
    session: AsyncSession, moves: Sequence[StageMove], *, actor: Actor, stage_id: int, flow_run_id: str | None
) -> None:
    """Move many nominations as one stage: every guard is checked first (one refusal moves nothing), then each
    nomination moves only if nobody changed it since it was read (its version), or the whole batch is refused."""
    verdicts = [check_move(m.nomination.state, m.target, m.context) for m in moves]
    for m, verdict in zip(moves, verdicts, strict=True):
        if not verdict.allowed:
            raise Conflict(verdict.problem(f"nomination.{m.nomination.id}"))
    for start in range(0, len(moves), BATCH):
        await _compare_and_set(session, moves[start:start + BATCH])
    # The transitions as rows, not objects: one executemany, where objects cost an INSERT each on SQLite (which
    # cannot return the new ids of a batch in order) and most of a stage's Python time to build.
    at = utc_now()  # the stage's moves are one act
    rows = [dict(nomination_id=m.nomination.id, from_state=m.nomination.state, to_state=m.target,
                 actor=actor.username, on_behalf_of=actor.on_behalf_of, client_address=actor.client_address, at=at,
                 rule=verdict.rule, reason=m.context.reason or verdict.reason,
                 reason_vi=m.context.reason_vi or m.context.reason or verdict.reason_vi, evidence=m.evidence,
                 stage_id=stage_id, flow_run_id=flow_run_id)
            for m, verdict in zip(moves, verdicts, strict=True)]
    if rows:
        core: Table = Transition.__table__  # type: ignore[attr-defined]
        await (await session.connection()).execute(insert(core), rows)
    for m in moves:  # the rows now hold these values; the objects are told so without another read
        set_committed_value(m.nomination, "state", m.target)
        set_committed_value(m.nomination, "version", m.nomination.version + 1)


async def _compare_and_set(session: AsyncSession, moves: Sequence[StageMove]) -> None:
    if not moves:
        return
    targets = {m.nomination.id: m.target for m in moves}
    changed = await session.exec(
        update(Nomination)
        .where(tuple_(col(Nomination.id), col(Nomination.version)).in_(
            [(m.nomination.id, m.nomination.version) for m in moves]))
        .values(state=case(targets, value=col(Nomination.id)), version=col(Nomination.version) + 1)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != len(moves):
        raise Conflict(Problem("version", "nomination.changed",
                               "A nomination of this stage was changed by someone else meanwhile.",
                               vi="Trong lúc xử lý, một hồ sơ của bước này đã được người khác cập nhật."))


def record_creation(nomination: Nomination, actor: Actor, evidence: dict[str, Any]) -> Transition:
    """The first line of a nomination's history: put forward at its block meeting."""
    return Transition(
        nomination_id=nomination.id,
        from_state=None,
        to_state=State.NOMINATED,
        actor=actor.username,
        on_behalf_of=actor.on_behalf_of,
        client_address=actor.client_address,
        rule="meeting.candidate",
        reason="Put forward at the block meeting",
        reason_vi=CREATION_REASON_VI,
        evidence=evidence,
    )
