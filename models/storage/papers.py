"""The TĐKT office's numbered notices: numbered once per stage, in the transaction that records who signs them."""

from datetime import date

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.storage.catalogue_file import catalogue
from models.storage.numbering import allocate_number
from models.tables.organisation import Unit
from models.tables.paper import IssuedPaper
from models.tables.stage import Stage

NOTICE_TYPE = "TB"  # Decree 30/2020 Annex III: Thông báo


async def paper_of(session: AsyncSession, stage_id: int, kind: str) -> IssuedPaper | None:
    query = select(IssuedPaper).where(IssuedPaper.stage_id == stage_id, IssuedPaper.kind == kind)
    return (await session.exec(query)).first()


async def number_office_notice(session: AsyncSession, stage: Stage, kind: str, issued_on: date) -> IssuedPaper:
    """The office's notice of `stage`: numbered in the office's Thông báo series of the year it is issued, signed
    by the head of the office as the registry names them that day. A rerun finds it numbered; the caller commits."""
    existing = await paper_of(session, stage.id, kind)
    if existing is not None:
        return existing
    province = catalogue().province
    office = (await session.exec(select(Unit).where(Unit.code == province.appraisal_issuer_code))).first()
    number = await allocate_number(session, province.appraisal_issuer_code, NOTICE_TYPE, issued_on.year,
                                   f"{kind}:{stage.id}")
    paper = IssuedPaper(stage_id=stage.id, kind=kind, number=number, issued_on=issued_on,
                        signer_title=(office.head_title if office is not None else "Giám đốc").upper(),
                        signer_name=office.head_name if office is not None else "")
    session.add(paper)
    await session.flush()
    return paper
