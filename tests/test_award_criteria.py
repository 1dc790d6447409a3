"""Every award of the catalogue, table-driven: a dossier that passes, one that fails, one the rules cannot judge,
and the exact source each of its rules cites (text, article, clause, point)."""

from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import pytest

from models.domain.eligibility import Candidate, Outcome
from models.domain.eligibility_rules import evaluate, overall
from models.domain.facts import DossierFacts
from models.storage.catalogue_file import CatalogueError, _load, catalogue

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
CSTDCS, CSTD_TINH, TTLDXS = "CHIEN_SI_THI_DUA_CO_SO", "CHIEN_SI_THI_DUA_TINH", "TAP_THE_LAO_DONG_XUAT_SAC"
BK_PERSON, BK_COLLECTIVE = "BANG_KHEN_CT_CA_NHAN", "BANG_KHEN_CT_TAP_THE"
ND152 = "Nghị định số 152/2025/NĐ-CP"
COLLECTIVE = {"members_total": 20, "members_completing_tasks": 20, "members_ldtt": 14, "members_cstdcs": 1,
              "members_disciplined": 0}
History = dict[int, set[str]]


@dataclass(frozen=True)
class Dossier:
    facts: dict[str, Any]
    history: History | None = None


@dataclass(frozen=True)
class AwardCase:
    award: str
    passes: Dossier
    fails: Dossier
    cannot_tell: Dossier
    cites: dict[str, str]  # rule → where its source is, as printed: "điểm c khoản 1 Điều 27"


CASES = [
    AwardCase("CO_THI_DUA_UBND_TINH", Dossier({"leads_block": True}), Dossier({"leads_block": False}), Dossier({}),
              {"flag.leads_block": "Điều 26"}),
    AwardCase("CHIEN_SI_THI_DUA_TINH",
              Dossier({"province_wide_initiative": True}, {2024: {CSTDCS}, 2025: {CSTDCS}, 2026: {CSTDCS}}),
              Dossier({"province_wide_initiative": True}, {2023: {CSTDCS}, 2025: {CSTDCS}, 2026: {CSTDCS}}),
              Dossier({}, {2024: {CSTDCS}, 2025: {CSTDCS}, 2026: {CSTDCS}}),
              {"cstd_tinh.three_years_cstdcs": "Điều 22", "cstd_tinh.province_initiative": "Điều 22"}),
    AwardCase("CHIEN_SI_THI_DUA_TOAN_QUOC",
              Dossier({"nationwide_initiative": True}, {2023: {CSTD_TINH}, 2026: {CSTD_TINH}}),
              Dossier({"nationwide_initiative": True}, {2020: {CSTD_TINH}, 2026: {CSTD_TINH}}),
              Dossier({}, {2023: {CSTD_TINH}, 2026: {CSTD_TINH}}),
              {"cstd_toan_quoc.twice_cstd_tinh": "Điều 21", "cstd_toan_quoc.nationwide_initiative": "Điều 21"}),
    AwardCase("CO_THI_DUA_CHINH_PHU", Dossier({"outstanding_among_flags": True}),
              Dossier({"leads_central_block": False, "outstanding_among_flags": False}),
              Dossier({"leads_block": True}), {"co_chinh_phu.leading": "Điều 25"}),
    AwardCase("BANG_KHEN_CT_CA_NHAN", Dossier({"notable_contribution": True}),
              Dossier({"rating": "htxsnv", "rating_previous_year": "httnv", "initiatives": 2,
                       "initiatives_previous_year": 1}),
              Dossier({"rating": "htxsnv"}), {"bang_khen.individual": "khoản 1 Điều 74"}),
    AwardCase("BANG_KHEN_CT_TAP_THE", Dossier({}, {2025: {TTLDXS}, 2026: {TTLDXS}}),
              Dossier({"rating": "htxsnv", "rating_previous_year": "htnv"}), Dossier({"rating": "htxsnv"}),
              {"bang_khen.collective": "khoản 2 Điều 74"}),
    AwardCase("BANG_KHEN_CT_HO_GIA_DINH", Dossier({"notable_contribution": True}),
              Dossier({"notable_contribution": False}), Dossier({}), {"bang_khen.household": "khoản 3 Điều 74"}),
    AwardCase(TTLDXS, Dossier({**COLLECTIVE, "rating": "htxsnv"}),
              Dossier({**COLLECTIVE, "rating": "htxsnv", "members_disciplined": 1}), Dossier({"rating": "htxsnv"}),
              {"ttldxs.rated_excellent": "điểm a khoản 1 Điều 27",
               "ttldxs.all_complete_tasks": "điểm c khoản 1 Điều 27", "ttldxs.ldtt_share": "điểm c khoản 1 Điều 27",
               "ttldxs.has_cstdcs": "điểm d khoản 1 Điều 27",
               "ttldxs.no_discipline": "điểm d khoản 1 Điều 27"}),
    # The issue's own example: 1 of 10 members LĐTT, 3 disciplined, a failed task: no longer passes.
    AwardCase("TAP_THE_LAO_DONG_TIEN_TIEN",
              Dossier({**COLLECTIVE, "rating": "httnv", "regular_emulation": True}),
              Dossier({"members_total": 10, "members_ldtt": 1, "members_disciplined": 3, "rating": "khtnv",
                       "regular_emulation": True}),
              Dossier({**COLLECTIVE, "rating": "httnv"}),
              {"ttldtt.rated_good": "điểm a Điều 28", "ttldtt.regular_emulation": "điểm b Điều 28",
               "ttldtt.ldtt_share": "điểm c Điều 28", "ttldtt.no_discipline": "điểm c Điều 28"}),
    AwardCase("LAO_DONG_TIEN_TIEN", Dossier({"rating": "httnv", "active_in_emulation": True}),
              Dossier({"rating": "htnv", "active_in_emulation": True}), Dossier({"rating": "httnv"}),
              {"ldtt.rated_good": "điểm a khoản 1 Điều 24", "ldtt.active_in_emulation": "điểm c khoản 1 Điều 24"}),
    # CSTĐCS rated "không hoàn thành nhiệm vụ" no longer passes; an initiative stands in for the excellent rating.
    AwardCase(CSTDCS, Dossier({"rating": "httnv", "active_in_emulation": True, "initiatives": 1}),
              Dossier({"rating": "khtnv", "active_in_emulation": True, "initiatives": 1}),
              Dossier({"active_in_emulation": True}),
              {"ldtt.rated_good": "điểm a khoản 1 Điều 24", "ldtt.active_in_emulation": "điểm c khoản 1 Điều 24",
               "cstdcs.excellent_or_initiative": "Điều 23"}),
    # Bằng khen of the Prime Minister (Law Điều 71): the province's Bằng khen in 2021, then 2022–2026 rated well
    # with 5 initiatives; 4 initiatives fall short; the years rated are not declared.
    AwardCase("BANG_KHEN_THU_TUONG_CA_NHAN",
              Dossier({"consecutive_years_good": 5, "initiatives_in_period": 5}, {2021: {BK_PERSON}}),
              Dossier({"consecutive_years_good": 5, "initiatives_in_period": 4}, {2021: {BK_PERSON}}),
              Dossier({"initiatives_in_period": 5}, {2021: {BK_PERSON}}),
              {"bang_khen_ttg.individual": "khoản 1 Điều 71"}),
    # A collective: the Bằng khen in 2022 is too recent for five years after it; the national-movement path passes.
    AwardCase("BANG_KHEN_THU_TUONG", Dossier({"outstanding_in_national_movement": True}),
              Dossier({"consecutive_years_excellent": 5}, {2022: {BK_COLLECTIVE}}),
              Dossier({}, {2020: {BK_COLLECTIVE}}), {"bang_khen_ttg.collective": "khoản 2 Điều 71"}),
]


def judge(award: str, dossier: Dossier) -> Outcome:
    law = catalogue()
    history = {y: frozenset(codes) for y, codes in (dossier.history or {}).items()}
    candidate = Candidate(2026, DossierFacts(**dossier.facts), history)
    return overall(evaluate(award, law.award_rules(award), law.principles(), candidate))


def test_the_principles_for_every_award_cite_decree_152_article_4_clause_by_clause() -> None:
    rules = catalogue().rules
    assert rules["achievement.regular_only"].citation.startswith(f"khoản 3 Điều 4 {ND152}: ")
    assert rules["achievement.after_discipline"].citation.startswith(f"khoản 4 Điều 4 {ND152}: ")
    assert rules["achievement.maternity_leave_counts"].citation.startswith(f"khoản 5 Điều 4 {ND152}: ")
    tie_break = catalogue().tie_break
    assert tie_break is not None and tie_break.basis.startswith(f"khoản 6 Điều 4 {ND152}: ")


@pytest.mark.parametrize("case", CASES, ids=[c.award for c in CASES])
def test_each_award_passes_fails_or_cannot_tell_and_cites_its_exact_source(case: AwardCase) -> None:
    assert judge(case.award, case.passes) == Outcome.PASS
    assert judge(case.award, case.fails) == Outcome.FAIL
    assert judge(case.award, case.cannot_tell) == Outcome.UNKNOWN
    rules = catalogue().award_rules(case.award)
    assert list(rules) == list(case.cites)
    for rule, where in case.cites.items():
        assert rules[rule].citation.startswith(f"{where} {LAW}: "), (rule, rules[rule].citation)


def test_every_award_a_province_decides_or_proposes_has_its_criteria() -> None:
    tested = {c.award for c in CASES}
    assert set(catalogue().awards) == tested
    assert all(award.prerequisites for award in catalogue().awards.values())


def test_a_share_the_law_leaves_to_the_province_is_read_from_its_catalogue(tmp_path: Any) -> None:
    shipped = (catalogue_path := tmp_path / "catalogue.toml")
    text = files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8")
    marker = '[rules."ttldtt.ldtt_share"]'
    head, tail = text.split(marker)
    more_than_half = tail.replace("percent = 70", "percent = 50\nstrictly_more = true", 1)
    shipped.write_text(head + marker + more_than_half, encoding="utf-8")
    law = _load(catalogue_path)
    eleven_of_twenty = {**COLLECTIVE, "members_ldtt": 11, "rating": "httnv", "regular_emulation": True}
    ten_of_twenty = {**eleven_of_twenty, "members_ldtt": 10}
    for facts, expected in ((eleven_of_twenty, Outcome.PASS), (ten_of_twenty, Outcome.FAIL)):
        candidate = Candidate(2026, DossierFacts(**facts), {})
        code = "TAP_THE_LAO_DONG_TIEN_TIEN"
        assert overall(evaluate(code, law.award_rules(code), law.principles(), candidate)) == expected
    # Without its figure the rule cannot be applied: the file is refused at start-up, naming the key.
    no_figure = tmp_path / "no-figure.toml"
    no_figure.write_text(head + marker + tail.replace("percent = 70\n", "", 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"rules\.ttldtt\.ldtt_share: this rule needs the share it sets"):
        _load(no_figure)
