"""The award catalogue: which titles and forms exist, who may receive them, and how the council decides."""

from decimal import Decimal

from sqlmodel import Field, SQLModel

from models.domain.enums import CouncilBody, RecipientKind
from models.domain.votes import Threshold
from models.tables.base import enum_field


class AwardBase(SQLModel):
    code: str = Field(max_length=60, unique=True, index=True)
    name: str = Field(max_length=255, description="Official name as printed in decisions")
    recipient_kind: RecipientKind = enum_field(RecipientKind)
    decided_by: str = Field(max_length=100, description="Who signs the decision")
    council_vote_required: bool = Field(description="Full council vote (true) or standing-body appraisal")
    threshold_percent: Decimal = Field(max_digits=5, decimal_places=2)
    threshold_strictly_more: bool = False
    prize_coefficient: Decimal = Field(max_digits=5, decimal_places=2, description="× base salary")
    reason_phrase: str = Field(max_length=500, description="Why, as Điều 1 of the decision words it")
    legal_basis: str = Field(max_length=500)


class Award(AwardBase, table=True):
    id: int = Field(default=None, primary_key=True)

    @property
    def council_threshold(self) -> Threshold:
        return Threshold(self.threshold_percent, self.threshold_strictly_more)


class AwardPublic(AwardBase):
    id: int
    appraised_by: CouncilBody = Field(default=CouncilBody.COUNCIL, description=(
        "Who appraises it for the Chairman in this province: the full council by vote, or its standing body "
        "(the catalogue's appraised_by, with its appraisal_basis)"))
