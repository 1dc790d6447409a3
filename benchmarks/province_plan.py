"""A province of any size, as data: its blocks, units, staff, council and accounts, and what each block proposes.

Pure: no database, no HTTP. `province_setup.create_province` stores it; `province_http` and `province_bare` run
its year. The award mix is Bắc Ninh's 2022 one per block (1 Cờ thi đua UBND tỉnh, 5 Tập thể lao động xuất sắc,
4 Bằng khen tập thể, 2 Chiến sĩ thi đua tỉnh, 20 Bằng khen cá nhân: 32 per block, 1,120 for 35 blocks), and every
candidate declares facts (and, for CSTĐ tỉnh, has the award history) that pass its award's eligibility rules.

A nation is provinces stored one after another in one database (benchmarks/nation_year.py): a province of index
k > 0 marks every code, symbol and login with its `tag`, so the provinces' registries never collide; province 0
keeps the plain names of a province alone.
"""

from dataclasses import dataclass, field
from typing import Any

YEAR = 2026
PASSWORD = "benchmark-tdkt-2026"
SECRETARY = "thuky.hoidong"
CHAIRMAN_OFFICE = "vanphong.chutich"
OFFICE_UNIT = "SNV"  # the TĐKT office's unit: its head signs the office's Tờ trình; it is in no block

FLAG, TTLDXS, BK_COLLECTIVE = "CO_THI_DUA_UBND_TINH", "TAP_THE_LAO_DONG_XUAT_SAC", "BANG_KHEN_CT_TAP_THE"
CSTD_TINH, BK_INDIVIDUAL, CSTDCS = "CHIEN_SI_THI_DUA_TINH", "BANG_KHEN_CT_CA_NHAN", "CHIEN_SI_THI_DUA_CO_SO"
COLLECTIVE_AWARDS = (FLAG, TTLDXS, BK_COLLECTIVE)
INDIVIDUAL_AWARDS = (CSTD_TINH, BK_INDIVIDUAL)
# Bắc Ninh 2022, per block.
BAC_NINH_2022_MIX: dict[str, int] = {FLAG: 1, TTLDXS: 5, BK_COLLECTIVE: 4, CSTD_TINH: 2, BK_INDIVIDUAL: 20}

# Facts that pass each award's rules (models/domain/eligibility_rules.py; which rules an award has is in
# models/data/catalogue.toml). CSTĐ tỉnh also needs three consecutive CSTĐCS: see `cstdcs_history`.
FACTS: dict[str, dict[str, Any]] = {
    FLAG: {"leads_block": True, "rating": "htxsnv", "members_disciplined": 0},
    TTLDXS: {"rating": "htxsnv", "members_total": 24, "members_completing_tasks": 24, "members_ldtt": 20,
             "members_cstdcs": 3, "members_disciplined": 0},
    BK_COLLECTIVE: {"rating": "htxsnv", "rating_previous_year": "htxsnv", "members_disciplined": 0},
    CSTD_TINH: {"province_wide_initiative": True, "rating": "htxsnv"},
    BK_INDIVIDUAL: {"rating": "htxsnv", "rating_previous_year": "htxsnv", "initiatives": 1,
                    "initiatives_previous_year": 1},
}
ACHIEVEMENT = {FLAG: "Dẫn đầu Khối thi đua năm 2026", CSTD_TINH: "Sáng kiến có phạm vi ảnh hưởng trong tỉnh"}
CSTDCS_YEARS = (YEAR - 2, YEAR - 1, YEAR)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Thu", "Quang", "Ngọc", "Đức")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Trang", "Yến")


@dataclass(frozen=True)
class ProvincePlan:
    blocks: int = 35
    units_per_block: int = 10
    staff_per_unit: int = 3
    mix: dict[str, int] = field(default_factory=lambda: dict(BAC_NINH_2022_MIX))
    council_size: int = 10
    province: int = 0  # its index in a nation sharing one database: see `tag`

    def __post_init__(self) -> None:
        collective = sum(self.mix.get(code, 0) for code in COLLECTIVE_AWARDS)
        individual = sum(self.mix.get(code, 0) for code in INDIVIDUAL_AWARDS)
        if collective > self.units_per_block or individual > self.units_per_block * self.staff_per_unit:
            raise ValueError("A block proposes each unit and each person at most once: the mix does not fit.")
        if self.council_size < 5:
            raise ValueError("The council needs at least 5 members.")
        if not 0 <= self.province < 99:
            raise ValueError("A nation holds provinces 0 to 98.")

    @property
    def nominations(self) -> int:
        return self.blocks * sum(self.mix.values())


def tag(p: int) -> str:
    """Province p's mark on its codes and logins: none for province 0 (a province alone), T02, T03 … after it."""
    return "" if p == 0 else f"T{p + 1:02d}"


def block_code(b: int, p: int = 0) -> str:
    return f"{tag(p)}KHOI-{b + 1:02d}"


def block_symbol(b: int, p: int = 0) -> str:
    """Each block its own Biên bản series: the codes KHOI-01, KHOI-02 … share their initials."""
    return f"{tag(p)}KTD{b + 1:02d}"


def unit_code(b: int, u: int, p: int = 0) -> str:
    return f"{tag(p)}K{b + 1:02d}D{u + 1:02d}"


def office_unit(p: int = 0) -> str:
    return f"{tag(p)}{OFFICE_UNIT}"


def person_name(b: int, u: int, s: int) -> str:
    """Distinct within a unit (what the history import needs), and plausible."""
    n = (b * 31 + u * 7 + s) % (len(SURNAMES) * len(GIVEN))
    return f"{SURNAMES[n % len(SURNAMES)]} {MIDDLE[(u + s) % len(MIDDLE)]} {GIVEN[n % len(GIVEN)]} {s + 1}"


def login(name: str, p: int = 0) -> str:
    """An account of province p: SECRETARY, CHAIRMAN_OFFICE, or a block head's `head_login`."""
    return f"{name}.{tag(p).lower()}" if p else name


def head_login(b: int, p: int = 0) -> str:
    return login(f"truongkhoi.{b + 1:02d}", p)


@dataclass(frozen=True)
class Candidate:
    """One of a block's candidates: a unit (index in the block) or a person (unit index, staff index)."""

    award_code: str
    unit: int
    staff: int | None = None


def block_candidates(plan: ProvincePlan) -> list[Candidate]:
    """The same for every block: collective awards to distinct units, individual awards to distinct people."""
    collective = [code for code in COLLECTIVE_AWARDS for _ in range(plan.mix.get(code, 0))]
    individual = [code for code in INDIVIDUAL_AWARDS for _ in range(plan.mix.get(code, 0))]
    people = [(u, s) for s in range(plan.staff_per_unit) for u in range(plan.units_per_block)]
    return [Candidate(code, u) for u, code in enumerate(collective)] + [
        Candidate(code, u, s) for (u, s), code in zip(people, individual, strict=False)]


def cstdcs_history(plan: ProvincePlan) -> list[tuple[int, int, int]]:
    """(unit index, staff index, year) of the CSTĐCS titles the CSTĐ tỉnh candidates hold, per block."""
    return [(c.unit, c.staff, y) for c in block_candidates(plan) if c.award_code == CSTD_TINH and c.staff is not None
            for y in CSTDCS_YEARS]


@dataclass(frozen=True)
class CouncilSeat:
    full_name: str
    position: str
    unit: tuple[int, int] | None  # (block, unit) of a member from a nominated unit: recused on its nominations
    office: bool = False  # the head of the TĐKT office's unit


def council(plan: ProvincePlan) -> list[CouncilSeat]:
    """The chairman, two vice-chairs (one the head of Sở Nội vụ), members; two come from nominated units."""
    seats = [CouncilSeat("Nguyễn Văn Thành", "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng", None),
             CouncilSeat("Trần Thị Minh Hằng", "Phó Chủ tịch UBND tỉnh, Phó Chủ tịch Hội đồng", None),
             CouncilSeat("Lê Quang Huy", "Giám đốc Sở Nội vụ, Phó Chủ tịch thường trực Hội đồng", None, office=True)]
    from_units = [(b, 0) for b in range(min(2, plan.blocks))]
    for i in range(plan.council_size - len(seats)):
        unit = from_units[i] if i < len(from_units) else None
        where = f"Thủ trưởng đơn vị {unit_code(*unit, plan.province)}" if unit else "Ủy viên Hội đồng"
        seats.append(CouncilSeat(f"Ủy viên số {i + 1}", f"{where}, Ủy viên", unit))
    return seats
