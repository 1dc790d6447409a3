"""What a block declares about a candidate's year (from the báo cáo thành tích): the facts the rules read."""

from typing import Literal

from pydantic import BaseModel, Field

from models.domain.limits import Count

# Xếp loại: hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ.
Rating = Literal["htxsnv", "httnv", "htnv", "khtnv"]


class DossierFacts(BaseModel):
    rating: Rating | None = Field(default=None, description="This year's rating of the unit or person")
    rating_previous_year: Rating | None = None
    initiatives: Count | None = Field(default=None, description="Initiatives or projects recognised this year")
    initiatives_previous_year: Count | None = None
    province_wide_initiative: bool | None = Field(
        default=None, description="An initiative recognised as having province-wide effect (for CSTĐ cấp tỉnh)")
    nationwide_initiative: bool | None = Field(
        default=None, description="An initiative recognised as having nationwide effect (for CSTĐ toàn quốc)")
    leads_block: bool | None = Field(default=None, description="The unit leads its emulation block this year")
    leads_central_block: bool | None = Field(
        default=None, description="Leads a block organised by the Central council (Cờ thi đua của Chính phủ)")
    outstanding_among_flags: bool | None = Field(
        default=None, description="The most outstanding of the province's flag holders (Cờ thi đua của Chính phủ)")
    active_in_emulation: bool | None = Field(default=None, description="Takes an active part in emulation (LĐTT)")
    regular_emulation: bool | None = Field(
        default=None, description="Collective: runs regular, practical, effective emulation (TTLĐTT)")
    # Bằng khen may rest on one of these instead of consecutive titles (Law Điều 74); a path not claimed is not taken.
    outstanding_in_movement: bool | None = Field(
        default=None, description="Outstanding in an emulation movement launched by the province")
    sudden_achievement: bool | None = Field(default=None, description="An đột xuất (sudden, exemplary) achievement")
    notable_contribution: bool | None = Field(
        default=None, description="A notable contribution to the locality's development, or charity")
    members_total: Count | None = Field(default=None, description="Collective: all its members")
    members_completing_tasks: Count | None = None
    members_ldtt: Count | None = Field(default=None, description="Members with Lao động tiên tiến this year")
    members_cstdcs: Count | None = Field(default=None, description="Members with Chiến sĩ thi đua cơ sở")
    members_disciplined: Count | None = Field(default=None, description="Members disciplined at cảnh cáo or above")
