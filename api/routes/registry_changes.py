"""The registry's change log read across objects: what one import changed, or every change of a kind."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import col, select

from api.deps import CurrentPrincipal, QueryId, SessionDep
from api.registry_items import Limit, Offset, Page, change_public, page_of
from models.domain.enums import ChangeAction
from models.domain.permissions import Action
from models.domain.registry_changes import OBJECT_TYPES
from models.tables.registry import RegistryChange, RegistryChangePublic

router = APIRouter(prefix="/registry", tags=["registry"])
KINDS = ", ".join(sorted(OBJECT_TYPES.values()))


@router.get("/changes")
async def list_changes(
    session: SessionDep, principal: CurrentPrincipal,
    import_id: Annotated[QueryId, Query(description="The changes one workbook import made")] = None,
    object_type: Annotated[str | None, Query(max_length=40, description=f"One of: {KINDS}")] = None,
    object_id: QueryId = None, action: ChangeAction | None = None, limit: Limit = 100, offset: Offset = 0,
) -> Page[RegistryChangePublic]:
    """Changes matching every filter given, oldest first, with the total (the province's roles)."""
    principal.require(Action.READ_PROVINCE)
    query = select(RegistryChange)
    for column, value in ((RegistryChange.import_id, import_id), (RegistryChange.object_type, object_type),
                          (RegistryChange.object_id, object_id), (RegistryChange.action, action)):
        if value is not None:
            query = query.where(col(column) == value)
    return await page_of(session, query, col(RegistryChange.id), limit, offset, change_public)
