"""Revoking an award, as a province's catalogue states it: the article that allows it, and which awards the
province revokes by a decision of its own (the level that awarded revokes: Law 06/2022/QH15 Điều 93)."""

from typing import Literal

from pydantic import Field

from models.domain.catalogue_rules import Entry


class RevocationRules(Entry):
    # Printed after "Căn cứ" in the revoking decision, and cited by every revocation's refusal.
    basis: str = Field(min_length=1)
    says: str = Field(min_length=1)
    confidence: Literal["H", "M", "L"]
    # The catalogue's `decided_by` of the awards the province itself decides, hence revokes by its own numbered
    # decision; an award decided elsewhere (a unit head's CSTĐCS) is revoked by that authority, whose decision
    # the province records.
    province_decides: list[str] = Field(min_length=1)

    def revoked_here(self, decided_by: str) -> bool:
        return decided_by in self.province_decides
