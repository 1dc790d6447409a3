"""Public comment before the council's vote: the office opens a window listing eligible dossiers whose award needs
it, and the council may decide on such a dossier only after its window has closed (the one check every recording
of votes and appraisals passes through `appraisable`)."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import StageKind, State
from models.domain.errors import Conflict, DomainError, Problem
from models.domain.public_comment import CommentRule, closes_on, longest, vote_refusal
from models.recording.common import nominations_by_id, record_stage, require_states, require_unique
from models.storage.catalogue_file import catalogue
from models.storage.working_calendar import working_calendar
from models.tables.award import Award
from models.tables.nomination import Nomination
from models.tables.public_comment import CommentWindow, CommentWindowItem, CommentWindowOpen
from models.tables.stage import Stage


async def comment_rules(session: AsyncSession, nominations: Sequence[Nomination]) -> dict[int, CommentRule]:
    """Nomination id → the comment rule of its award, for the nominations whose award has one (one query)."""
    rules = catalogue().public_comment_rules()
    award_ids = {n.award_id for n in nominations}
    codes = {a.id: a.code for a in (await session.exec(select(Award).where(col(Award.id).in_(award_ids)))).all()}
    return {n.id: rules[codes[n.award_id]] for n in nominations if codes[n.award_id] in rules}


async def open_window(session: AsyncSession, data: CommentWindowOpen, actor: Actor) -> Stage:
    """List eligible dossiers for public comment from `opens_on`, for as many working days as the catalogue
    requires of their awards; the stage's flow prints the list. A dossier is listed once."""
    ids = data.nomination_ids
    require_unique(ids, "nomination_ids")
    nominations = await nominations_by_id(session, ids, "nomination_ids")
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), {State.ELIGIBLE}, "nomination_ids",
                   "public comment", action_vi="đưa ra lấy ý kiến nhân dân")
    rules = await comment_rules(session, list(nominations.values()))
    problems = [p for i, nid in enumerate(ids) if (p := _not_for_this(nominations[nid], rules, data.year, i))]
    if problems:
        raise DomainError(*problems)
    await _refuse_if_listed(session, ids)
    rule = longest(rules.values())
    last_day = closes_on(data.opens_on, rule.working_days,
                         working_calendar({data.opens_on.year, data.opens_on.year + 1}))
    window = CommentWindow(year=data.year, opens_on=data.opens_on, closes_on=last_day,
                           working_days=rule.working_days, basis=rule.basis, published_at=data.published_at.strip(),
                           created_by=actor.username)
    session.add(window)
    await session.flush()
    session.add_all(CommentWindowItem(window_id=window.id, nomination_id=nid, position=i)
                    for i, nid in enumerate(ids, start=1))
    try:
        await session.flush()
    except IntegrityError:  # listed meanwhile by a concurrent request that passed the same check
        raise _listed_already(None) from None
    return await record_stage(session, StageKind.PUBLIC_COMMENT, window.id, data.year, actor)


def _not_for_this(nomination: Nomination, rules: dict[int, CommentRule], year: int, i: int) -> Problem | None:
    field = f"nomination_ids.{i}"
    if nomination.year != year:
        return Problem(field, "public_comment.same_year",
                       f"Nomination {nomination.id} is for {nomination.year}; this list is for {year}.",
                       vi=f"Hồ sơ mã số {nomination.id} thuộc năm {nomination.year}; danh sách này lấy ý kiến cho "
                          f"năm {year}.")
    if nomination.id not in rules:
        return Problem(field, "public_comment.not_required",
                       f"Nomination {nomination.id}'s award is not published for public comment in this province.",
                       vi=f"Hình thức khen thưởng của hồ sơ mã số {nomination.id} không thuộc diện lấy ý kiến nhân "
                          "dân theo danh mục của tỉnh.")
    return None


async def _refuse_if_listed(session: AsyncSession, ids: Sequence[int]) -> None:
    listed = (await session.exec(select(CommentWindowItem).where(
        col(CommentWindowItem.nomination_id).in_(ids)))).first()
    if listed is not None:
        raise _listed_already(listed)


def _listed_already(item: CommentWindowItem | None) -> Conflict:
    which = f"Nomination {item.nomination_id} is already" if item else "A nomination of this list was just"
    which_vi = (f"Hồ sơ mã số {item.nomination_id} đã" if item else "Một hồ sơ của danh sách này vừa")
    where = f" (list {item.window_id})" if item else ""
    where_vi = f" (danh sách mã số {item.window_id})" if item else ""
    return Conflict(Problem("nomination_ids", "public_comment.listed_once",
                            f"{which} listed for public comment{where}.",
                            vi=f"{which_vi} được đưa ra lấy ý kiến nhân dân{where_vi}; mỗi hồ sơ chỉ lấy ý kiến "
                               "một lần."))


async def require_comment_closed(
    session: AsyncSession, listed: Sequence[tuple[int, Nomination]], held_on: date, field: str
) -> None:
    """Refuse (nothing recorded) a decision on a dossier whose award needs public comment, while its list is still
    open on the session's day or was never published (ND 152/2025 Điều 60 khoản 3, as the catalogue says)."""
    rules = await comment_rules(session, [n for _, n in listed])
    if not rules:
        return
    query = select(CommentWindowItem, CommentWindow).join(
        CommentWindow, col(CommentWindow.id) == CommentWindowItem.window_id).where(
        col(CommentWindowItem.nomination_id).in_(list(rules)))
    windows = {item.nomination_id: window.closes_on for item, window in (await session.exec(query)).all()}
    problems = [p for i, n in listed if n.id in rules
                and (p := vote_refusal(f"{field}.{i}.nomination_id", n.id, rules[n.id], windows.get(n.id), held_on))]
    if problems:
        raise Conflict(*problems)
