"""What each person sends during the province's year, as the JSON bodies of the README's walk-through.

The HTTP run posts them; the bare run validates them into the same request models and calls the recording
functions with them, so both make the same rows and documents.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from benchmarks.province_plan import (
    ACHIEVEMENT,
    FACTS,
    YEAR,
    block_candidates,
    council,
    head_login,
    person_name,
)
from benchmarks.province_setup import Province
from models.domain.enums import CouncilBody
from models.storage.catalogue_file import catalogue

SIGNER = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng"}


@dataclass
class YearIds:
    """Ids handed out while the year runs: per block its meeting, nominations and proposal; the council session;
    per award its decision."""

    meetings: dict[int, int] = field(default_factory=dict)  # block index → meeting id
    nominations: dict[int, list[int]] = field(default_factory=dict)  # block index → ids, in candidate order
    proposals: dict[int, int] = field(default_factory=dict)  # block index → proposal id
    council_session: int = 0
    standing_session: int = 0  # the standing body's (Thường trực Hội đồng), for the awards routed to it
    decisions: dict[str, int] = field(default_factory=dict)  # award code → decision id
    awarded: int = 0


def meeting_body(province: Province, b: int) -> dict[str, Any]:
    """The block's year-end meeting: every member unit present, the block's candidates with passing facts."""
    units, people = province.units[b], province.people[b]
    candidates = []
    for c in block_candidates(province.plan):
        who = {"unit_id": units[c.unit]} if c.staff is None else {"person_id": people[c.unit][c.staff]}
        candidates.append({"award_code": c.award_code, **who, "facts": FACTS[c.award_code],
                           "achievement": ACHIEVEMENT.get(c.award_code, "")})
    return {"block_id": province.blocks[b], "year": YEAR, "held_on": f"{YEAR}-12-15", "opened_at": "08:00:00",
            "location": f"Hội trường Khối thi đua số {b + 1}", "method": "secret_ballot",
            "chair_name": person_name(b, 0, 0), "chair_title": "Thủ trưởng đơn vị, Trưởng Khối",
            "secretary_name": person_name(b, 0, 1), "secretary_title": "Chuyên viên",
            "present_unit_ids": units, "candidates": candidates}


def results_body(province: Province, b: int, nomination_ids: list[int]) -> dict[str, Any]:
    """Every candidate endorsed by all present members; the second unit heads the block next year."""
    present = len(province.units[b])
    units = province.units[b]
    return {"tallies": [{"nomination_id": n, "votes_for": present, "votes_against": 0} for n in nomination_ids],
            "next_head_unit_id": units[1 % len(units)], "next_deputy_unit_id": units[2 % len(units)],
            "closed_at": "11:00:00"}


def proposal_body(b: int, meeting_id: int) -> dict[str, Any]:
    return {"meeting_id": meeting_id, "issued_on": f"{YEAR}-12-16", "signer_name": person_name(b, 0, 0),
            "signer_title": "Thủ trưởng đơn vị"}


def screening_body(nomination_ids: list[int]) -> dict[str, Any]:
    return {"results": [{"nomination_id": n, "eligible": True} for n in nomination_ids]}


def council_day(province: Province) -> date:
    """The council (and its standing body) meets once a day for a year: a nation's provinces, sharing one
    database, meet on consecutive days (province 0 on 3 January)."""
    return date(YEAR + 1, 1, 3) + timedelta(days=province.plan.province)


def council_session_body(province: Province) -> dict[str, Any]:
    """Every member present; a member from a nominated unit is named with it (and recused on its nominations)."""
    members = []
    for seat in council(province.plan):
        unit = province.office_unit if seat.office else (
            province.units[seat.unit[0]][seat.unit[1]] if seat.unit else None)
        members.append({"full_name": seat.full_name, "position": seat.position, "present": True, "unit_id": unit})
    return {"year": YEAR, "held_on": council_day(province).isoformat(), "location": "Phòng họp số 1, UBND tỉnh",
            "members": members}


def routed_to_standing_body(award_code: str) -> bool:
    return catalogue().awards[award_code].appraised_by == CouncilBody.STANDING_BODY


def council_votes_body(province: Province, ids: YearIds) -> dict[str, Any]:
    """Each nomination routed to the full council recommended by every member who may vote on it (all but those
    from the candidate's unit)."""
    seats = council(province.plan)
    votes = []
    for b, nomination_ids in sorted(ids.nominations.items()):
        for c, nomination_id in zip(block_candidates(province.plan), nomination_ids, strict=True):
            if not routed_to_standing_body(c.award_code):
                voters = sum(1 for s in seats if s.unit != (b, c.unit))
                votes.append({"nomination_id": nomination_id, "votes_for": voters, "votes_against": 0})
    return {"votes": votes}


def standing_session_body(province: Province) -> dict[str, Any]:
    """The standing body: the chairman and the two vice-chairs of the council, all present."""
    members = [{"full_name": s.full_name, "position": s.position, "present": True,
                "unit_id": province.office_unit if s.office else None} for s in council(province.plan)[:3]]
    return {"year": YEAR, "body": "standing_body", "held_on": council_day(province).isoformat(),
            "location": "Phòng họp số 2, UBND tỉnh", "members": members}


def standing_results_body(province: Province, ids: YearIds) -> dict[str, Any]:
    """Each nomination routed to the standing body, agreed."""
    return {"results": [{"nomination_id": n, "agreed": True} for _, nomination_ids in sorted(ids.nominations.items())
                        for c, n in zip(block_candidates(province.plan), nomination_ids, strict=True)
                        if routed_to_standing_body(c.award_code)]}


def decision_body(ids: YearIds, award_code: str) -> dict[str, Any]:
    session = ids.standing_session if routed_to_standing_body(award_code) else ids.council_session
    return {"council_session_id": session, "award_code": award_code}


def sign_body(province: Province) -> dict[str, Any]:
    """Signed two days after the council's session."""
    return {"signed_on": (council_day(province) + timedelta(days=2)).isoformat(), **SIGNER}


def awards_in_mix(province: Province) -> list[str]:
    return [code for code, count in province.plan.mix.items() if count > 0]


def logins(province: Province) -> list[str]:
    return [head_login(b, province.plan.province) for b in range(province.plan.blocks)]
