"""The standing body's route, pure: which body appraises an award, and what the standing body's appraisal says.

A province routes each award (the catalogue's appraised_by, with its source): the full council votes on some
(Bắc Ninh QĐ 86/2025 Điều 5: Cờ thi đua, Chiến sĩ thi đua cấp tỉnh, forms for the Prime Minister), while its
standing body (Thường trực Hội đồng) appraises others (TTLĐXS, Bằng khen of the Chairman) and reports straight
to the Chairman, without a vote. A nomination goes the way its award is routed, never the other.
"""

from dataclasses import dataclass

from models.domain.enums import CouncilBody
from models.domain.errors import Problem
from models.domain.vietnamese import COUNCIL_BODY_VI

# What each body does to a nomination, as a refusal names it.
_ACTS_VI = {CouncilBody.COUNCIL: "họp xét, bỏ phiếu", CouncilBody.STANDING_BODY: "xét, thẩm định"}


@dataclass(frozen=True)
class StandingAppraisal:
    """The standing body agreed to propose a nomination to the Chairman, or did not, and why."""

    agreed: bool
    reason: str = ""

    def describe(self) -> str:
        verdict = "agreed to propose it to the Chairman" if self.agreed else "did not agree to propose it"
        return f"The council's standing body {verdict}" + (f": {self.reason}" if self.reason else ".")

    def describe_vi(self) -> str:
        verdict = "thống nhất trình Chủ tịch UBND tỉnh" if self.agreed else "không thống nhất đề nghị"
        return f"Thường trực Hội đồng {verdict}" + (f": {self.reason}" if self.reason else ".")


@dataclass(frozen=True)
class Route:
    """Which body appraises an award in this province, and the text that says so."""

    award_name: str
    appraised_by: CouncilBody
    basis: str


def route_problem(field: str, nomination_id: int, route: Route, body: CouncilBody) -> Problem | None:
    """A nomination may be appraised only by the body its award is routed to."""
    if route.appraised_by == body:
        return None
    routed, asked = COUNCIL_BODY_VI[route.appraised_by], COUNCIL_BODY_VI[body]
    return Problem(field, "appraisal.route",
                   f"Nomination {nomination_id} is for {route.award_name}, which the "
                   f"{route.appraised_by.value.replace('_', ' ')} appraises, not the {body.value.replace('_', ' ')} "
                   f"({route.basis}).",
                   vi=f"Hồ sơ mã số {nomination_id} đề nghị tặng {route.award_name}: hình thức này do {routed} "
                      f"{_ACTS_VI[route.appraised_by]} ({route.basis}), không do {asked} {_ACTS_VI[body]}.")


def reason_problem(field: str, nomination_id: int, appraisal: StandingAppraisal) -> Problem | None:
    """Not agreeing needs the reason why: the Tờ trình prints it and the nominee is told."""
    if appraisal.agreed or appraisal.reason.strip():
        return None
    return Problem(field, "standing.reason_required",
                   f"The standing body did not agree on nomination {nomination_id}: say why.",
                   vi=f"Thường trực Hội đồng không thống nhất đề nghị hồ sơ mã số {nomination_id} thì phải ghi rõ "
                      "lý do.")
