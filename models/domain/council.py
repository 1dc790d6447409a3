"""Who counts in a council vote, pure: recusal, the members a threshold is counted over, and who may cast a vote.

A member does not vote on a nomination of their own unit (or of a person of their unit). The threshold is counted
over every member of the council, the recused included (ND 98/2023 Điều 30.7: "tính trên tổng số thành viên"),
unless a province's catalogue says recusal reduces the total; a ballot may be cast by a member present or by an
absent member's written opinion.
"""

from collections.abc import Sequence
from typing import Protocol, TypeVar


class Seat(Protocol):
    """A council member as far as voting goes."""

    @property
    def unit_id(self) -> int | None: ...
    @property
    def present(self) -> bool: ...
    @property
    def written_opinion(self) -> bool: ...


S = TypeVar("S", bound=Seat)


def candidate_unit(unit_id: int | None, person_unit_id: int | None) -> int | None:
    """The unit a nomination belongs to: the collective itself, or the unit of the nominated person."""
    return person_unit_id if person_unit_id is not None else unit_id


def recused(members: Sequence[S], nominee_unit_id: int | None) -> list[S]:
    """The members who do not vote on a nomination of this unit: those who belong to it."""
    if nominee_unit_id is None:
        return []
    return [m for m in members if m.unit_id is not None and m.unit_id == nominee_unit_id]


def members_counted(members: Sequence[S], recused_members: Sequence[S], recusal_reduces_total: bool) -> int:
    """The members a threshold is counted over: all of them, or (where the province so rules) less the recused."""
    return len(members) - (len(recused_members) if recusal_reduces_total else 0)


def may_cast(members: Sequence[S], recused_members: Sequence[S], *, written_opinions_count: bool = True) -> int:
    """How many ballots can be cast: present members and (where the province's council counts them) absent ones
    with a written opinion, less the recused."""
    return sum(1 for m in members
               if (m.present or (written_opinions_count and m.written_opinion)) and m not in recused_members)
