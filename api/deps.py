"""Dependencies shared by the routers."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header
from sqlmodel.ext.asyncio.session import AsyncSession

from models.db import open_session
from models.errors import refuse


async def get_session() -> AsyncIterator[AsyncSession]:
    async with open_session() as session:
        yield session


async def get_actor(
    x_actor: Annotated[str | None, Header(description="Who is acting, e.g. 'thuky.hoidong' (login name)")] = None,
) -> str:
    # Until accounts exist (issue 5), every change must at least say who made it.
    if x_actor is None or not x_actor.strip():
        raise refuse("X-Actor", "actor.required", "Say who is acting: send the X-Actor header with your login name.")
    return x_actor.strip()[:255]


SessionDep = Annotated[AsyncSession, Depends(get_session)]
ActorDep = Annotated[str, Depends(get_actor)]
