"""The only way a nomination changes state: check the guard, bump the version, append the transition."""

from typing import Any

from sqlalchemy import update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import State
from models.domain.errors import Conflict, Problem
from models.domain.workflow import MoveContext, check_move
from models.tables.nomination import Nomination, Transition


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
        raise Conflict(Problem("state", verdict.rule, verdict.reason))
    # Compare-and-set on the version: if anyone moved this nomination since we read it, nothing is written.
    changed = await session.exec(
        update(Nomination)
        .where(col(Nomination.id) == nomination.id, col(Nomination.version) == version)
        .values(state=target, version=version + 1)
    )
    if changed.rowcount != 1:
        raise Conflict(
            Problem("version", "nomination.changed", f"Nomination {nomination.id} was changed by someone else.")
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
        evidence=evidence or {},
        stage_id=stage_id,
        flow_run_id=flow_run_id,
    )
    session.add(transition)
    await session.flush()
    await session.refresh(nomination)
    return transition


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
        evidence=evidence,
    )
