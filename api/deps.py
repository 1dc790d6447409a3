"""Dependencies shared by the routers."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request
from fastapi.security import OAuth2PasswordBearer
from sqlmodel.ext.asyncio.session import AsyncSession

from api.auth import Principal, principal_for
from models.domain.limits import MAX_ID
from models.storage.db import open_session

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
QueryYear = Annotated[int | None, Query(ge=1945, le=2100)]

oauth2 = OAuth2PasswordBearer(tokenUrl="/login/access-token", auto_error=False,
                              description="An access token from /login/access-token, or an API token (tdkt_…)")


async def get_session() -> AsyncIterator[AsyncSession]:
    async with open_session() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def get_principal(
    request: Request,
    session: SessionDep,
    token: Annotated[str | None, Depends(oauth2)],
    x_on_behalf_of: Annotated[str | None, Header(description="Act as the delegate of this login name")] = None,
) -> Principal:
    address = request.client.host if request.client else None
    return await principal_for(session, token, x_on_behalf_of, address)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]
