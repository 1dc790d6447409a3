"""A block proposing what its meeting endorsed, when more were endorsed than its quota leaves places, pure: the
places go by the block's votes; equal votes for the last places go by the tie-break of ND 152/2025 Điều 4 khoản 6
(a woman, a collective with at least 70 % women); equals the tie-break cannot part are refused, never chosen by
chance, so the block head names the one the block chose.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.domain.errors import Problem
from models.domain.quotas import Contender, Placement, QuotaUse, TieBreak, place


@dataclass(frozen=True)
class QuotaPlacing:
    """One award's places given among the block's endorsed candidates."""

    award_code: str
    award_name: str
    places: int
    placement: Placement
    tie_break: TieBreak | None

    @property
    def decided_by(self) -> str:
        return "tie_break" if self.placement.tie_broken else "votes"

    def as_evidence(self) -> dict[str, Any]:
        """Kept with the proposal and each placed nomination's move: which rule gave the places."""
        return {"award": self.award_code, "places": self.places, "placed": list(self.placement.placed),
                "left_out": list(self.placement.left_out), "decided_by": self.decided_by,
                **({"tie_break_basis": self.tie_break.basis}
                   if self.placement.tie_broken and self.tie_break is not None else {}),
                "explanation": self.placement.explanation}


def placing(use: QuotaUse, contenders: Sequence[Contender], tie_break: TieBreak | None) -> QuotaPlacing | None:
    """None when the endorsed fit the places left; else the places given by votes, then by the tie-break."""
    if len(contenders) <= use.remaining:
        return None
    return QuotaPlacing(use.quota.award_code, use.award_name, use.remaining,
                        place(contenders, use.remaining, tie_break), tie_break)


def undecided_problem(placed: QuotaPlacing, field: str) -> Problem | None:
    """Equal votes for the last places that the tie-break cannot part: the block head must name its choice."""
    tied = placed.placement.undecided
    if not tied:
        return None
    ids = ", ".join(str(n) for n in tied)
    basis = placed.tie_break.basis if placed.tie_break is not None else None
    rule_en = f"the tie-break ({basis}) does not part them" if basis else "the catalogue has no tie-break"
    rule_vi = (f"quy định ưu tiên ({basis}) không phân định được" if basis
               else "danh mục khen thưởng của tỉnh không quy định cách chọn khi bằng phiếu")
    open_places = placed.places - (len(placed.placement.placed))
    return Problem(field, "quota.tie_undecided",
                   f"{placed.award_name} ({placed.award_code}): nominations {ids} have equal votes for the last "
                   f"{open_places} place(s) of the quota and {rule_en}. Name the one(s) the block chose in "
                   "nomination_ids.",
                   vi=f"{placed.award_name} ({placed.award_code}): các hồ sơ mã số {ids} có số phiếu bằng nhau cho "
                      f"{open_places} vị trí còn lại trong chỉ tiêu, {rule_vi}. Đề nghị ghi rõ hồ sơ Khối đã chọn "
                      "trong danh sách hồ sơ đề nghị (nomination_ids).")
