"""The desk's home page: the signed-in person's "việc cần làm", one section per role they hold."""

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from prefect.settings import PREFECT_UI_URL

from api.deps import SessionDep
from api.desk import revocation_work, work
from api.desk.forwarding_work import chairman_forwarding_tasks, secretary_forwarding_tasks
from api.desk.guard import SignedIn
from api.desk.member_work import member_unit_tasks
from api.desk.public_comment_tasks import public_comment_tasks
from api.desk.render import page
from api.desk.route import DeskRoute
from models.domain.permissions import Role
from models.domain.vietnamese import ROLE_VI

router = APIRouter(route_class=DeskRoute)


@dataclass(frozen=True)
class Section:
    role: Role
    heading: str
    tasks: list[work.Task]


@router.get("")
async def inbox(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    roles = {g.role for g in desk.principal.grants}
    sections = []
    if Role.BLOCK_HEAD in roles:
        sections.append(Section(Role.BLOCK_HEAD, ROLE_VI[Role.BLOCK_HEAD],
                                await work.block_head_tasks(session, desk.principal)))
    if Role.MEMBER_UNIT in roles:
        sections.append(Section(Role.MEMBER_UNIT, ROLE_VI[Role.MEMBER_UNIT],
                                await member_unit_tasks(session, desk.principal)))
    if Role.COUNCIL_SECRETARY in roles:
        sections.append(Section(Role.COUNCIL_SECRETARY, ROLE_VI[Role.COUNCIL_SECRETARY],
                                [*await work.secretary_tasks(session), *await public_comment_tasks(session),
                                 *await secretary_forwarding_tasks(session),
                                 *await revocation_work.flagged_nominations(session)]))
    if Role.CHAIRMAN_OFFICE in roles:
        sections.append(Section(Role.CHAIRMAN_OFFICE, ROLE_VI[Role.CHAIRMAN_OFFICE],
                                [*await work.chairman_office_tasks(session), *await chairman_forwarding_tasks(session),
                                 *await revocation_work.revocations_to_sign(session)]))
    if Role.ADMINISTRATOR in roles:
        sections.append(Section(Role.ADMINISTRATOR, ROLE_VI[Role.ADMINISTRATOR],
                                await work.administrator_tasks(session)))
    prefect_ui = PREFECT_UI_URL.value()  # None when no Prefect UI is known: run ids are shown without a link
    return page(request, "inbox.html", {"desk": desk, "sections": sections,
                                        "prefect_ui": prefect_ui.rstrip("/") if prefect_ui else None})
