"""Revoking an award (Law Điều 93): the province's own decision, prepared by the secretary and signed by the
Chairman's office under the next number of its series; or the decision of the authority that awarded, recorded.
Either way the award record stays, marked revoked, and a stage re-evaluates the nominations that relied on it."""

from datetime import date

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.catalogue_revocation import RevocationRules
from models.domain.enums import DecisionStatus, StageKind
from models.domain.errors import Conflict, Problem, refuse
from models.domain.revocation import require_reason
from models.recording.common import get_or_404, record_stage
from models.storage.catalogue_file import catalogue
from models.storage.locks import serialize_on
from models.storage.numbering import allocate_number
from models.storage.queries import evidence_of_stage, stage_of
from models.tables.award import Award
from models.tables.decision import Decision
from models.tables.nomination import AwardRecord
from models.tables.revocation import AuthorityDecision, Revocation, RevocationCreate, RevocationSign
from models.tables.stage import Stage


def revocation_rules() -> RevocationRules:
    rules = catalogue().revocation
    if rules is None:
        raise refuse("award_record_id", "revocation.catalogue",
                     "The catalogue has no [revocation] section, so no award can be revoked.",
                     vi="Danh mục khen thưởng của tỉnh chưa có mục hủy bỏ khen thưởng [revocation]; "
                        "đề nghị cập nhật danh mục trước.")
    return rules


async def revoke(session: AsyncSession, data: RevocationCreate, actor: Actor) -> tuple[Revocation, Stage | None]:
    """A draft of the province's revoking decision, or (for an award decided elsewhere) the awarding authority's
    decision recorded with its stage. Two requests for one award at once: the second is refused."""
    await serialize_on(session, AwardRecord, data.award_record_id, "award_record_id")
    record = await get_or_404(session, AwardRecord, data.award_record_id, "award_record_id")
    reason = require_reason(data.reason)
    await _refuse_if_revoked(session, record)
    award = await session.get_one(Award, record.award_id)
    rules = revocation_rules()
    decided_by = catalogue().awards[award.code].decided_by
    here = rules.revoked_here(decided_by)
    _require_the_awarding_authority(here, data.authority_decision, award.name, decided_by, rules.basis)
    revocation = Revocation(award_record_id=record.id, ground=data.ground, reason=reason, issued_here=here,
                            decided_by=decided_by, prize=await _prize_paid(session, record), prepared_by=actor.username)
    if data.authority_decision is not None:
        given = data.authority_decision
        await _refuse_before_the_award(session, record, given.signed_on, "authority_decision.signed_on")
        revocation.sqlmodel_update({"number": given.number.strip(), "signed_on": given.signed_on,
                                    "decided_by": given.decided_by.strip(), "status": DecisionStatus.SIGNED,
                                    "signed_by": actor.username})
    session.add(revocation)
    await session.flush()
    if revocation.status != DecisionStatus.SIGNED:
        return revocation, None
    return revocation, await record_stage(session, StageKind.REVOCATION_ISSUE, revocation.id, record.year, actor)


async def sign_revocation(session: AsyncSession, revocation_id: int, data: RevocationSign, actor: Actor) -> Stage:
    """The Chairman's office signs: the decision takes the next number of the province's series (gapless, in this
    transaction) and the revocation takes effect; its stage prints it and flags what relied on the award."""
    await serialize_on(session, Revocation, revocation_id, "revocation_id")  # a double click signs once
    revocation = await get_or_404(session, Revocation, revocation_id, "revocation_id")
    if revocation.status != DecisionStatus.DRAFT:
        raise Conflict(Problem("revocation_id", "revocation.signed_once",
                               f"Revocation {revocation.id} is already signed as {revocation.number}.",
                               vi=f"Quyết định hủy bỏ khen thưởng này đã được ký, số {revocation.number}."))
    record = await session.get_one(AwardRecord, revocation.award_record_id)
    await _refuse_before_the_award(session, record, data.signed_on, "signed_on")
    revocation.number = await allocate_number(session, catalogue().province.decision_issuer_code, "QĐ",
                                              data.signed_on.year, f"revocation:{revocation.id}")
    revocation.sqlmodel_update(data.model_dump())
    revocation.status, revocation.signed_by = DecisionStatus.SIGNED, actor.username
    session.add(revocation)
    return await record_stage(session, StageKind.REVOCATION_ISSUE, revocation.id, record.year, actor)


async def _refuse_if_revoked(session: AsyncSession, record: AwardRecord) -> None:
    existing = (await session.exec(select(Revocation).where(Revocation.award_record_id == record.id))).first()
    if existing is None:
        return
    if existing.status == DecisionStatus.SIGNED:
        raise Conflict(Problem("award_record_id", "revocation.once",
                               f"This award was already revoked by decision {existing.number}.",
                               vi=f"Khen thưởng này đã bị hủy bỏ theo Quyết định số {existing.number}."))
    raise Conflict(Problem("award_record_id", "revocation.once",
                           f"A revocation of this award is already prepared (draft {existing.id}).",
                           vi=f"Đã có dự thảo Quyết định hủy bỏ khen thưởng này (dự thảo số {existing.id}), "
                              "đang chờ ký."))


def _require_the_awarding_authority(here: bool, given: AuthorityDecision | None, award: str, decided_by: str,
                                    basis: str) -> None:
    """The level that awarded revokes: the province by its own decision for what its Chairman decides; for the
    rest, the awarding authority's decision is what the province records."""
    if here and given is not None:
        raise refuse("authority_decision", "revocation.authority",
                     f"{award} is decided by {decided_by}: the province revokes it by its own decision, "
                     f"not another authority's ({basis}).",
                     vi=f"{award} do {decided_by} quyết định nên tỉnh hủy bỏ bằng Quyết định của mình; không ghi "
                        f"quyết định của cơ quan khác ({basis}).")
    if not here and given is None:
        raise refuse("authority_decision", "revocation.authority",
                     f"{award} is decided by {decided_by}, who revokes it ({basis}): give that decision's number, "
                     "date and author.",
                     vi=f"{award} do {decided_by} quyết định; cấp nào khen thưởng thì cấp đó hủy bỏ ({basis}). "
                        "Đề nghị ghi số, ngày và người ký quyết định hủy bỏ của cấp đó.")


async def _refuse_before_the_award(session: AsyncSession, record: AwardRecord, day: date, field: str) -> None:
    if record.decision_id is None:
        return
    awarded = await session.get_one(Decision, record.decision_id)
    if awarded.signed_on is not None and day < awarded.signed_on:
        on, signed = day.strftime("%d/%m/%Y"), awarded.signed_on.strftime("%d/%m/%Y")
        raise refuse(field, "revocation.after_award",
                     f"An award signed on {signed} cannot be revoked on {on}, before it was given.",
                     vi=f"Không thể hủy bỏ ngày {on} khen thưởng được quyết định ngày {signed}.")


async def _prize_paid(session: AsyncSession, record: AwardRecord) -> dict[str, object]:
    """The prize the recipient received, as the awarding decision's stage logged it (the amount to recover)."""
    if record.decision_id is None or record.nomination_id is None:
        return {}
    stage = await stage_of(session, StageKind.DECISION_ISSUE, record.decision_id)
    evidence = (await evidence_of_stage(session, stage.id)).get(record.nomination_id, {}) if stage else {}
    keys = ("prize_coefficient", "base_salary", "base_salary_basis", "prize_amount")
    return {k: evidence[k] for k in keys} if "prize_amount" in evidence else {}
