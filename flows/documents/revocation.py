"""Quyết định hủy bỏ khen thưởng: the province revokes an award its Chairman gave (Law Điều 93), recovering the
certificate and the prize paid, amount in figures and in words. Printed from what the revocation stored."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import Article, RevocationContext, Signer
from docx_templates.formatting import vn_date, vn_money
from docx_templates.number_words import money_words
from docx_templates.text_width import subject_rule_mm
from flows.documents.decision import authority
from flows.documents.header import file_stem, header, province_upper
from models.domain.papers import is_bang_khen
from models.domain.prizes import Prize
from models.domain.vietnamese import REVOCATION_GROUND_VI
from models.recording.revocations import revocation_rules
from models.storage.catalogue_file import catalogue
from models.storage.revocations import RecordLabel, record_labels
from models.tables.award import Award
from models.tables.decision import Decision
from models.tables.nomination import AwardRecord
from models.tables.revocation import Revocation


async def build_revocation(session: AsyncSession, revocation_id: int) -> tuple[dict[str, Any], str]:
    revocation = await session.get_one(Revocation, revocation_id)
    record = await session.get_one(AwardRecord, revocation.award_record_id)
    award = await session.get_one(Award, record.award_id)
    awarded = await session.get(Decision, record.decision_id) if record.decision_id is not None else None
    assert revocation.number is not None and revocation.signed_on is not None, "only a signed revocation is printed"
    label = (await record_labels(session, [record]))[record.id]
    province = catalogue().province
    given = _award_decision(record, awarded)
    subject = f"Về việc hủy bỏ Quyết định tặng {award.name} năm {record.year} đối với {label.name}"
    context = RevocationContext(
        header=header("", ["ỦY BAN NHÂN DÂN", province_upper()], revocation.number, revocation.signed_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        authority=authority(revocation.signer_prefix),
        bases=[*province.legal_bases_on(revocation.signed_on, with_authority=True), revocation_rules().basis,
               given],
        considerations=[f"Xét việc {label.name} được tặng {award.name} năm {record.year} có "
                        f"{REVOCATION_GROUND_VI[revocation.ground]}: {revocation.reason.rstrip('.;')}"],
        articles=_articles(revocation, record, award, label, given),
        receivers=["Như Điều 3", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", f"Lưu: VT, {province.appraisal_issuer_code}"],
        signer=Signer(prefix=revocation.signer_prefix, title=revocation.signer_title, name=revocation.signer_name),
    )
    return dict(context), f"quyet-dinh-huy-bo-{file_stem(revocation.number)}.docx"


def _award_decision(record: AwardRecord, awarded: Decision | None) -> str:
    """ "Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch UBND tỉnh": the decision revoked."""
    if awarded is not None and awarded.signed_on is not None:
        return f"Quyết định số {record.decision_number} {vn_date(awarded.signed_on)} của Chủ tịch UBND tỉnh"
    return f"Quyết định số {record.decision_number} của Chủ tịch UBND tỉnh"


def _articles(revocation: Revocation, record: AwardRecord, award: Award, label: RecordLabel,
              given: str) -> list[Article]:
    who = f"{label.name}, {label.detail}" if label.detail else label.name
    golden = f" (số sổ vàng {record.golden_book_no:02d})" if record.golden_book_no else ""
    item = "Bằng khen" if is_bang_khen(award.name) else "Giấy chứng nhận"
    return [
        Article(title="Điều 1.", text=f"Hủy bỏ việc tặng {award.name} năm {record.year} cho {who}{golden} tại "
                f"{given}."),
        Article(title="Điều 2.", text=f"Thu hồi {item} {award.name} và {_prize_text(revocation, given)}, "
                "nộp về Quỹ Thi đua, khen thưởng của tỉnh."),
        Article(title="Điều 3.", text="Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân "
                "tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, thủ trưởng các cơ quan, đơn vị liên quan và "
                f"{label.name} chịu trách nhiệm thi hành Quyết định này./."),
    ]


def _prize_text(revocation: Revocation, given: str) -> str:
    if not revocation.prize:
        return f"toàn bộ số tiền thưởng đã nhận theo {given}"
    amount = Prize.from_evidence(revocation.prize).amount
    return f"số tiền thưởng đã nhận là {vn_money(amount)} (bằng chữ: {money_words(amount)})"
