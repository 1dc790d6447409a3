"""How far a block head reads into the province's organisation: the member units of the blocks and years they head.

One place, so the units, people and award-history lists cannot drift apart and leak another block's staff.
"""

from sqlalchemy import and_, false, or_
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.auth import Principal
from models.organisation import BlockMembership
from models.permissions import Action


def headed_member_units(principal: Principal) -> SelectOfScalar[int] | None:
    """None when the caller reads the whole province; else the ids of the member units they may read.

    An account with no role that reads the province or a block is refused (403)."""
    if principal.covers_province():
        return None
    if not principal.block_years():
        principal.require(Action.READ_PROVINCE)
    scopes = [and_(col(BlockMembership.block_id) == b, col(BlockMembership.year) == y)
              for b, y in principal.block_years()]
    return select(BlockMembership.unit_id).where(or_(false(), *scopes))
