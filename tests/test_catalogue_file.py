"""The award catalogue is one typed file, read in one place, checked at start-up and mirrored in GET /awards."""

import ast
import asyncio
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from models.storage.catalogue_file import CatalogueError, catalogue
from models.storage.db import open_session
from models.storage.demo import seed_catalogue
from tests.demo import DemoProvince

ROOT = Path(__file__).parent.parent
SHIPPED = (ROOT / "models" / "data" / "catalogue.toml").read_text(encoding="utf-8")
FLAG = "CO_THI_DUA_UBND_TINH"


@pytest.mark.parametrize(("change", "named"), [
    (('amount = 2340000', 'amount = "hai triệu"'), "province.base_salary.2.amount"),
    (('prerequisites = ["flag.leads_block"]', 'prerequisites = ["flag.dan_dau"]'), "rule 'flag.dan_dau'"),
    (('recipient_kind = "collective"', 'recipient_kind = "tap_the"'), f"awards.{FLAG}.recipient_kind"),
    (('[quotas.CO_THI_DUA_UBND_TINH]', '[quotas.CO_KHONG_CO]'), "quotas.CO_KHONG_CO"),
    (('reason_phrase = ', 'ly_do = '), f"awards.{FLAG}.ly_do"),
    (('[province]', '[province'), "not valid TOML"),
])
def test_a_wrong_province_catalogue_is_refused_naming_the_file_the_key_and_the_problem(
    own_catalogue: Path, change: tuple[str, str], named: str
) -> None:
    own_catalogue.write_text(SHIPPED.replace(*change, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as refused:
        catalogue()
    assert str(refused.value).startswith(str(own_catalogue)) and named in str(refused.value)


async def test_the_award_table_follows_the_catalogue_file_on_every_start(
    client: httpx.AsyncClient, demo: DemoProvince, own_catalogue: Path
) -> None:
    before = {a["code"]: a for a in (await client.get("/awards")).json()}
    assert Decimal(before[FLAG]["threshold_percent"]) == 80
    stricter = SHIPPED.replace('threshold_percent = "80"\n# ND 152', 'threshold_percent = "85"\n# ND 152', 1)
    await asyncio.to_thread(own_catalogue.write_text, stricter, encoding="utf-8")
    async with open_session() as session:  # what `tdkt migrate` and `tdkt serve` do at start
        assert await seed_catalogue(session) == 1
        await session.commit()
        assert await seed_catalogue(session) == 0, "nothing changes a second time"
    after = {a["code"]: a for a in (await client.get("/awards")).json()}
    assert Decimal(after[FLAG]["threshold_percent"]) == 85
    assert catalogue().awards[FLAG].threshold_percent == Decimal(85)


def test_only_the_catalogue_module_reads_the_catalogue_file() -> None:
    readers = []
    for path in [*ROOT.glob("models/**/*.py"), *ROOT.glob("flows/**/*.py"), *ROOT.glob("api/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        if any(name.endswith("catalogue.toml") for name in names):
            readers.append(str(path.relative_to(ROOT)))
    assert readers == ["models/storage/catalogue_file.py"]


@pytest.mark.parametrize(("day", "salary", "texts"), [
    (date(2023, 12, 20), 1_800_000, ["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                                     "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003",
                                     "Nghị định số 91/2017/NĐ-CP"]),
    (date(2024, 1, 20), 1_800_000, ["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                                    "Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 98/2023/NĐ-CP"]),
    (date(2027, 1, 5), 2_340_000, ["Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
                                   "Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 152/2025/NĐ-CP"]),
])
def test_the_texts_and_the_base_salary_are_those_in_force_on_the_day(day: date, salary: int,
                                                                     texts: list[str]) -> None:
    province = catalogue().province
    bases = province.legal_bases_on(day, with_authority=True)
    assert len(bases) == len(texts) and all(b.startswith(t) for b, t in zip(bases, texts, strict=True)), bases
    assert province.base_salary_on(day).amount == salary
    # The block's and the office's Tờ trình cite the same texts except the law that empowers the Chairman.
    assert province.legal_bases_on(day, with_authority=False) == bases[1:]


def test_no_prize_is_worked_out_for_a_day_no_base_salary_covers() -> None:
    with pytest.raises(ValueError, match="0 base salaries in force on 2019-06-30"):
        catalogue().prize_on("CO_THI_DUA_UBND_TINH", date(2019, 6, 30))
    assert catalogue().prize_on("CO_THI_DUA_UBND_TINH", date(2019, 7, 1)).amount == 8 * 1_490_000
