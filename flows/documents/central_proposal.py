"""The Chairman's Tờ trình to the Prime Minister (through Bộ Nội vụ, Ban Thi đua - Khen thưởng Trung ương) for the
awards decided above the province: the council's voting result on each nomination, as its stage recorded it, and
the awards asked for. Addressees, series and the dossier it says is attached are the catalogue's [forwarding]."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import CentralProposalContext, Signer
from docx_templates.formatting import vn_date
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal import award_lines, council_paragraph, route_sentence, vote_rows
from flows.documents.citations import office_appraisal_citation
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import StageKind
from models.recording.council import council_members, council_outcomes
from models.recording.forwarding import forwarding_items
from models.settings import get_settings
from models.storage.catalogue_file import catalogue
from models.storage.queries import awards_by_id, evidence_of_stage, stage_of
from models.tables.council import CouncilSession
from models.tables.forwarding import Forwarding

# The unit of the People's Committee's office that keeps the file, and the TĐKT office that drafted it.
FILED_BY = "VT, NV"


async def build_central_proposal(session: AsyncSession, forwarding_id: int) -> tuple[dict[str, Any], str]:
    forwarding = await session.get_one(Forwarding, forwarding_id)
    assert forwarding.number is not None and forwarding.issued_on is not None, "numbered when signed"
    rules = catalogue().forwarding
    assert rules is not None, "the catalogue names where the Tờ trình goes"
    council = await session.get_one(CouncilSession, forwarding.council_session_id)
    order = {i.nomination_id: i.row_no for i in await forwarding_items(session, forwarding_id)}
    voted = sorted((r for r in await council_outcomes(session, council.id) if r.nomination.id in order),
                   key=lambda r: order[r.nomination.id])
    stage = await stage_of(session, StageKind.COUNCIL_REVIEW, council.id)
    decided = await evidence_of_stage(session, stage.id) if stage is not None else {}
    decided = {n: e for n, e in decided.items() if n in order}
    rows, recommended = await vote_rows(session, voted, decided)
    awards = await awards_by_id(session)
    names = list(dict.fromkeys(awards[n.award_id].name for n in recommended))
    listed = f"{', '.join(names[:-1])} và {names[-1]}" if len(names) > 1 else "".join(names)
    subject = f"Về việc đề nghị {rules.decider} tặng {listed} năm {forwarding.year}"
    committee = f"Ủy ban nhân dân tỉnh {get_settings().province_name}"
    bases = catalogue().province.legal_bases_on(forwarding.issued_on, with_authority=False)
    if council.appraisal_number is not None and council.appraisal_signed_on is not None:
        bases = [*bases, f"đề nghị {office_appraisal_citation(council)}"]
    bases = [*bases, f"kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh {vn_date(council.held_on)}"]
    context = CentralProposalContext(
        header=header("", ["ỦY BAN NHÂN DÂN", province_upper()], forwarding.number, forwarding.issued_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        recipients=list(rules.addressees),
        bases=bases,
        council=council_paragraph(council, await council_members(session, council.id), decided,
                                  route_sentence(voted, decided)),
        rows=rows,
        proposal=f"{committee} kính trình {rules.decider} xem xét, tặng:",
        awards=award_lines(recommended, awards),
        attachments=f"({rules.attachments}).",
        closing=f"{committee} kính trình {rules.decider} xem xét, quyết định./.",
        receivers=["Như trên", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", catalogue().province.appraisal_issuer_name,
                   f"Lưu: {FILED_BY}"],
        signer=Signer(prefix=forwarding.signer_prefix, title=forwarding.signer_title, name=forwarding.signer_name),
    )
    return dict(context), f"to-trinh-{file_stem(forwarding.number)}.docx"
