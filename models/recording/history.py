"""Importing past years' award decisions: every row is checked first, and one wrong row imports nothing."""

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import RecipientKind
from models.domain.errors import DomainError, Problem, capped
from models.domain.history_csv import HistoryRow, clean, name_key, parse_history_csv
from models.domain.vietnamese import RECIPIENT_VI
from models.tables.award import Award
from models.tables.history import HistoryImport
from models.tables.nomination import AwardRecord
from models.tables.organisation import Person, Unit

MAX_PROBLEMS = 100  # enough to fix a file by; a file wrong on every row would otherwise answer megabytes

class RecordKey(NamedTuple):
    """One award per recipient and year."""

    award_id: int
    year: int
    unit_id: int | None
    person_id: int | None


@dataclass(frozen=True)
class Resolved:
    row: HistoryRow
    award: Award
    key: RecordKey


@dataclass
class Lookups:
    awards: dict[str, Award]
    units: dict[str, Unit]
    people: dict[tuple[int, str], list[Person]]  # (unit id, name key) → people of that name in that unit


async def import_history(session: AsyncSession, content: bytes, file_name: str, actor: Actor) -> HistoryImport:
    """Store the file's records that are not there yet; refuse the whole file if any row is wrong."""
    rows, problems = parse_history_csv(content)
    log = HistoryImport(file_name=file_name[:255], sha256=hashlib.sha256(content).hexdigest(), rows=len(rows),
                        imported=0, already_present=0, imported_by=actor.username,
                        on_behalf_of=actor.on_behalf_of, client_address=actor.client_address)
    await _one_import_at_a_time(session, log)
    resolved, wrong = _resolve(rows, await _lookups(session, rows))
    problems += wrong
    existing = await _existing(session, resolved)
    problems += _duplicates(resolved, existing)
    if problems:
        raise DomainError(*capped(sorted(problems, key=_row_order), MAX_PROBLEMS, "rows", "history.more_problems"))
    new = [r for r in resolved if r.key not in existing]
    session.add_all(AwardRecord(year=r.key.year, award_id=r.key.award_id, recipient_kind=r.award.recipient_kind,
                                unit_id=r.key.unit_id, person_id=r.key.person_id,
                                decision_number=r.row.decision_number, source="import", kind=r.row.kind)
                    for r in new)
    log.imported, log.already_present = len(new), len(rows) - len(new)
    session.add(log)
    await session.flush()
    return log


async def _one_import_at_a_time(session: AsyncSession, log: HistoryImport) -> None:
    """Two overlapping files imported at once must not both add the same record, so imports queue here."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await (await session.connection()).execute(text("LOCK TABLE historyimport IN SHARE ROW EXCLUSIVE MODE"))
    session.add(log)
    await session.flush()  # on SQLite, the first write takes the database's single write lock


async def _lookups(session: AsyncSession, rows: Sequence[HistoryRow]) -> Lookups:
    awards = {a.code: a for a in (await session.exec(select(Award))).all()}
    codes = {r.unit_code for r in rows}
    units = {u.code: u for u in (await session.exec(select(Unit).where(col(Unit.code).in_(codes)))).all()}
    unit_ids = [u.id for u in units.values()]
    people: dict[tuple[int, str], list[Person]] = defaultdict(list)
    for person in (await session.exec(select(Person).where(col(Person.unit_id).in_(unit_ids)))).all():
        people[(person.unit_id, name_key(person.full_name))].append(person)
    return Lookups(awards, units, people)


def _resolve(rows: Sequence[HistoryRow], found: Lookups) -> tuple[list[Resolved], list[Problem]]:
    resolved: list[Resolved] = []
    problems: list[Problem] = []
    for row in rows:
        award, unit = found.awards.get(row.award_code), found.units.get(row.unit_code)
        n = row.row
        if award is None and row.award_code:
            problems.append(Problem(f"rows.{n}.award_code", "award.exists",
                                    f"Row {n}: there is no award with code {row.award_code!r} in the catalogue.",
                                    vi=f"Dòng {n}: danh mục khen thưởng không có hình thức mã {row.award_code!r}."))
        if unit is None and row.unit_code:
            problems.append(Problem(f"rows.{n}.unit_code", "unit.exists",
                                    f"Row {n}: there is no unit with code {row.unit_code!r}.",
                                    vi=f"Dòng {n}: không có đơn vị mã {row.unit_code!r}."))
        if award is None:
            continue
        if (award.recipient_kind == RecipientKind.INDIVIDUAL) != bool(row.person_name):
            problems.append(_kind_mismatch(row, award))
            continue
        if unit is None:
            continue
        person_id = None
        if row.person_name:
            person, problem = _person(row, unit, found)
            if problem is not None:
                problems.append(problem)
                continue
            person_id = person
        if row.year is not None:
            unit_id = unit.id if person_id is None else None  # an individual's record names the person only
            resolved.append(Resolved(row, award, RecordKey(award.id, row.year, unit_id, person_id)))
    return resolved, problems


def _kind_mismatch(row: HistoryRow, award: Award) -> Problem:
    if award.recipient_kind == RecipientKind.INDIVIDUAL:
        message = f"{award.code} is awarded to a person: give the person's full name in person_name."
        message_vi = f"{award.code} tặng cho cá nhân: ghi đầy đủ họ và tên người được khen ở cột person_name."
    else:
        message = f"{award.code} is awarded to a {award.recipient_kind.value}: leave person_name empty."
        message_vi = (f"{award.code} tặng cho {RECIPIENT_VI[award.recipient_kind].lower()}: "
                      "để trống cột person_name.")
    return Problem(f"rows.{row.row}.person_name", "history.recipient_kind", f"Row {row.row}: {message}",
                   vi=f"Dòng {row.row}: {message_vi}")


def _person(row: HistoryRow, unit: Unit, found: Lookups) -> tuple[int | None, Problem | None]:
    matches = found.people.get((unit.id, name_key(row.person_name)), [])
    field = f"rows.{row.row}.person_name"
    if not matches:
        return None, Problem(field, "person.exists",
                             f"Row {row.row}: nobody called {row.person_name!r} works in {unit.name} ({unit.code}).",
                             vi=f"Dòng {row.row}: {unit.name} ({unit.code}) không có ai tên {row.person_name!r}.")
    if len(matches) > 1:
        ids = ", ".join(str(p.id) for p in matches)
        return None, Problem(field, "person.ambiguous",
                             f"Row {row.row}: {len(matches)} people called {row.person_name!r} work in "
                             f"{unit.name} (ids {ids}); this file cannot tell them apart.",
                             vi=f"Dòng {row.row}: {unit.name} có {len(matches)} người cùng tên {row.person_name!r} "
                                f"(mã số {ids}); tệp này không phân biệt được là ai.")
    return matches[0].id, None


async def _existing(session: AsyncSession, resolved: Sequence[Resolved]) -> dict[RecordKey, str]:
    """Records already held for the rows' awards and years, with their decision numbers."""
    if not resolved:
        return {}
    query = select(AwardRecord).where(col(AwardRecord.award_id).in_({r.key.award_id for r in resolved}),
                                      col(AwardRecord.year).in_({r.key.year for r in resolved}))
    return {RecordKey(a.award_id, a.year, a.unit_id, a.person_id): a.decision_number
            for a in (await session.exec(query)).all()}


def _duplicates(resolved: Sequence[Resolved], existing: dict[RecordKey, str]) -> list[Problem]:
    """The same award twice for one recipient and year: a second decision, or a row repeated in the file.

    A row equal to a stored record (same decision number) is not a duplicate: importing a file again skips it."""
    problems: list[Problem] = []
    first_row: dict[RecordKey, int] = {}
    for r in resolved:
        field = f"rows.{r.row.row}.year"
        held = existing.get(r.key)
        if held is not None and clean(held) != r.row.decision_number:
            problems.append(Problem(field, "history.duplicate",
                                    f"Row {r.row.row}: this recipient already has {r.award.code} for {r.key.year} "
                                    f"by decision {held}, not {r.row.decision_number}.",
                                    vi=f"Dòng {r.row.row}: trường hợp này đã được tặng {r.award.code} năm {r.key.year} "
                                       f"theo Quyết định số {held}, không phải {r.row.decision_number}."))
        elif r.key in first_row:
            problems.append(Problem(field, "history.duplicate",
                                    f"Row {r.row.row} repeats row {first_row[r.key]}: the same recipient, award "
                                    "and year.",
                                    vi=f"Dòng {r.row.row} trùng với dòng {first_row[r.key]}: cùng người (tập thể) "
                                       "được khen, cùng hình thức khen thưởng và cùng năm."))
        first_row.setdefault(r.key, r.row.row)
    return problems


def _row_order(problem: Problem) -> tuple[int, str]:
    parts = problem.field.split(".")
    return (int(parts[1]) if len(parts) > 1 else 0, problem.field)

