"""A member unit's "việc cần làm": the open scoring rounds of its block and year, each a link to its own sheet
(bảng tự chấm điểm). One query over every unit the account speaks for."""

from sqlalchemy import tuple_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.auth import Principal
from api.desk.work import Task
from models.domain.movements import ScoringStatus
from models.domain.permissions import Role
from models.domain.vietnamese import SCORING_ROUND_VI
from models.tables.movement_scoring import BlockScoring
from models.tables.organisation import EmulationBlock, Unit


async def member_unit_tasks(session: AsyncSession, principal: Principal) -> list[Task]:
    spoken_for = {(g.block_id, g.year): g.unit_id for g in principal.grants
                  if g.role == Role.MEMBER_UNIT and g.block_id is not None and g.year is not None}
    if not spoken_for:
        return []
    query = (select(BlockScoring, EmulationBlock.name).join(EmulationBlock, col(EmulationBlock.id) == col(
        BlockScoring.block_id)).where(tuple_(col(BlockScoring.block_id), col(BlockScoring.year)).in_(
            sorted(spoken_for)), BlockScoring.status == ScoringStatus.OPEN).order_by(col(BlockScoring.id)))
    rounds = (await session.exec(query)).all()
    units = dict((await session.exec(select(Unit.id, Unit.name).where(
        col(Unit.id).in_([u for u in spoken_for.values() if u is not None])))).all())
    return [Task("Gửi bảng tự chấm điểm",
                 f"{units.get(unit_id or 0, '')}: {block_name}, năm {s.year} ({SCORING_ROUND_VI[s.round].lower()})",
                 f"/desk/scorings/{s.id}/units/{unit_id}")
            for s, block_name in rounds if (unit_id := spoken_for[(s.block_id, s.year)]) is not None]
