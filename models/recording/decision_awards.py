"""Which awards a draft decision gives: one award, or several awards of one form (the Chairman's Bằng khen to
collectives and to individuals), which a province signs as one decision under one number."""

from collections.abc import Iterable

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import RecipientKind
from models.domain.errors import refuse
from models.recording.common import unknown_award
from models.storage.catalogue_file import catalogue
from models.tables.award import Award
from models.tables.decision import DecisionCreate

# A decision's annex lists collectives first, then individuals, then households (I. Tập thể, II. Cá nhân).
ANNEX_ORDER = {RecipientKind.COLLECTIVE: 0, RecipientKind.INDIVIDUAL: 1, RecipientKind.HOUSEHOLD: 2}


def in_annex_order(awards: Iterable[Award]) -> list[Award]:
    """A decision's awards in the order its annex gives their sections."""
    return sorted(awards, key=lambda a: (ANNEX_ORDER[a.recipient_kind], a.id))


def requested_codes(data: DecisionCreate) -> tuple[list[str], str]:
    """The award codes asked for and the field that named them."""
    if data.award_code is not None and data.award_codes is not None:
        raise refuse("award_codes", "decision.award_field",
                     "Give award_code for one award or award_codes for several, not both.",
                     vi="Chỉ ghi một trong hai: một hình thức khen thưởng (award_code) hoặc danh sách các hình thức "
                        "(award_codes).")
    if data.award_codes is not None:
        return list(data.award_codes), "award_codes"
    if data.award_code is None:
        raise refuse("award_code", "decision.award_required", "Say which award the decision gives.",
                     vi="Chưa chọn hình thức khen thưởng cho dự thảo Quyết định.")
    return [data.award_code], "award_code"


async def awards_of_one_form(session: AsyncSession, data: DecisionCreate) -> list[Award]:
    """The awards as asked, all of one form and decided by the province; one query for them all."""
    codes, field = requested_codes(data)
    found = {a.code: a for a in (await session.exec(select(Award).where(col(Award.code).in_(codes)))).all()}
    awards = []
    for i, code in enumerate(codes):
        place = field if field == "award_code" else f"{field}.{i}"
        if code not in found:
            raise unknown_award(code, place)
        if code in codes[:i]:
            raise refuse(place, "unique", f"Award {code} is listed twice.",
                         vi=f"Hình thức khen thưởng mã {code} được ghi hai lần.")
        _refuse_above_province(found[code], place)
        if found[code].name != found[codes[0]].name:
            raise refuse(place, "decision.one_form",
                         f"One decision gives one form: {found[code].name} is not {found[codes[0]].name}.",
                         vi=f"Một Quyết định chỉ tặng một hình thức khen thưởng: «{found[code].name}» khác "
                            f"«{found[codes[0]].name}»; đề nghị lập Quyết định riêng.")
        awards.append(found[code])
    return awards


def _refuse_above_province(award: Award, field: str) -> None:
    entry = catalogue().awards[award.code]
    if entry.decided_above_province:
        raise refuse(field, "decision.decided_above_province",
                     f"{award.name} is decided by the {entry.decided_by}: forward it with the Chairman's Tờ trình "
                     "instead.",
                     vi=f"{award.name} do {entry.decided_by} quyết định, không thuộc thẩm quyền của Chủ tịch UBND "
                        "tỉnh; đề nghị lập Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng.")
