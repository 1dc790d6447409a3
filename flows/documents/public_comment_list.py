"""Thông báo lấy ý kiến nhân dân, with the list of who is proposed for which form: the TĐKT office publishes it
for the working days the catalogue requires, before the council decides (ND 152/2025 Điều 60 khoản 3)."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from docx_templates.contexts import Signer
from docx_templates.formatting import vn_date
from docx_templates.paper_contexts import CommentListRow, PublicCommentListContext
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal import DRAFTING_UNIT
from flows.documents.citations import office_name
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import StageKind
from models.recording.decision_awards import ANNEX_ORDER
from models.storage.papers import paper_of
from models.storage.queries import awards_by_id, candidate_labels, stage_of
from models.tables.nomination import Nomination
from models.tables.public_comment import CommentWindow, CommentWindowItem

LIST_TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG LẤY Ý KIẾN NHÂN DÂN"


async def listed_in(session: AsyncSession, window_id: int) -> list[Nomination]:
    """The dossiers of a window as its list prints them: by award, collectives before individuals, then as listed."""
    rows = (await session.exec(select(Nomination).join(
        CommentWindowItem, col(CommentWindowItem.nomination_id) == Nomination.id).where(
        CommentWindowItem.window_id == window_id).order_by(col(CommentWindowItem.position)))).all()
    return sorted(rows, key=lambda n: (n.award_id, ANNEX_ORDER[n.recipient_kind]))


async def build_public_comment_list(session: AsyncSession, window_id: int) -> tuple[dict[str, Any], str]:
    stage = await stage_of(session, StageKind.PUBLIC_COMMENT, window_id)
    assert stage is not None
    paper = await paper_of(session, stage.id, DocumentKind.PUBLIC_COMMENT_LIST)
    assert paper is not None, "the notice is numbered before it is rendered"
    window = await session.get_one(CommentWindow, window_id)
    nominations = await listed_in(session, window_id)
    labels = await candidate_labels(session, nominations)
    awards = await awards_by_id(session)
    office = office_name()
    subject = f"Về việc lấy ý kiến nhân dân đối với danh sách đề nghị khen thưởng năm {window.year}"
    context = PublicCommentListContext(
        header=header(f"UBND {province_upper()}", [office], paper.number, paper.issued_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        office=office,
        basis=window.basis,
        published_at=window.published_at,
        opens_on=vn_date(window.opens_on),
        closes_on=vn_date(window.closes_on),
        working_days=window.working_days,
        list_title=LIST_TITLE,
        rows=[CommentListRow(stt=stt, name=labels[n.id].name, detail=labels[n.id].detail,
                             award=awards[n.award_id].name) for stt, n in enumerate(nominations, start=1)],
        receivers=["Cổng Thông tin điện tử tỉnh (để đăng tải)", "Các Khối thi đua có hồ sơ",
                   f"Lưu: VT, {DRAFTING_UNIT}"],
        signer=Signer(prefix=paper.signer_prefix, title=paper.signer_title, name=paper.signer_name),
    )
    return dict(context), f"thong-bao-lay-y-kien-{file_stem(paper.number)}.docx"
