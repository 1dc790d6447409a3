"""The organisation workbook's rows as typed records, pure (read by models.domain.organisation_sheets)."""

from dataclasses import dataclass
from datetime import date

from models.domain.enums import BlockKind, BlockRole, CouncilRole, Gender, UnitKind
from models.domain.permissions import Role


@dataclass(frozen=True)
class UnitRecord:
    row: int
    code: str
    name: str
    parent_agency: str
    kind: UnitKind
    head_title: str
    head_name: str
    active_from: date | None
    active_until: date | None


@dataclass(frozen=True)
class PersonRecord:
    row: int
    full_name: str
    gender: Gender | None
    birth_date: date | None
    position: str
    unit_code: str
    active_from: date | None
    active_until: date | None


@dataclass(frozen=True)
class BlockRecord:
    row: int
    code: str
    name: str
    kind: BlockKind | None  # None only when the cell was wrong (a problem says so)
    symbol: str = ""  # its papers' series; empty: the registered one, or the code's initials for a new block


@dataclass(frozen=True)
class MembershipRecord:
    row: int
    year: int | None
    block_code: str
    unit_code: str
    role: BlockRole | None


@dataclass(frozen=True)
class SeatRecord:
    """A seat of the council's roster: matched to a registered seat by name and first day of the term."""

    row: int
    full_name: str
    position: str
    unit_code: str
    role: CouncilRole | None
    standing_body: bool
    serves_from: date | None
    serves_until: date | None


@dataclass(frozen=True)
class HouseholdRecord:
    """A household, matched to a registered one by its commune, head of household and address."""

    row: int
    head_name: str
    address: str
    unit_code: str  # the commune's code
    active_from: date | None
    active_until: date | None


@dataclass(frozen=True)
class AccountRecord:
    """One role of one account: an account with several roles has a row for each (its name repeated)."""

    row: int
    username: str
    full_name: str
    role: Role | None  # None: the account alone, with no role yet
    block_code: str
    year: int | None
    unit_code: str = ""  # a member unit's role: the unit it speaks for
