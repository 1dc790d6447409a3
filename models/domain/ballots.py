"""The counting committee's ballot count (Biên bản kiểm phiếu), pure: ballots issued, returned, valid and spoilt,
checked against the members who could vote and against each line of the tally.

One ballot paper lists every candidate of the meeting; a ballot spoilt as a whole (ballots_invalid) counts for no
one, while a line left unreadable on a valid ballot is that candidate's "invalid". A secret ballot asks each voter
"agree" or "disagree" per name (the ballot keeps or strikes the name), so it has no abstention: a blank line is
spoilt."""

from dataclasses import dataclass

from models.domain.errors import Problem


@dataclass(frozen=True)
class BallotCount:
    issued: int
    returned: int
    invalid: int  # spoilt ballot papers (phiếu không hợp lệ)

    @property
    def valid(self) -> int:
        return self.returned - self.invalid


def ballot_count(issued: int | None, returned: int | None, invalid: int | None, committee: list[str]
                 ) -> tuple[BallotCount | None, list[Problem]]:
    """The count when the committee gave one; all three numbers or none, and none without a committee to sign."""
    given = [v for v in (issued, returned, invalid) if v is not None]
    if not given:
        return None, []
    if not committee:
        return None, [Problem("counting_committee", "ballots.committee",
                              "Name the counting committee that counted the ballots.",
                              vi="Cần ghi họ tên các thành viên Ban kiểm phiếu đã kiểm phiếu.")]
    if issued is None or returned is None or invalid is None:
        return None, [Problem("ballots_issued", "ballots.complete",
                              "Give the ballots issued, returned and spoilt together, or none of them.",
                              vi="Cần ghi đủ cả số phiếu phát ra, số phiếu thu về và số phiếu không hợp lệ, "
                                 "hoặc không ghi số nào.")]
    return BallotCount(issued, returned, invalid), []


def ballot_problems(count: BallotCount, voters: int, tally_casts: list[int], tally_field: str) -> list[Problem]:
    """Why the committee's count cannot be right: more ballots than voters, returned than issued, spoilt than
    returned, or a candidate's line counting more ballots than the valid ones."""
    problems = []
    if count.issued > voters:
        problems.append(Problem("ballots_issued", "ballots.issued_exceed_voters",
                                f"{count.issued} ballots issued, but only {voters} members could vote.",
                                vi=f"Số phiếu phát ra ({count.issued}) vượt quá số thành viên được bỏ phiếu "
                                   f"({voters})."))
    if count.returned > count.issued:
        problems.append(Problem("ballots_returned", "ballots.returned_exceed_issued",
                                f"{count.returned} ballots returned, but {count.issued} were issued.",
                                vi=f"Số phiếu thu về ({count.returned}) vượt quá số phiếu phát ra ({count.issued})."))
    if count.invalid > count.returned:
        problems.append(Problem("ballots_invalid", "ballots.invalid_exceed_returned",
                                f"{count.invalid} spoilt ballots, but {count.returned} were returned.",
                                vi=f"Số phiếu không hợp lệ ({count.invalid}) vượt quá số phiếu thu về "
                                   f"({count.returned})."))
    problems += [Problem(f"{tally_field}.{i}", "ballots.tally_exceeds_valid",
                         f"This line counts {cast} ballots, but only {count.valid} ballots are valid.",
                         vi=f"Tổng số phiếu ghi cho trường hợp này là {cast}, vượt quá số phiếu hợp lệ "
                            f"({count.valid}).")
                 for i, cast in enumerate(tally_casts) if cast > count.valid]
    return problems


def secret_ballot_abstentions(abstains: list[int], tally_field: str) -> list[Problem]:
    """A secret ballot keeps or strikes each name: there is no abstention to record."""
    return [Problem(f"{tally_field}.{i}.abstain", "vote.secret_ballot_no_abstain",
                    "A secret ballot has no abstentions: count a blank line as invalid.",
                    vi="Bỏ phiếu kín chỉ có phiếu đồng ý, không đồng ý và phiếu không hợp lệ; dòng để trống "
                       "được tính là không hợp lệ.")
            for i, abstain in enumerate(abstains) if abstain > 0]


def election_problems(votes: int | None, field: str, voters: int) -> list[Problem]:
    """The votes the elected head (or deputy) received cannot exceed those who could vote."""
    if votes is None or votes <= voters:
        return []
    return [Problem(field, "ballots.election_exceeds_voters",
                    f"{votes} votes recorded for the election, but only {voters} members could vote.",
                    vi=f"Số phiếu bầu ({votes}) vượt quá số thành viên được bỏ phiếu ({voters}).")]
