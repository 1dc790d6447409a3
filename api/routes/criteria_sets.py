"""Criteria sets: the province's (uploaded by its office) or a block's own (by the block head), versioned per year."""

from fastapi import APIRouter, status
from sqlalchemy import or_
from sqlmodel import col, select

from api.deps import CurrentPrincipal, PathId, QueryYear, SessionDep
from api.scope import in_scored_blocks, require_scoring_reader
from models.domain.errors import Forbidden, Problem
from models.domain.limits import RefId
from models.domain.permissions import Action
from models.domain.scoring_criteria import CriteriaSetDefinition
from models.recording.common import get_or_404
from models.recording.scoring_sets import upload_criteria_set
from models.tables.movement_scoring import CriteriaSet, CriteriaSetPublic

router = APIRouter(prefix="/criteria-sets", tags=["movements and scoring"])


class CriteriaSetUpload(CriteriaSetDefinition):
    block_id: RefId | None = None  # a block's own set; none: the province's, for every block


def public(row: CriteriaSet) -> CriteriaSetPublic:
    return CriteriaSetPublic.model_validate(row, update={"definition": row.parsed()})


@router.post("", status_code=status.HTTP_201_CREATED)
async def upload(data: CriteriaSetUpload, session: SessionDep, principal: CurrentPrincipal) -> CriteriaSetPublic:
    """Upload a criteria set (JSON): the tree, bonus and penalty items with caps, bands and tie-break; the same code
    and year uploaded again is its next version."""
    if data.block_id is None:
        if not principal.scope.whole_province and principal.scope.block_years:  # a block head
            raise Forbidden(Problem("block_id", "criteria.province_set",
                                    "Only the province's office uploads a set for every block; give your block_id.",
                                    vi="Chỉ cơ quan thường trực của tỉnh ban hành bảng tiêu chí chung cho mọi Khối; "
                                       "Trưởng Khối ghi mã Khối của mình (block_id)."))
        principal.require(Action.MANAGE_CRITERIA)
    else:
        principal.require(Action.MANAGE_CRITERIA, data.block_id, data.year, field="block_id")
    definition = CriteriaSetDefinition.model_validate(data.model_dump(exclude={"block_id"}))
    row = await upload_criteria_set(session, definition, data.block_id, principal.actor)
    await session.commit()
    return public(row)


@router.get("")
async def list_sets(
    session: SessionDep, principal: CurrentPrincipal, year: QueryYear = None
) -> list[CriteriaSetPublic]:
    """The province's sets and those of the blocks the caller reads."""
    query = select(CriteriaSet).order_by(col(CriteriaSet.year), col(CriteriaSet.code), col(CriteriaSet.version))
    if year is not None:
        query = query.where(CriteriaSet.year == year)
    headed = in_scored_blocks(principal, col(CriteriaSet.block_id), col(CriteriaSet.year))
    if headed is not None:
        query = query.where(or_(col(CriteriaSet.block_id).is_(None), headed))
    return [public(r) for r in (await session.exec(query)).all()]


@router.get("/{criteria_set_id}")
async def read(criteria_set_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> CriteriaSetPublic:
    row = await get_or_404(session, CriteriaSet, criteria_set_id, "criteria_set_id")
    require_scoring_reader(principal)
    if row.block_id is not None:
        principal.require(Action.READ_SCORING, row.block_id, row.year, field="criteria_set_id")
    return public(row)
