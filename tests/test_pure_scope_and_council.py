"""What a caller may read, and who counts in a council vote: pure rules, checked without a database."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from models.domain.council import candidate_unit, may_cast, members_counted, recused
from models.domain.permissions import Grant, Role
from models.domain.scope import ReadScope
from models.domain.votes import Tally, Threshold, count_votes

HEAD_3_2026 = ReadScope.of([Grant(Role.BLOCK_HEAD, block_id=3, year=2026)])
SECRETARY = ReadScope.of([Grant(Role.COUNCIL_SECRETARY)])
NOBODY = ReadScope.of([])


@pytest.mark.parametrize(("scope", "block", "year", "sees"), [
    (HEAD_3_2026, 3, 2026, True),
    (HEAD_3_2026, 3, 2027, False),  # next year's head is elected, not granted yet
    (HEAD_3_2026, 4, 2026, False),  # another block
    (HEAD_3_2026, None, 2026, False),  # the province's own objects
    (SECRETARY, 4, 2026, True),
    (SECRETARY, None, None, True),
    (NOBODY, 3, 2026, False),
])
def test_nominations_meetings_and_proposals_are_seen_by_block_and_year(
    scope: ReadScope, block: int | None, year: int | None, sees: bool
) -> None:
    assert scope.sees_block(block, year) is sees


def test_a_block_head_reads_their_block_papers_but_not_the_provinces() -> None:
    assert HEAD_3_2026.sees_document(3, 2026)
    assert not HEAD_3_2026.sees_document(4, 2026)
    assert not HEAD_3_2026.sees_document(None, 2026), "council Tờ trình and decisions are the province's"
    assert HEAD_3_2026.sees_document(None, 2027, {(4, 2026), (3, 2026)}), "a decision sent to the head's block"
    assert not HEAD_3_2026.sees_document(None, 2026, {(4, 2026), (3, 2025)}), "sent to other blocks and years"
    assert SECRETARY.sees_document(None, 2026) and SECRETARY.sees_document(4, 2026)


def test_award_records_are_seen_through_the_headed_blocks_member_units() -> None:
    members_of_block_3 = {11, 12}
    assert HEAD_3_2026.sees_award_record(12, members_of_block_3)
    assert not HEAD_3_2026.sees_award_record(21, members_of_block_3)
    assert SECRETARY.sees_award_record(21, set())


def test_only_a_caller_with_no_reading_role_reads_nothing() -> None:
    assert NOBODY.reads_nothing
    assert not HEAD_3_2026.reads_nothing and not SECRETARY.reads_nothing
    assert ReadScope.of([Grant(Role.CHAIRMAN_OFFICE)]).whole_province


@dataclass(frozen=True)
class Member:
    name: str
    unit_id: int | None
    present: bool = True
    written_opinion: bool = False


COUNCIL = [Member("chair", None), Member("SCT director", 1), Member("SNV director", 2),
           Member("member", None, present=False, written_opinion=True), Member("absent", None, present=False),
           Member("SCT deputy", 1)]


def test_members_of_the_nominated_unit_do_not_vote_on_it() -> None:
    assert [m.name for m in recused(COUNCIL, 1)] == ["SCT director", "SCT deputy"]
    assert recused(COUNCIL, 3) == []
    assert recused(COUNCIL, None) == []


def test_an_individuals_nomination_belongs_to_the_persons_unit() -> None:
    assert candidate_unit(unit_id=None, person_unit_id=1) == 1
    assert candidate_unit(unit_id=2, person_unit_id=None) == 2


def test_the_threshold_counts_every_member_and_ballots_come_from_those_who_may_cast() -> None:
    out = recused(COUNCIL, 1)
    assert members_counted(COUNCIL, out, recusal_reduces_total=False) == 6  # "tổng số thành viên", as ND 98 says
    assert members_counted(COUNCIL, out, recusal_reduces_total=True) == 4  # a province deducting the 2 recused
    assert may_cast(COUNCIL, out) == 3  # chair, SNV director, the written opinion; not the absent one
    assert may_cast(COUNCIL, []) == 5


def test_a_recused_members_seat_changes_what_80_percent_requires_only_where_the_province_deducts_it() -> None:
    eighty = Threshold(percent=Decimal(80), strictly_more=False)
    as_the_decree = count_votes(Tally(4, 0, 0), members_counted(COUNCIL, recused(COUNCIL, 1), False), eighty)
    deducted = count_votes(Tally(4, 0, 0), members_counted(COUNCIL, recused(COUNCIL, 1), True), eighty)
    assert (as_the_decree.required, as_the_decree.passed, as_the_decree.members_total) == (5, False, 6)
    assert (deducted.required, deducted.passed, deducted.members_total) == (4, True, 4)
