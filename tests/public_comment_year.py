"""A year whose block proposes state-level forms (decided by the Prime Minister), which the catalogue publishes for
public comment before the council votes: three eligible dossiers, through the API and its flows."""

from dataclasses import replace
from typing import Any

import httpx

from tests.block_year import TRADE_BLOCK, screened_block_year
from tests.demo import DemoProvince


def state_level_candidates(demo: DemoProvince) -> dict[str, dict[str, Any]]:
    """Label → candidate: the Government's Emulation Flag for two units, the Prime Minister's Bằng khen for a third."""
    u, flag = demo.units, {"award_code": "CO_THI_DUA_CHINH_PHU", "facts": {"outstanding_among_flags": True}}
    return {
        "cp_sct": flag | {"unit_id": u["SCT"],
                          "achievement": "Tiêu biểu xuất sắc nhất trong các tập thể được tặng Cờ thi đua của tỉnh"},
        "cp_stc": flag | {"unit_id": u["STC"]},
        "bk_ttg_skhcn": {"award_code": "BANG_KHEN_THU_TUONG", "unit_id": u["SKHCN"],
                         "facts": {"outstanding_in_national_movement": True}},
    }


async def state_level_year(http: httpx.AsyncClient, demo: DemoProvince) -> dict[str, int]:
    """Meeting, ballots, proposal and screening: every candidate endorsed and found eligible. Label → nomination."""
    held = replace(TRADE_BLOCK, chair=("Nguyễn Hữu Phước", "Giám đốc Sở Công Thương, Trưởng Khối"),
                   secretary=("Lê Văn Đức", "Phó Chánh Văn phòng Sở Công Thương"), next_deputy="SNNMT")
    return await screened_block_year(http, demo, held, state_level_candidates(demo))
