"""What the council session's papers need beyond its votes: what each absent member wrote, the counting
committee's ballot count, and the minutes' number in the council's own series."""

from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.ballots import ballot_count, ballot_problems
from models.domain.enums import CouncilBody
from models.domain.errors import DomainError, Problem
from models.domain.numbers import MINUTES_TYPE
from models.domain.votes import Tally
from models.storage.catalogue_file import catalogue
from models.storage.numbering import allocate_number
from models.tables.ballots import BallotCountRecord
from models.tables.council import CouncilMember, CouncilSession, CouncilSessionCreate, CouncilVotesRecord


def written_opinion_texts(data: CouncilSessionCreate) -> dict[int, str]:
    """What each absent member wrote, by roster seat; the seat must be one that sent a written opinion."""
    problems, texts = [], {}
    for i, opinion in enumerate(data.written_opinions):
        if opinion.seat_id not in data.written_opinion_seat_ids:
            problems.append(Problem(f"written_opinions.{i}.seat_id", "council.written_opinion_text",
                                    f"Seat {opinion.seat_id} is not among written_opinion_seat_ids.",
                                    vi=f"Ghế mã số {opinion.seat_id} không có trong danh sách thành viên gửi ý kiến "
                                       "bằng văn bản."))
        texts[opinion.seat_id] = opinion.text.strip()
    if problems:
        raise DomainError(*problems)
    return texts


def council_ballot_problems(members: list[CouncilMember], data: CouncilVotesRecord) -> list[Problem]:
    """Ballot papers go to the members present; an absent member's written opinion is counted beside them, so a
    line may count up to the valid ballots plus the written opinions."""
    count, problems = ballot_count(data.ballots_issued, data.ballots_returned, data.ballots_invalid,
                                     data.counting_committee)
    if count is None:
        return problems
    written = sum(1 for m in members if m.written_opinion)
    casts = [max(0, Tally(v.votes_for, v.votes_against, v.abstain).cast - written) for v in data.votes]
    return ballot_problems(count, sum(1 for m in members if m.present), casts, "votes")


def keep_ballot_count(council: CouncilSession, data: BallotCountRecord) -> None:
    for name in ("ballots_issued", "ballots_returned", "ballots_invalid", "counting_committee"):
        setattr(council, name, getattr(data, name))


async def number_council_minutes(session: AsyncSession, council: CouncilSession) -> None:
    """Number the session's minutes in its body's own series of the year it met (Decree 30/2020 Điều 15 and Annex I
    II.3.a): the council's, or its standing body's (the catalogue's [standing_body]), in the transaction that
    records the votes or the appraisal they report."""
    if council.minutes_number is not None:
        return
    issuer = (catalogue().standing_body.minutes_issuer_code if council.body == CouncilBody.STANDING_BODY
              else catalogue().province.council_issuer_code)
    council.minutes_number = await allocate_number(session, issuer, MINUTES_TYPE, council.held_on.year,
                                                   f"minutes:council_session:{council.id}")
    session.add(council)
