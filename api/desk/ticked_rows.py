"""Forms whose rows are ticked to take part (a council's votes, its standing body's appraisal): which rows were
ticked, and the API's refusal of its k-th item shown on the k-th ticked row."""

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.desk.guard import Desk
from models.domain.errors import Problem
from models.domain.limits import MAX_PROVINCE_ROWS
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.tables.council import CouncilSession


def ticked_rows(form: FormData, prefix: str) -> list[int]:
    """The rows `<prefix>.<i>.include` ticked, in order (a row number past the province's size is not a row)."""
    return sorted(int(k.split(".")[1]) for k, v in form.items()
                  if k.startswith(f"{prefix}.") and k.endswith(".include") and k.split(".")[1].isdigit()
                  and int(k.split(".")[1]) < MAX_PROVINCE_ROWS and v == "on")


def on_ticked_row(problem: Problem, rows: list[int], prefix: str) -> Problem:
    """The API's `<prefix>.<k>…` is the k-th ticked row of the form."""
    parts = problem.field.split(".")
    if parts[0] == prefix and len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(rows):
        return Problem(".".join([prefix, str(rows[int(parts[1])]), *parts[2:]]), problem.rule, problem.message,
                       vi=problem.vi)
    return problem


async def session_to_record(session: AsyncSession, desk: Desk, session_id: int) -> CouncilSession:
    """The council session whose votes or appraisal the secretary records."""
    desk.principal.require(Action.RECORD_COUNCIL_VOTES)
    return await get_or_404(session, CouncilSession, session_id, "session_id")
