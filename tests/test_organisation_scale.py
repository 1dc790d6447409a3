"""A province at real scale imports in as many statements as a small one: the import is set-based."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from models.domain.audit import Actor
from models.recording.organisation import import_organisation
from models.storage.db import get_engine, open_session
from tests.organisation_workbook import BLOCKS_HEADER, MEMBERS_HEADER, PEOPLE_HEADER, UNITS_HEADER, YEAR, xlsx


def generated(prefix: str, blocks: int, units_per_block: int, people_per_unit: int, name: str = "") -> bytes:
    units: list[list[Any]] = [UNITS_HEADER]
    people: list[list[Any]] = [PEOPLE_HEADER]
    block_rows: list[list[Any]] = [BLOCKS_HEADER]
    members: list[list[Any]] = [MEMBERS_HEADER]
    for b in range(blocks):
        block_rows.append([f"{prefix}K{b:02}", f"Khối thi đua số {b + 1}{name}", "Khối"])
        for u in range(units_per_block):
            code = f"{prefix}U{b:02}{u:02}"
            units.append([code, f"Đơn vị {b + 1}.{u + 1}{name}", "UBND TỈNH", "Khác", "Thủ trưởng", "", None, None])
            members.append([YEAR, f"{prefix}K{b:02}", code, "Trưởng khối" if u == 0 else "Thành viên"])
            people += [[f"Người {b}.{u}.{p}", "Nữ", f"0{p % 9 + 1}/01/1980", f"Chuyên viên{name}", code]
                       for p in range(people_per_unit)]
    return xlsx({"Đơn vị": units, "Cá nhân": people, "Khối": block_rows, "Thành viên khối": members})


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every statement sent to the database meanwhile (an executemany or a batch of many rows counts once)."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement.split()[0])

    engine = get_engine().sync_engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


async def imported(content: bytes) -> tuple[list[str], dict[str, dict[str, int]]]:
    with statements() as seen:
        async with open_session() as session:
            outcome = await import_organisation(session, content, "tinh.xlsx", Actor("test"))
            await session.commit()
    return seen, outcome.counts


async def test_a_province_at_scale_imports_and_updates_in_the_statements_of_a_small_one(database_url: str) -> None:
    small, _ = await imported(generated("S", 2, 2, 1))
    big, counts = await imported(generated("B", 30, 10, 3))  # 30 blocks, 300 units, 900 people, 300 memberships
    assert counts == {"units": {"created": 300, "updated": 0, "unchanged": 0},
                      "people": {"created": 900, "updated": 0, "unchanged": 0},
                      "blocks": {"created": 30, "updated": 0, "unchanged": 0},
                      "memberships": {"created": 300, "updated": 0, "unchanged": 0}}
    assert len(big) == len(small), (small, big)
    renamed, counts = await imported(generated("B", 30, 10, 3, " (tên mới)"))
    assert (counts["units"]["updated"], counts["people"]["updated"], counts["blocks"]["updated"]) == (300, 900, 30)
    # Units, blocks and people changed: one UPDATE executemany each in place of their INSERTs, each followed by
    # the change log's one INSERT; memberships are as they were (no statement); last, the import's log.
    assert renamed == [*big[:-9], "UPDATE", "INSERT", "UPDATE", "INSERT", "UPDATE", "INSERT", "UPDATE"], (
        big, renamed)
