"""Quyết định khen thưởng and its annex: the list of recipients in số sổ vàng order."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import AnnexRow, AnnexSection, Article, DecisionContext, Signer
from docx_templates.formatting import vn_date, vn_decimal, vn_money
from docx_templates.number_words import money_words
from docx_templates.text_width import subject_rule_mm
from flows.documents.citations import ProposalCitation, office_appraisal_citation, proposals_behind
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import RecipientKind, StageKind
from models.domain.prizes import Prize
from models.storage.catalogue_file import catalogue
from models.storage.queries import awards_by_id, candidate_labels, evidence_of_stage, stage_of
from models.tables.award import Award
from models.tables.council import CouncilSession
from models.tables.decision import Decision, DecisionItem
from models.tables.nomination import Nomination

SECTION_HEADINGS = {RecipientKind.COLLECTIVE: "TẬP THỂ", RecipientKind.INDIVIDUAL: "CÁ NHÂN",
                    RecipientKind.HOUSEHOLD: "HỘ GIA ĐÌNH"}
# (name column, detail column) of each annex table; collectives have no detail column.
COLUMN_HEADINGS = {RecipientKind.COLLECTIVE: ("Tên tập thể", ""),
                   RecipientKind.INDIVIDUAL: ("Họ và tên", "Chức vụ, đơn vị công tác"),
                   RecipientKind.HOUSEHOLD: ("Họ và tên chủ hộ", "")}
ROMAN = ("I", "II", "III")
ANNEX_KINDS = (RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD)
# How a flag's reason phrase ends in the catalogue; the block it led completes it.
LEADS_PHRASE = "dẫn đầu phong trào thi đua"
RECIPIENT_WORDS = {RecipientKind.COLLECTIVE: "tập thể", RecipientKind.INDIVIDUAL: "cá nhân",
                   RecipientKind.HOUSEHOLD: "hộ gia đình"}


async def build_decision(session: AsyncSession, decision_id: int) -> tuple[dict[str, Any], str]:
    decision = await session.get_one(Decision, decision_id)
    award = await session.get_one(Award, decision.award_id)
    council = await session.get_one(CouncilSession, decision.council_session_id)
    awarded = await _awarded(session, decision_id)
    assert decision.number is not None and decision.signed_on is not None, "only a signed decision is rendered"
    province = catalogue().province
    groups = await _groups(session, decision_id, awarded, decision.signed_on)
    citations = await proposals_behind(session, [n.id for n, _ in awarded])
    recipients = " và ".join(f"{g.count:02d} {RECIPIENT_WORDS[g.kind]}" for g in groups)
    # Signed "TM. ỦY BAN NHÂN DÂN", the decision is the People's Committee's, not its Chairman's alone.
    collective = decision.signer_prefix.upper().startswith("TM.")
    subject = f"Về việc tặng {award.name} năm {decision.year}"
    context = DecisionContext(
        header=header("", ["ỦY BAN NHÂN DÂN", province_upper()], decision.number, decision.signed_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        authority=authority(decision.signer_prefix),
        bases=province.legal_bases_on(decision.signed_on, with_authority=True),
        considerations=[_consideration(citations, council)],
        articles=[
            Article(title="Điều 1.", text=f"Tặng {award.name} cho {recipients} "
                    f"(có danh sách kèm theo), {_reason(award, citations, decision.year)}."),
            Article(title="Điều 2.", text=_prize_text(award.name, groups)),
            Article(title="Điều 3.", text="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc "
                    "Sở Tài chính, thủ trưởng các cơ quan, đơn vị liên quan và các tập thể, cá nhân có tên tại "
                    "Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        ],
        # The office drafts the decision for the Chairman: its code, not its name, after "Lưu: VT".
        receivers=["Như Điều 3", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", f"Lưu: VT, {province.appraisal_issuer_code}"],
        signer=Signer(prefix=decision.signer_prefix, title=decision.signer_title, name=decision.signer_name),
        annex_title="DANH SÁCH",
        annex_subject=f"{', '.join(RECIPIENT_WORDS[g.kind] for g in groups).capitalize()} được tặng {award.name} "
                      f"năm {decision.year}",
        annex_reference=f"(Kèm theo Quyết định số {decision.number} {vn_date(decision.signed_on)} "
        f"của {'' if collective else 'Chủ tịch '}UBND tỉnh)",
        annex_sections=await _annex(session, awarded),
    )
    return dict(context), f"quyet-dinh-{file_stem(decision.number)}.docx"


def authority(signer_prefix: str) -> str:
    """Who awards, as the decision and its certificates print it: signed "TM. ỦY BAN NHÂN DÂN", the People's
    Committee; otherwise its Chairman."""
    collective = signer_prefix.upper().startswith("TM.")
    return f"{'' if collective else 'CHỦ TỊCH '}ỦY BAN NHÂN DÂN {province_upper()}"


@dataclass(frozen=True)
class RecipientGroup:
    """The recipients of one kind the decision awards, and the prize each receives (their award's)."""

    kind: RecipientKind
    count: int
    prize: Prize


async def _groups(session: AsyncSession, decision_id: int, awarded: list[tuple[Nomination, DecisionItem]],
                  signed_on: date) -> list[RecipientGroup]:
    """Per recipient kind, in the annex's order: how many, and the prize as the issuing stage logged it for them,
    so a re-print years later prints the same amount; worked out from the catalogue only while nothing is logged
    yet (each nomination's own award: a collective's Bằng khen is worth more than an individual's)."""
    stage = await stage_of(session, StageKind.DECISION_ISSUE, decision_id)
    logged = await evidence_of_stage(session, stage.id) if stage is not None else {}
    awards = await awards_by_id(session)
    groups = []
    for kind in ANNEX_KINDS:
        of_kind = [n for n, _ in awarded if n.recipient_kind == kind]
        if of_kind:
            first = of_kind[0]
            prize = (Prize.from_evidence(logged[first.id]) if "prize_amount" in logged.get(first.id, {})
                     else catalogue().prize_on(awards[first.award_id].code, signed_on))
            groups.append(RecipientGroup(kind, len(of_kind), prize))
    return groups


def _prize_text(form: str, groups: list[RecipientGroup]) -> str:
    """ "Mỗi tập thể được tặng … kèm theo mức tiền thưởng bằng 3,0 lần mức lương cơ sở, là … (bằng chữ: …); mỗi
    cá nhân …, chi từ Quỹ Thi đua, khen thưởng của tỉnh." """
    each = "; ".join(f"mỗi {RECIPIENT_WORDS[g.kind]} được tặng {form} kèm theo mức tiền thưởng bằng "
                     f"{vn_decimal(g.prize.coefficient)} lần mức lương cơ sở, là {vn_money(g.prize.amount)} "
                     f"(bằng chữ: {money_words(g.prize.amount)})" for g in groups)
    return f"{each[:1].upper()}{each[1:]}, chi từ Quỹ Thi đua, khen thưởng của tỉnh."


async def _awarded(session: AsyncSession, decision_id: int) -> list[tuple[Nomination, DecisionItem]]:
    rows = (await session.exec(select(Nomination, DecisionItem).join(DecisionItem).where(
        DecisionItem.decision_id == decision_id, col(DecisionItem.declined).is_(False)
    ).order_by(col(DecisionItem.golden_book_no)))).all()
    return [(n, i) for n, i in rows]


def _reason(award: Award, citations: list[ProposalCitation], year: int) -> str:
    """Điều 1's reason. A flag rewards leading a block: name the block when the units came from one block's
    Tờ trình ("…, dẫn đầu phong trào thi đua Khối thi đua … năm 2026"); from several, the blocks stay in the
    considerations and the annex."""
    blocks = list(dict.fromkeys(c.block for c in citations))
    if award.reason_phrase.endswith(LEADS_PHRASE) and len(blocks) == 1:
        return f"{award.reason_phrase} {blocks[0]} năm {year}"
    return f"{award.reason_phrase} năm {year}"


def _consideration(citations: list[ProposalCitation], council: CouncilSession) -> str:
    """ "Xét đề nghị của Sở … (đơn vị Trưởng Khối …) tại Tờ trình số …, … và của Giám đốc Sở Nội vụ tại …"."""
    blocks = [f"của {c.proposer} tại {c.text()}" for c in citations]
    office = office_appraisal_citation(council)
    return f"Xét đề nghị {', '.join(blocks)} và {office}" if blocks else f"Xét đề nghị {office}"


async def _annex(session: AsyncSession, awarded: list[tuple[Nomination, DecisionItem]]) -> list[AnnexSection]:
    """One table per recipient kind; "I. TẬP THỂ", "II. CÁ NHÂN" head them only when there are two or more, since
    a lone "I." numbers nothing."""
    labels = await candidate_labels(session, [n for n, _ in awarded])
    sections: list[AnnexSection] = []
    for kind in ANNEX_KINDS:
        rows = [AnnexRow(stt=item.golden_book_no or 0, name=labels[n.id].name, detail=labels[n.id].detail)
                for n, item in awarded if n.recipient_kind == kind]
        if rows:
            name_heading, detail_heading = COLUMN_HEADINGS[kind]
            sections.append(AnnexSection(heading=f"{ROMAN[len(sections)]}. {SECTION_HEADINGS[kind]}",
                                         name_heading=name_heading, detail_heading=detail_heading, rows=rows))
    if len(sections) == 1:
        sections[0]["heading"] = ""
    return sections
