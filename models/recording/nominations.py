"""Moves people make by hand: withdraw a nomination, put it on hold, or lift the hold."""

from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import State
from models.domain.errors import Conflict, Problem, refuse
from models.domain.facts import DossierFacts
from models.domain.limits import MAX_REASON_LENGTH, RefId
from models.domain.vietnamese import STATE_VI, states_vi
from models.domain.workflow import MoveContext
from models.recording.common import get_or_404
from models.storage.moves import move
from models.storage.queries import transitions_of
from models.tables.nomination import FactsRevision, Nomination, Transition


class ManualMove(SQLModel):
    """Withdraw, put on hold, or lift a hold (back to the state the nomination was held in)."""

    to_state: State
    reason: str = Field(max_length=MAX_REASON_LENGTH)
    version: RefId | None = Field(default=None, description="The version you read; or send it as If-Match")


async def move_by_hand(session: AsyncSession, nomination_id: int, data: ManualMove, actor: Actor) -> Transition:
    nomination = await get_or_404(session, Nomination, nomination_id, "nomination_id")
    if data.version is None:
        raise refuse("version", "version.required",
                     "Say which version you are changing: the 'version' field or an If-Match header.",
                     vi="Cần cho biết phiên bản hồ sơ đang sửa: trường 'version' hoặc tiêu đề If-Match.")
    if data.version != nomination.version:
        raise Conflict(Problem("version", "nomination.changed",
                               f"The nomination is at version {nomination.version}, not {data.version}; reload it.",
                               vi=f"Hồ sơ đã được người khác cập nhật (phiên bản hiện tại {nomination.version}, "
                                  f"không phải {data.version}); đề nghị tải lại hồ sơ."))
    history = await transitions_of(session, nomination_id)
    # The transition that placed the hold remembers where the nomination was.
    held_from = history[-1].from_state if nomination.state == State.ON_HOLD and history else None
    return await move(session, nomination, data.to_state, MoveContext(reason=data.reason, held_from=held_from),
                      actor=actor, evidence={"by_hand": True})


# A block corrects its dossier's facts while the dossier is with the block: before submission, or returned.
FACTS_EDITABLE = {State.NOMINATED, State.ENDORSED, State.RETURNED}


async def update_facts(
    session: AsyncSession, nomination: Nomination, facts: DossierFacts, actor: Actor
) -> Nomination:
    if nomination.state not in FACTS_EDITABLE:
        raise Conflict(Problem("state", "facts.with_the_block",
                               f"The dossier is {nomination.state.value}; its facts can be corrected only while it "
                               "is with the block (nominated, endorsed or returned).",
                               vi=f"Hồ sơ đang ở trạng thái «{STATE_VI[nomination.state]}»; chỉ được sửa thông tin "
                                  f"khi hồ sơ còn ở Khối ({states_vi(FACTS_EDITABLE)})."))
    declared = facts.model_dump(mode="json", exclude_none=True)
    session.add(FactsRevision(nomination_id=nomination.id, previous=nomination.facts, facts=declared,
                              actor=actor.username, on_behalf_of=actor.on_behalf_of,
                              client_address=actor.client_address))
    nomination.facts = declared
    session.add(nomination)
    return nomination
