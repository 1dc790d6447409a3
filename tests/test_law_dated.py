"""The law by the day of the act, pure: every award's council threshold, the council's and its standing body's
quorum and each award's route are chosen by the session's day, each with the text that sets it; a province's file
overrides any of them; two versions in force on one day are refused. And the quota's places when a block proposes
what its meeting endorsed: by votes, then the tie-break, or refused when nothing parts the equals."""

import tomllib
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from importlib.resources import files
from typing import Any

import pytest
from pydantic import ValidationError

from models.domain.catalogue import Catalogue
from models.domain.enums import CouncilBody
from models.domain.quota_places import placing, undecided_problem
from models.domain.quotas import Contender, Quota, QuotaScope, QuotaUse, TieBreak
from models.storage.catalogue_file import catalogue

ND91, ND98, ND152 = "Nghị định 91/2017/NĐ-CP", "Nghị định 98/2023/NĐ-CP Điều 30 khoản 7", "Nghị định 152/2025/NĐ-CP"
QD86 = "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh"
BEFORE_QD86 = "Quy chế thi đua, khen thưởng của tỉnh trước QĐ 86/2025/QĐ-UBND"
# The days each text gave way to the next, and the day on either side.
TEXT_DAYS = [(date(2023, 12, 31), ND91), (date(2024, 1, 1), ND98), (date(2025, 6, 30), ND98),
             (date(2025, 7, 1), ND152)]
# Every award of the shipped catalogue: its share of all council members, and whether "more than" it is needed.
SHARES = {
    "CO_THI_DUA_UBND_TINH": ("80", False), "CO_THI_DUA_CHINH_PHU": ("80", False),
    "CHIEN_SI_THI_DUA_CO_SO": ("80", False), "CHIEN_SI_THI_DUA_TINH": ("90", False),
    "CHIEN_SI_THI_DUA_TOAN_QUOC": ("90", False), "BANG_KHEN_THU_TUONG": ("80", False),
    "BANG_KHEN_THU_TUONG_CA_NHAN": ("80", False), "BANG_KHEN_CT_TAP_THE": ("50", True),
    "BANG_KHEN_CT_CA_NHAN": ("50", True), "BANG_KHEN_CT_HO_GIA_DINH": ("50", True),
    "TAP_THE_LAO_DONG_XUAT_SAC": ("50", True), "TAP_THE_LAO_DONG_TIEN_TIEN": ("50", True),
    "LAO_DONG_TIEN_TIEN": ("50", True),
}


def test_every_award_of_the_catalogue_has_its_dated_thresholds() -> None:
    assert set(catalogue().awards) == set(SHARES)
    assert all(len(catalogue().awards[code].in_force) == 3 for code in SHARES)


@pytest.mark.parametrize(("code", "day", "text"), [(code, day, text) for code in SHARES for day, text in TEXT_DAYS])
def test_an_awards_threshold_is_the_one_in_force_on_the_sessions_day(code: str, day: date, text: str) -> None:
    in_force = catalogue().threshold_in_force(code, day)
    percent, strictly_more = SHARES[code]
    assert (in_force.threshold.percent, in_force.threshold.strictly_more) == (Decimal(percent), strictly_more)
    assert in_force.basis.startswith(text.split(" Điều")[0]), in_force.basis


@pytest.mark.parametrize(("code", "day", "confidence"), [
    # Read in Decree 98/2023 Điều 30.7 (H); the shares kept for Decree 152/2025 are to be checked (L).
    ("CO_THI_DUA_UBND_TINH", date(2024, 5, 1), "H"), ("CO_THI_DUA_UBND_TINH", date(2026, 1, 5), "L"),
    ("CHIEN_SI_THI_DUA_TINH", date(2023, 3, 1), "H"), ("CHIEN_SI_THI_DUA_CO_SO", date(2023, 3, 1), "L"),
    ("BANG_KHEN_THU_TUONG", date(2024, 5, 1), "L"), ("TAP_THE_LAO_DONG_XUAT_SAC", date(2026, 1, 5), "M"),
])
def test_each_dated_threshold_says_how_sure_its_source_is(code: str, day: date, confidence: str) -> None:
    [version] = [v for v in catalogue().awards[code].in_force if v.in_force_on(day)]
    assert version.confidence == confidence


def test_the_flag_cites_decree_98_article_30_for_a_session_of_2024() -> None:
    assert catalogue().threshold_in_force("CO_THI_DUA_UBND_TINH", date(2024, 1, 10)).basis == (
        "Nghị định 98/2023/NĐ-CP Điều 30 khoản 7: Cờ thi đua cấp tỉnh cần ít nhất 80% tổng số thành viên Hội đồng "
        "đồng ý")


QD86_DAY = date(2025, 12, 3)


@pytest.mark.parametrize(("day", "council_basis", "standing_basis"), [
    (QD86_DAY - timedelta(days=1), "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh trước QĐ 86/2025",
     "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh trước QĐ 86/2025"),
    (QD86_DAY, QD86, QD86),
])
def test_the_quorum_of_the_council_and_of_its_standing_body_by_the_day_they_meet(
    day: date, council_basis: str, standing_basis: str
) -> None:
    council, standing = catalogue().council_quorum(day), catalogue().standing_quorum(day)
    assert (council.share, council.required(10)) == (Fraction(4, 5), 8)
    assert (standing.share, standing.required(3)) == (Fraction(2, 3), 2)
    assert council.basis.startswith(council_basis) and standing.basis.startswith(standing_basis)


@pytest.mark.parametrize(("code", "day", "body", "basis"), [
    ("CO_THI_DUA_UBND_TINH", date(2025, 6, 30), CouncilBody.COUNCIL, ND98),
    ("CO_THI_DUA_UBND_TINH", date(2025, 7, 1), CouncilBody.COUNCIL, BEFORE_QD86),
    ("CO_THI_DUA_UBND_TINH", QD86_DAY, CouncilBody.COUNCIL, f"{QD86} Điều 5"),
    ("TAP_THE_LAO_DONG_XUAT_SAC", QD86_DAY - timedelta(days=1), CouncilBody.STANDING_BODY, BEFORE_QD86),
    ("TAP_THE_LAO_DONG_XUAT_SAC", QD86_DAY, CouncilBody.STANDING_BODY, f"{QD86} Điều 5"),
    ("BANG_KHEN_CT_CA_NHAN", date(2024, 1, 10), CouncilBody.STANDING_BODY, BEFORE_QD86),
    ("CHIEN_SI_THI_DUA_TINH", date(2027, 1, 3), CouncilBody.COUNCIL, f"{QD86} Điều 5"),
])
def test_an_award_is_routed_by_the_regulation_in_force_on_the_sessions_day(
    code: str, day: date, body: CouncilBody, basis: str
) -> None:
    route = catalogue().awards[code].route_on(day)
    assert route.appraised_by == body and route.basis.startswith(basis), route.basis


def shipped() -> dict[str, Any]:
    return tomllib.loads(files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8"))


def test_a_province_file_routes_an_award_to_the_full_council_from_the_day_its_regulation_changes() -> None:
    data = shipped()
    data["awards"]["TAP_THE_LAO_DONG_XUAT_SAC"]["routes"].append(
        {"from": date(2027, 1, 4), "appraised_by": "council", "basis": "QĐ 05/2027/QĐ-UBND: Hội đồng bỏ phiếu"})
    data["standing_body"]["in_force"][-1]["until"] = date(2027, 1, 3)
    data["standing_body"]["in_force"].append({"from": date(2027, 1, 4), "quorum_share": "1", "basis": "QĐ 05/2027"})
    law = Catalogue.model_validate(data)
    award = law.awards["TAP_THE_LAO_DONG_XUAT_SAC"]
    assert award.route_on(date(2027, 1, 3)).appraised_by == CouncilBody.STANDING_BODY
    assert award.route_on(date(2027, 1, 4)) == award.route_on(date(2027, 6, 30))
    assert award.route_on(date(2027, 1, 4)).appraised_by == CouncilBody.COUNCIL
    assert (law.standing_quorum(date(2027, 1, 3)).required(3), law.standing_quorum(date(2027, 1, 4)).required(3)) \
        == (2, 3)


@pytest.mark.parametrize("where", ["threshold", "route", "quorum"])
def test_two_versions_in_force_on_one_day_are_refused_naming_the_key(where: str) -> None:
    data = shipped()
    flag = data["awards"]["CO_THI_DUA_UBND_TINH"]
    versions, key = {"threshold": (flag["in_force"], "in_force"), "route": (flag["routes"], "routes"),
                     "quorum": (data["council"]["in_force"], "council.in_force")}[where]
    versions.append({**versions[0], "until": date(2099, 1, 1)})
    with pytest.raises(ValidationError) as refused:
        Catalogue.model_validate(data)
    assert key in str(refused.value) and "starts before" in str(refused.value)


WOMEN_FIRST = TieBreak(Decimal(70), "khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP")
FLAG_QUOTA = Quota("CO_THI_DUA_UBND_TINH", "Luật Thi đua, khen thưởng 2022 Điều 26", per_block=1)


def one_place(used: int = 0) -> QuotaUse:
    return QuotaUse(FLAG_QUOTA, "Cờ thi đua của Ủy ban nhân dân tỉnh", QuotaScope.BLOCK, 1, used)


@pytest.mark.parametrize(("contenders", "placed", "decided_by"), [
    # More votes take the place; the tie-break is not read.
    ([Contender(1, 7), Contender(2, 6, members_total=10, members_women=9)], [1], "votes"),
    # Equal votes: the collective with 75 % women takes it, by ND 152 Điều 4 khoản 6.
    ([Contender(1, 6, members_total=20, members_women=10), Contender(2, 6, members_total=20, members_women=15)],
     [2], "tie_break"),
])
def test_the_places_of_a_quota_go_by_votes_then_by_the_tie_break(
    contenders: list[Contender], placed: list[int], decided_by: str
) -> None:
    placing_ = placing(one_place(), contenders, WOMEN_FIRST)
    assert placing_ is not None and undecided_problem(placing_, "nomination_ids") is None
    evidence = placing_.as_evidence()
    assert (evidence["placed"], evidence["decided_by"]) == (placed, decided_by)
    assert ("tie_break_basis" in evidence) == (decided_by == "tie_break")


def test_what_fits_the_quota_needs_no_placing() -> None:
    assert placing(one_place(), [Contender(1, 6)], WOMEN_FIRST) is None
    assert placing(one_place(used=1), [Contender(1, 6)], WOMEN_FIRST) is not None, "the place is taken"


def test_equals_the_tie_break_cannot_part_are_refused_in_vietnamese() -> None:
    placing_ = placing(one_place(), [Contender(4, 6, members_total=10, members_women=2),
                                     Contender(5, 6, members_total=10, members_women=3)], WOMEN_FIRST)
    assert placing_ is not None
    problem = undecided_problem(placing_, "nomination_ids")
    assert problem is not None and (problem.field, problem.rule) == ("nomination_ids", "quota.tie_undecided")
    assert problem.vi == (
        "Cờ thi đua của Ủy ban nhân dân tỉnh (CO_THI_DUA_UBND_TINH): các hồ sơ mã số 4, 5 có số phiếu bằng nhau cho "
        "1 vị trí còn lại trong chỉ tiêu, quy định ưu tiên (khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP) không phân "
        "định được. Đề nghị ghi rõ hồ sơ Khối đã chọn trong danh sách hồ sơ đề nghị (nomination_ids).")
    without = placing(one_place(), [Contender(4, 6), Contender(5, 6)], None)
    assert without is not None and (p := undecided_problem(without, "nomination_ids")) is not None
    assert "không quy định cách chọn khi bằng phiếu" in p.vi
