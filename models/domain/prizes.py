"""A prize as the decision grants it: a coefficient of the base salary in force on the day it is signed."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Prize:
    coefficient: Decimal
    base_salary: int
    basis: str  # the decree that set that base salary

    @property
    def amount(self) -> int:
        return int(self.coefficient * Decimal(self.base_salary))

    def as_evidence(self) -> dict[str, Any]:
        return {"prize_coefficient": str(self.coefficient), "base_salary": self.base_salary,
                "base_salary_basis": self.basis, "prize_amount": self.amount}

    @classmethod
    def from_evidence(cls, evidence: dict[str, Any]) -> "Prize":
        return cls(Decimal(evidence["prize_coefficient"]), int(evidence["base_salary"]),
                   str(evidence["base_salary_basis"]))
