"""The standing body's part of the office's Tờ trình: who appraised, when, by which rule, and its result on each
nomination with the reason, as its stage decided them (evidence), without vote counts: it does not vote."""

from dataclasses import dataclass
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import AppraisalRow
from docx_templates.formatting import vn_date
from models.domain.enums import CouncilBody, StageKind
from models.domain.vietnamese import COUNCIL_BODY_VI
from models.recording.decision_awards import ANNEX_ORDER
from models.recording.standing_body import StandingOutcome, standing_outcomes
from models.storage.queries import candidate_labels, evidence_of_stage, stage_of
from models.tables.council import CouncilSession
from models.tables.nomination import Nomination

STANDING = COUNCIL_BODY_VI[CouncilBody.STANDING_BODY]


@dataclass(frozen=True)
class Appraised:
    """What the Tờ trình reports of one session, whichever body held it."""

    listed: list[Nomination]  # every nomination the session decided on, as the Tờ trình lists them
    recommended: list[Nomination]
    rows: list[AppraisalRow]
    paragraph: str  # the meeting: when, where, who, by which route, how counted
    meeting_basis: str  # the last "Căn cứ" line
    proposal: str  # the sentence before the awards proposed


async def standing_part(session: AsyncSession, council: CouncilSession, office: str, chairman: str) -> Appraised:
    outcomes = sorted(await standing_outcomes(session, council.id), key=lambda o: (
        o.nomination.award_id, ANNEX_ORDER[o.nomination.recipient_kind], o.nomination.id))
    stage = await stage_of(session, StageKind.STANDING_APPRAISAL, council.id)
    decided = await evidence_of_stage(session, stage.id) if stage is not None else {}
    labels = await candidate_labels(session, [o.nomination for o in outcomes])
    rows: list[AppraisalRow] = []
    recommended: list[Nomination] = []
    for stt, o in enumerate(outcomes, start=1):
        evidence = decided.get(o.nomination.id)
        if evidence is not None and evidence["agreed"]:
            recommended.append(o.nomination)
        label = labels[o.nomination.id]
        result = "Không xét" if evidence is None else "Đồng ý" if evidence["agreed"] else "Không đồng ý"
        rows.append(AppraisalRow(stt=stt, name=f"{label.name}, {label.detail}" if label.detail else label.name,
                                 award=o.award.name, votes="", percent="", result=result,
                                 opinion=str(evidence["reason"]) if evidence is not None else ""))
    return Appraised(
        listed=[o.nomination for o in outcomes], recommended=recommended, rows=rows,
        paragraph=_paragraph(council, outcomes, decided),
        meeting_basis=f"kết quả họp xét của {STANDING} {vn_date(council.held_on)}",
        proposal=(f"Trên cơ sở kết quả xét của Thường trực Hội đồng, {office} đề nghị {chairman} xem xét, tặng:"
                  if recommended else "Thường trực Hội đồng không thống nhất đề nghị khen thưởng tập thể, cá nhân "
                                      "nào."),
    )


def _paragraph(council: CouncilSession, outcomes: list[StandingOutcome], decided: dict[int, dict[str, Any]]) -> str:
    held = vn_date(council.held_on)
    awards = list(dict.fromkeys(o.award.name for o in outcomes))
    # The rule that routed each award here, as the stage recorded it (the catalogue may have changed since).
    bases = list(dict.fromkeys(str(decided.get(o.nomination.id, {}).get("route_basis", o.route.basis))
                               for o in outcomes))
    # Who appraised: the standing members who attended, each with the position the roster gives them.
    members = list({m.id: m for o in outcomes for m in o.appraised_by}.values())
    who = "; ".join(f"{m.full_name}, {m.position}" if m.position else m.full_name for m in members)
    return (f"{held[0].upper()}{held[1:]}, tại {council.location}, {STANDING} đã họp xét hồ sơ đề nghị tặng "
            f"{_joined(awards)} năm {council.year}. Các hình thức khen thưởng này do Thường trực Hội đồng xét và "
            f"báo cáo trực tiếp Chủ tịch Ủy ban nhân dân tỉnh, không đưa ra Hội đồng bỏ phiếu "
            f"({'; '.join(bases)}). Dự họp có: {who}. Kết quả xét như sau:")


def _joined(names: list[str]) -> str:
    return f"{', '.join(names[:-1])} và {names[-1]}" if len(names) > 1 else "".join(names)
