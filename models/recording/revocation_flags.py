"""Re-evaluation after a revocation: each later nomination of the same recipient is judged again by the same
eligibility rules, with the award counted and without it, and every rule it now fails because of it is flagged for
the secretary. Four queries whatever the number of nominations; nothing about a nomination is changed."""

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.eligibility import RuleResult
from models.domain.enums import State
from models.domain.revocation import newly_failed
from models.domain.vietnamese import rule_vi
from models.recording.eligibility import eligibility_of
from models.tables.award import Award
from models.tables.nomination import AwardRecord, Nomination
from models.tables.revocation import Revocation, RevocationFlag

# Nominations no rule can matter to any more: refused at some step, or withdrawn.
CLOSED = (State.NOT_ENDORSED, State.NOT_RECOMMENDED, State.DECLINED, State.WITHDRAWN)


async def relying_nominations(session: AsyncSession, record: AwardRecord) -> list[Nomination]:
    """The recipient's nominations for the award's year or later, open or awarded, other than the award's own."""
    query = select(Nomination).where(Nomination.year >= record.year, col(Nomination.state).not_in(CLOSED),
                                     col(Nomination.id).is_distinct_from(record.nomination_id))
    if record.person_id is not None:
        query = query.where(Nomination.person_id == record.person_id)
    else:
        query = query.where(Nomination.unit_id == record.unit_id, col(Nomination.person_id).is_(None))
    return list((await session.exec(query.order_by(col(Nomination.id)))).all())


async def flag_relying(session: AsyncSession, revocation_id: int) -> list[RevocationFlag]:
    """Store a flag for each rule a later nomination passed with the award and fails without it; a rerun adds
    nothing it already stored. Returns the revocation's flags."""
    revocation = await session.get_one(Revocation, revocation_id)
    record = await session.get_one(AwardRecord, revocation.award_record_id)
    award = await session.get_one(Award, record.award_id)
    nominations = await relying_nominations(session, record)
    before = await eligibility_of(session, nominations, still_counting=revocation_id)
    after = await eligibility_of(session, nominations)
    stored = await flags_of(session, [revocation_id])
    done = {(f.nomination_id, f.rule) for f in stored}
    new = [_flag(revocation, award, record.year, n.id, result) for n in nominations
           for result in newly_failed(before[n.id], after[n.id]) if (n.id, result.rule) not in done]
    session.add_all(new)
    await session.flush()
    return [*stored, *new]


def _flag(revocation: Revocation, award: Award, year: int, nomination_id: int, result: RuleResult) -> RevocationFlag:
    number = revocation.number or ""
    return RevocationFlag(
        revocation_id=revocation.id, nomination_id=nomination_id, rule=result.rule, article=result.article,
        message=f"{award.name} of {year} was revoked by decision {number}: the nomination no longer meets "
                f"{result.rule} ({result.article}). {result.message}",
        message_vi=f"{award.name} năm {year} đã bị hủy bỏ theo Quyết định số {number}: hồ sơ không còn đạt "
                   f"tiêu chuẩn «{rule_vi(result.rule)}» ({result.article}). Đề nghị xem xét lại hồ sơ.")


async def flags_of(session: AsyncSession, revocation_ids: Sequence[int]) -> list[RevocationFlag]:
    query = select(RevocationFlag).where(col(RevocationFlag.revocation_id).in_(revocation_ids))
    return list((await session.exec(query.order_by(col(RevocationFlag.id)))).all())
