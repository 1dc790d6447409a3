"""How far a block head reads in lists: the blocks and years they head, and those blocks' member units.

Objects read one by one are checked by `Principal.require(Action.READ_BLOCK, block, year)` (domain/permissions.py);
lists are filtered here, from the same grants, so the nominations, units, people and award-history lists cannot
drift apart and leak another block's data.
"""

from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.auth import Principal
from models.domain.permissions import Action
from models.tables.organisation import BlockMembership


def in_headed_blocks(principal: Principal, block_id: Any, year: Any) -> ColumnElement[bool] | None:
    """None when the caller reads the whole province; else "this row's block and year is one they head".

    An account with no role that reads the province or a block is refused (403)."""
    if principal.covers_province():
        return None
    if not principal.block_years():
        principal.require(Action.READ_BLOCK)  # names the roles that may read a block
    return or_(false(), *(and_(block_id == b, year == y) for b, y in principal.block_years()))


def headed_member_units(principal: Principal) -> SelectOfScalar[int] | None:
    """None when the caller reads the whole province; else the ids of the member units they may read."""
    headed = in_headed_blocks(principal, col(BlockMembership.block_id), col(BlockMembership.year))
    return None if headed is None else select(BlockMembership.unit_id).where(headed)
