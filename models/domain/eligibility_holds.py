"""The principles of ND 152/2025 Điều 4 that hold for every award, pure: after a discipline, achievements count only
from the day it was served (khoản 4); đột xuất and thematic awards are no basis for a higher award (khoản 3).

The chain rules (`consecutive_title`, `title_times`) already count only what `Candidate.toward_higher` lets
through; the checks here put the principle, with its citation, beside the award's own rules when it applies."""

from dataclasses import replace
from datetime import date
from typing import Any

from models.domain.eligibility import Candidate, Outcome
from models.domain.facts import DossierFacts


def counted_from(facts: DossierFacts, partial_year_counts: bool) -> int | None:
    """The first year whose achievements count after the declared discipline: the year after the one in which it
    was served, or that year itself where the province counts a year the discipline ended in (`partial_year_counts`).
    A discipline served on 31 December leaves the whole next year clean either way."""
    ended = facts.discipline_ended_on
    if ended is None:
        return None
    if ended == date(ended.year, 12, 31):
        return ended.year + 1
    return ended.year if partial_year_counts else ended.year + 1


def with_holds(candidate: Candidate, partial_year_counts: bool) -> Candidate:
    return replace(candidate, counted_from=counted_from(candidate.facts, partial_year_counts))


def discipline_declared(c: Candidate) -> bool:
    return bool(c.facts.disciplined) or c.facts.discipline_ended_on is not None


def after_discipline(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
    """The year proposed must itself fall after the discipline; earlier years drop out of chains of titles."""
    ended = c.facts.discipline_ended_on
    used: dict[str, Any] = {"disciplined": c.facts.disciplined,
                            "discipline_ended_on": ended.isoformat() if ended else None}
    if ended is None or c.counted_from is None:
        return Outcome.UNKNOWN, "Disciplined, but the day the discipline was served is not declared.", used, (
            "discipline_ended_on",)
    if c.counted_from > c.year:
        return Outcome.FAIL, (f"The discipline was served on {ended.isoformat()}; achievements count only from "
                              f"then, so {c.year} cannot be counted."), used, ()
    return Outcome.PASS, (f"The discipline was served on {ended.isoformat()}: achievements count from "
                          f"{c.counted_from}; earlier years do not count toward consecutive titles."), used, ()


def regular_only(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
    """Names the đột xuất and thematic awards in the history that chains of titles leave out."""
    left_out = {year: sorted(codes) for year, codes in sorted(c.not_regular.items()) if codes}
    listed = "; ".join(f"{year}: {', '.join(codes)}" for year, codes in left_out.items())
    return Outcome.PASS, f"Not counted toward a higher award (đột xuất or thematic): {listed}.", {
        "not_counted": {str(y): codes for y, codes in left_out.items()}}, ()
