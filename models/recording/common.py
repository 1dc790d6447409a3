"""Look-ups and checks every recording function needs."""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.deadlines import Act
from models.domain.enums import BlockRole, StageKind, State
from models.domain.errors import Conflict, DomainError, Problem, not_found, refuse
from models.domain.vietnamese import STAGE_VI, STATE_VI, object_vi, states_vi
from models.storage.catalogue_file import catalogue
from models.tables.award import Award
from models.tables.nomination import Nomination
from models.tables.organisation import BlockMembership, Person
from models.tables.stage import Stage

Row = TypeVar("Row", bound=SQLModel)


def require_on_time(act: Act, day: date, year: int, field: str) -> None:
    """Refuse an act dated after a fixed deadline the province enforces (late = "refuse" in its [[deadlines]])."""
    for entry in catalogue().deadlines:
        deadline = entry.deadline()
        if entry.late != "refuse" or deadline.met_by != act or deadline.by_month_day is None:
            continue
        due = deadline.by_month_day.of(year + deadline.year_offset)
        if day > due:
            raise refuse(field, f"deadline.{deadline.code}",
                         f"Dated {day:%d/%m/%Y}, after the deadline of {due:%d/%m/%Y} ({entry.basis}).",
                         vi=f"Ngày {day:%d/%m/%Y} đã quá thời hạn {due:%d/%m/%Y}: {deadline.says} ({entry.basis}).")


def require_in_emulation_year(day: date, year: int, field: str, what: str, what_vi: str) -> None:
    """Refuse an act dated outside the days the province allows for reviewing `year` (its [emulation_year])."""
    problem = catalogue().emulation_year.window().outside(day, year, field, what, what_vi)
    if problem is not None:
        raise DomainError(problem)


async def get_or_404(session: AsyncSession, model: type[Row], object_id: int, field: str) -> Row:
    row = await session.get(model, object_id)
    if row is None:
        raise not_found(field, model.__name__.lower(), object_id, what_vi=object_vi(model.__name__))
    return row


async def award_by_code(session: AsyncSession, code: str, field: str) -> Award:
    award = (await session.exec(select(Award).where(Award.code == code))).first()
    if award is None:
        raise unknown_award(code, field)
    return award


def unknown_award(code: str, field: str) -> DomainError:
    return refuse(field, "award.exists", f"There is no award with code {code!r} in the catalogue.",
                  vi=f"Danh mục khen thưởng không có hình thức mã {code!r}.")


async def members_of(session: AsyncSession, block_id: int, year: int) -> list[BlockMembership]:
    query = select(BlockMembership).where(BlockMembership.block_id == block_id, BlockMembership.year == year)
    return list((await session.exec(query.order_by(col(BlockMembership.id)))).all())


async def membership_of(session: AsyncSession, unit_id: int, year: int) -> BlockMembership | None:
    """The unit's place in a block that year, if it has one (a unit belongs to one block a year)."""
    query = select(BlockMembership).where(BlockMembership.unit_id == unit_id, BlockMembership.year == year)
    return (await session.exec(query)).first()


async def candidate_unit(session: AsyncSession, unit_id: int | None, person_id: int | None) -> int:
    """The unit a candidate stands for: the collective itself, or the individual's unit."""
    if (unit_id is None) == (person_id is None):
        raise refuse("unit_id", "candidate.recipient", "Give either unit_id (a collective) or person_id.",
                     vi="Chỉ ghi một trong hai: mã đơn vị (unit_id, với tập thể) hoặc mã cá nhân (person_id).")
    if person_id is not None:
        return (await get_or_404(session, Person, person_id, "person_id")).unit_id
    assert unit_id is not None
    return unit_id


async def block_head(session: AsyncSession, block_id: int, year: int) -> BlockMembership:
    for member in await members_of(session, block_id, year):
        if member.role == BlockRole.HEAD:
            return member
    raise refuse("block_id", "block.head_missing", f"Block {block_id} has no head for {year}.",
                 vi=f"Khối thi đua mã số {block_id} chưa có đơn vị Trưởng Khối năm {year}.")


async def nominations_by_id(
    session: AsyncSession, ids: Sequence[int], field: str
) -> dict[int, Nomination]:
    rows = (await session.exec(select(Nomination).where(col(Nomination.id).in_(ids)))).all()
    found = {n.id: n for n in rows if n.id is not None}
    missing = [Problem(f"{field}.{i}", "exists", f"There is no nomination with id {nid}.",
                       vi=f"Không tìm thấy hồ sơ đề nghị có mã số {nid}.")
               for i, nid in enumerate(ids) if nid not in found]
    if missing:
        raise DomainError(*missing)
    return found


def require_states(
    nominations: Iterable[tuple[int, Nomination]], allowed: set[State], field: str, action: str, *, action_vi: str
) -> None:
    """`action_vi` completes "không thể …", e.g. "đưa vào Tờ trình"."""
    """Refuse (409) when a listed nomination is not where this step of the workflow takes it from."""
    wrong = [
        Problem(f"{field}.{i}", "workflow.state",
                f"Nomination {n.id} is {n.state.value}; {action} needs it to be "
                + " or ".join(sorted(s.value for s in allowed)) + ".",
                vi=f"Hồ sơ mã số {n.id} đang ở trạng thái «{STATE_VI[n.state]}», không thể {action_vi}; "
                   f"hồ sơ cần ở trạng thái {states_vi(allowed)}.")
        for i, n in nominations
        if n.state not in allowed
    ]
    if wrong:
        raise Conflict(*wrong)


def require_unique(ids: Sequence[int], field: str) -> None:
    seen: set[int] = set()
    for i, value in enumerate(ids):
        if value in seen:
            raise refuse(f"{field}.{i}", "unique", f"Id {value} is listed twice.",
                         vi=f"Mã số {value} được ghi hai lần.")
        seen.add(value)


async def refuse_if_recorded(session: AsyncSession, kind: StageKind, subject_id: int) -> None:
    """Each stage is recorded once; saying so first is clearer than the state errors a second try would meet."""
    existing = (await session.exec(
        select(Stage).where(Stage.kind == kind, Stage.subject_id == subject_id)
    )).first()
    if existing is not None:
        raise Conflict(Problem("stage", "stage.already_recorded",
                               f"This {kind.value.replace('_', ' ')} was already recorded "
                               f"by {existing.recorded_by}.",
                               vi=f"Bước «{STAGE_VI[kind]}» này đã được {existing.recorded_by} ghi nhận trước đó."))


async def record_stage(
    session: AsyncSession, kind: StageKind, subject_id: int, year: int, actor: Actor,
    block_id: int | None = None,
) -> Stage:
    """Note that a person's input is stored and the stage's flow must now finish it (exactly once)."""
    await refuse_if_recorded(session, kind, subject_id)
    stage = Stage(kind=kind, subject_id=subject_id, year=year, block_id=block_id, recorded_by=actor.username,
                  on_behalf_of=actor.on_behalf_of, client_address=actor.client_address)
    session.add(stage)
    await session.flush()
    return stage
