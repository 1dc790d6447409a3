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
    leads_block: bool | None = Field(default=None, description="The unit leads its emulation block this year")
    members_total: Count | None = Field(default=None, description="Collective: all its members")
    members_completing_tasks: Count | None = None
    members_ldtt: Count | None = Field(default=None, description="Members with Lao động tiên tiến this year")
    members_cstdcs: Count | None = Field(default=None, description="Members with Chiến sĩ thi đua cơ sở")
    members_disciplined: Count | None = Field(default=None, description="Members disciplined at cảnh cáo or above")
