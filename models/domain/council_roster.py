"""The council's roster, pure: which seats are in force on a day, and a session's attendance checked against it.

A session held with the roster names only who attended (present_seat_ids) and which absent members sent a
written opinion (written_opinion_seat_ids); every other seat in force that day is absent. The seats themselves
come from the roster as it stood on the day the council met.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from models.domain.errors import Problem


@dataclass(frozen=True)
class Attendance:
    present: bool
    written_opinion: bool


def term_problems(serves_from: date, serves_until: date | None, field: str) -> list[Problem]:
    if serves_until is not None and serves_until < serves_from:
        return [Problem(field, "council.term_order",
                        f"A term cannot end ({serves_until:%d/%m/%Y}) before it begins ({serves_from:%d/%m/%Y}).",
                        vi=f"Nhiệm kỳ không thể kết thúc ({serves_until:%d/%m/%Y}) trước ngày bắt đầu "
                           f"({serves_from:%d/%m/%Y}).")]
    return []


def form_problems(typed_members: bool, roster_attendance: bool) -> list[Problem]:
    """A session takes its members one way: typed in (members) or from the roster (the seat id lists)."""
    if typed_members and roster_attendance:
        return [Problem("members", "council.members_or_attendance",
                        "Give either the members typed in or the roster's attendance (present_seat_ids, "
                        "written_opinion_seat_ids), not both.",
                        vi="Chỉ ghi một trong hai: danh sách thành viên nhập tay (members) hoặc danh sách dự họp "
                           "theo danh sách Hội đồng (present_seat_ids, written_opinion_seat_ids).")]
    if not typed_members and not roster_attendance:
        return [Problem("present_seat_ids", "council.members_or_attendance",
                        "Say who attended: present_seat_ids (and written_opinion_seat_ids) from the roster, or the "
                        "members typed in.",
                        vi="Chưa ghi thành viên dự họp: hãy ghi present_seat_ids (và written_opinion_seat_ids) theo "
                           "danh sách Hội đồng, hoặc nhập danh sách thành viên (members).")]
    return []


def attendance_problems(
    roster: Collection[int], held_on: date, present: Sequence[int], written_opinion: Sequence[int]
) -> list[Problem]:
    """Each seat named must be on the roster that day, named once, and not both present and writing in."""
    day = f"{held_on:%d/%m/%Y}"
    if not roster:
        return [Problem("held_on", "council.roster_empty",
                        f"No seat of the council's roster is in force on {day}.",
                        vi=f"Danh sách thành viên Hội đồng không có ai trong nhiệm kỳ vào ngày {day}.")]
    problems: list[Problem] = []
    seen: set[int] = set()
    for name, seats in (("present_seat_ids", present), ("written_opinion_seat_ids", written_opinion)):
        for i, seat in enumerate(seats):
            field = f"{name}.{i}"
            if seat not in roster:
                problems.append(Problem(field, "council.seat_not_on_roster",
                                        f"Seat {seat} is not on the council's roster on {day}.",
                                        vi=f"Thành viên mã số {seat} không có trong danh sách Hội đồng "
                                           f"vào ngày {day}."))
            elif seat in seen:
                problems.append(Problem(field, "council.seat_repeated",
                                        f"Seat {seat} is named twice: a member is present or sends a written "
                                        "opinion, once.",
                                        vi=f"Thành viên mã số {seat} được ghi hai lần: mỗi thành viên hoặc có mặt, "
                                           "hoặc gửi ý kiến bằng văn bản."))
            seen.add(seat)
    return problems


def attendance(
    roster: Sequence[int], present: Collection[int], written_opinion: Collection[int]
) -> dict[int, Attendance]:
    """Every seat of the day's roster with its attendance; a seat not named is absent."""
    return {seat: Attendance(seat in present, seat in written_opinion and seat not in present) for seat in roster}
