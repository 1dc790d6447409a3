"""Nominations as a worksheet an office opens in Excel: Vietnamese headers, states and recipient kinds as the desk
names them (models/domain/vietnamese.py). One query for every row, whatever their number."""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col
from sqlmodel.sql.expression import SelectOfScalar

from models.domain.enums import RecipientKind, State
from models.domain.vietnamese import RECIPIENT_VI, STATE_VI
from models.storage.organisation_workbook import write_workbook
from models.tables.award import Award
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock, Person, Unit

SHEET = "Hồ sơ đề nghị"
HEADERS = ["Số hồ sơ", "Năm", "Khối thi đua", "Hình thức khen thưởng", "Đối tượng", "Tên tập thể, cá nhân",
           "Chức vụ", "Đơn vị", "Trạng thái", "Thành tích", "Ngày lập hồ sơ"]


def export_query(nominations: SelectOfScalar[Nomination]) -> Any:
    """The rows of the nominations `nominations` selects (already filtered to what the caller may see), one
    statement: the person and their unit (or the collective unit) joined in, not read row by row."""
    chosen = nominations.with_only_columns(col(Nomination.id)).order_by(None).scalar_subquery()
    unit_id = func.coalesce(col(Nomination.unit_id), col(Person.unit_id))
    return (select(col(Nomination.id), col(Nomination.year), col(EmulationBlock.name), col(Award.name),
                   col(Nomination.recipient_kind), col(Person.full_name), col(Person.position), col(Unit.name),
                   col(Nomination.state), col(Nomination.achievement), col(Nomination.created_at))
            .join(Award, col(Award.id) == col(Nomination.award_id))
            .join(EmulationBlock, col(EmulationBlock.id) == col(Nomination.block_id))
            .outerjoin(Person, col(Person.id) == col(Nomination.person_id))
            .outerjoin(Unit, col(Unit.id) == unit_id)
            .where(col(Nomination.id).in_(chosen))
            .order_by(col(Nomination.id)))


def nominations_workbook(rows: list[Any]) -> bytes:
    sheet: list[list[object]] = [list(HEADERS)]
    for (number, year, block, award, kind, person, position, unit, state, achievement, created) in rows:
        individual = person is not None
        sheet.append([number, year, block, award, RECIPIENT_VI[RecipientKind(kind)], person if individual else unit,
                      position if individual else "", unit or "", STATE_VI[State(state)], achievement,
                      _day(created)])
    return write_workbook({SHEET: sheet})


VIETNAM = timezone(timedelta(hours=7))


def _day(moment: datetime | None) -> object:
    """Stored in UTC; the day as Vietnam's calendar reads it."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(VIETNAM).date()
