"""What a block declares about a candidate's year (from the báo cáo thành tích): the facts the rules read.

Each fact carries its Vietnamese label (`title`, shown by the dossier schema and the desk) and what it means."""

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from models.domain.enums import AwardKind
from models.domain.limits import Count

# Xếp loại: hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ.
Rating = Literal["htxsnv", "httnv", "htnv", "khtnv"]


def _fact(title: str, description: str = "") -> Any:
    return Field(default=None, title=title, description=description or None)


class DossierFacts(BaseModel):
    rating: Rating | None = _fact("Xếp loại năm xét", "This year's rating of the unit or person")
    rating_previous_year: Rating | None = _fact("Xếp loại năm liền trước")
    initiatives: Count | None = _fact("Số sáng kiến, đề tài được công nhận năm xét",
                                      "Initiatives or projects recognised this year")
    initiatives_previous_year: Count | None = _fact("Số sáng kiến, đề tài được công nhận năm liền trước")
    province_wide_initiative: bool | None = _fact(
        "Có sáng kiến có phạm vi ảnh hưởng trong tỉnh",
        "An initiative recognised as having province-wide effect (for CSTĐ cấp tỉnh)")
    nationwide_initiative: bool | None = _fact(
        "Có sáng kiến có phạm vi ảnh hưởng toàn quốc",
        "An initiative recognised as having nationwide effect (for CSTĐ toàn quốc)")
    leads_block: bool | None = _fact("Dẫn đầu khối, cụm thi đua năm xét",
                                     "The unit leads its emulation block this year")
    leads_central_block: bool | None = _fact(
        "Dẫn đầu khối, cụm thi đua do Hội đồng Thi đua - Khen thưởng Trung ương tổ chức",
        "Leads a block organised by the Central council (Cờ thi đua của Chính phủ)")
    outstanding_among_flags: bool | None = _fact(
        "Tiêu biểu xuất sắc nhất trong các tập thể được tặng Cờ thi đua cấp tỉnh",
        "The most outstanding of the province's flag holders (Cờ thi đua của Chính phủ)")
    active_in_emulation: bool | None = _fact("Tích cực tham gia phong trào thi đua",
                                             "Takes an active part in emulation (LĐTT)")
    regular_emulation: bool | None = _fact(
        "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả",
        "Collective: runs regular, practical, effective emulation (TTLĐTT)")
    # Bằng khen may rest on one of these instead of consecutive titles (Law Điều 74); a path not claimed is not taken.
    outstanding_in_movement: bool | None = _fact(
        "Tiêu biểu trong phong trào thi đua do tỉnh phát động",
        "Outstanding in an emulation movement launched by the province")
    sudden_achievement: bool | None = _fact("Có thành tích đột xuất", "An đột xuất (sudden, exemplary) achievement")
    notable_contribution: bool | None = _fact(
        "Có đóng góp lớn cho địa phương, công tác từ thiện",
        "A notable contribution to the locality's development, or charity")
    # Bằng khen of the Prime Minister (Law Điều 71): its own paths, also claimed by the dossier.
    outstanding_in_national_movement: bool | None = _fact(
        "Tiêu biểu trong phong trào thi đua do Chủ tịch nước, Chính phủ, Thủ tướng Chính phủ phát động",
        "Outstanding in a movement launched by the President, the Government or the Prime Minister")
    province_wide_achievements: bool | None = _fact(
        "Lập được nhiều thành tích có phạm vi ảnh hưởng trong bộ, ban, ngành, tỉnh",
        "Many achievements with an effect across the ministry, sector or province")
    consecutive_years_good: Count | None = _fact(
        "Số năm liên tục đến năm xét hoàn thành tốt nhiệm vụ trở lên",
        "Consecutive years up to this one rated hoàn thành tốt nhiệm vụ or better")
    consecutive_years_excellent: Count | None = _fact(
        "Số năm liên tục đến năm xét hoàn thành xuất sắc nhiệm vụ",
        "Consecutive years up to this one rated hoàn thành xuất sắc nhiệm vụ")
    initiatives_in_period: Count | None = _fact(
        "Số sáng kiến được công nhận trong các năm liên tục đó",
        "Initiatives recognised during those consecutive years")
    members_total: Count | None = _fact("Tổng số thành viên của tập thể", "Collective: all its members")
    members_completing_tasks: Count | None = _fact("Số thành viên hoàn thành nhiệm vụ")
    members_ldtt: Count | None = _fact("Số thành viên đạt Lao động tiên tiến",
                                       "Members with Lao động tiên tiến this year")
    members_cstdcs: Count | None = _fact("Số thành viên đạt Chiến sĩ thi đua cơ sở",
                                         "Members with Chiến sĩ thi đua cơ sở")
    # ND 152/2025 Điều 4 khoản 6: among equals, a collective with at least 70 % women is chosen.
    members_women: Count | None = _fact("Số thành viên nữ", "Collective: its women members")
    members_disciplined: Count | None = _fact("Số thành viên bị kỷ luật từ cảnh cáo trở lên",
                                              "Members disciplined at cảnh cáo or above")
    # ND 152/2025 Điều 4 khoản 3: what the proposed award is for; đột xuất and thematic awards do not count toward
    # higher ones. Left out, a year-end proposal is a regular award.
    award_kind: AwardKind | None = _fact(
        "Loại khen thưởng đề nghị (thường xuyên, đột xuất, chuyên đề)",
        "What the proposed award is for: regular, sudden (đột xuất) or thematic (chuyên đề)")
    # ND 152/2025 Điều 4 khoản 4: after a discipline, achievements count only from the day it was served.
    disciplined: bool | None = _fact(
        "Bị kỷ luật trong thời gian tính thành tích",
        "The person or collective was disciplined during the years the proposal counts")
    discipline_ended_on: date | None = _fact(
        "Ngày chấp hành xong thời gian kỷ luật", "The day the discipline was served (its period ended)")
