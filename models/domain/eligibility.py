"""Eligibility, pure: each rule reads a candidate's declared facts and award history and says pass, fail, or
cannot tell (with the facts it is missing), citing the article it enforces. Which rules apply is catalogue data."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from models.domain.facts import DossierFacts


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "cannot_tell"


@dataclass(frozen=True)
class Candidate:
    year: int
    facts: DossierFacts
    history: Mapping[int, frozenset[str]]  # year → award codes received that year
    # Of those, the awards for an đột xuất achievement or a thematic movement: no basis for a higher award
    # (ND 152/2025 Điều 4 khoản 3).
    not_regular: Mapping[int, frozenset[str]] = field(default_factory=dict)
    # After a discipline, the first year whose achievements count (ND 152/2025 Điều 4 khoản 4); None: no discipline.
    counted_from: int | None = None

    def toward_higher(self, year: int) -> frozenset[str]:
        """The awards of a year that count toward a higher one: regular ones, outside a discipline period."""
        if self.counted_from is not None and year < self.counted_from:
            return frozenset()
        return self.history.get(year, frozenset()) - self.not_regular.get(year, frozenset())

    def why_not_counted(self, code: str, year: int) -> str:
        """Why a title held in a year does not count toward a higher award ("" when it was not held at all)."""
        if code not in self.history.get(year, frozenset()):
            return ""
        if self.counted_from is not None and year < self.counted_from:
            return f"{year}: within the discipline period, not counted"
        return f"{year}: an đột xuất or thematic award, not counted" if code in self.not_regular.get(
            year, frozenset()) else ""


@dataclass(frozen=True)
class RuleResult:
    rule: str
    article: str
    outcome: Outcome
    message: str
    facts_read: dict[str, Any] = field(default_factory=dict)  # the dossier facts the rule read, with their values
    missing: tuple[str, ...] = ()


Check = Callable[[Candidate], tuple[Outcome, str, dict[str, Any], tuple[str, ...]]]


def _need(candidate: Candidate, *names: str) -> tuple[str, ...]:
    return tuple(n for n in names if getattr(candidate.facts, n) is None)


def _not_counted(c: Candidate, code: str, years: Iterable[int]) -> str:
    reasons = [why for y in years if (why := c.why_not_counted(code, y))]
    return f" ({'; '.join(reasons)})" if reasons else ""


def consecutive_title(code: str, years: int) -> Check:
    """The same title in each of the last `years` years; only regular awards outside a discipline period count."""
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        span = list(range(c.year - years + 1, c.year + 1))
        held = [y for y in span if code in c.toward_higher(y)]
        used = {"title": code, "years_needed": span, "years_held": held}
        if held == span:
            return Outcome.PASS, f"Held {code} in each of {span[0]}–{span[-1]}.", used, ()
        gaps = [y for y in span if y not in held]
        message = (f"Needs {code} in {years} consecutive years {span[0]}–{span[-1]}; missing {gaps}"
                   f"{_not_counted(c, code, gaps)}.")
        return Outcome.FAIL, message, used, ()
    return check


def rated_excellent(years: int) -> Check:
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        names = ("rating", "rating_previous_year")[:years]
        missing = _need(c, *names)
        used = {n: getattr(c.facts, n) for n in names}
        if missing:
            return Outcome.UNKNOWN, "The rating is not declared.", used, missing
        if all(v == "htxsnv" for v in used.values()):
            return Outcome.PASS, f"Rated hoàn thành xuất sắc nhiệm vụ in {years} year(s).", used, ()
        return Outcome.FAIL, f"Needs hoàn thành xuất sắc nhiệm vụ in {years} consecutive year(s).", used, ()
    return check


def initiatives_at_least(count: int, years: int) -> Check:
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        names = ("initiatives", "initiatives_previous_year")[:years]
        missing = _need(c, *names)
        used = {n: getattr(c.facts, n) for n in names}
        if missing:
            return Outcome.UNKNOWN, "The initiatives are not declared.", used, missing
        total = sum(v or 0 for v in used.values())
        outcome = Outcome.PASS if total >= count else Outcome.FAIL
        return outcome, f"{total} recognised initiative(s) over {years} year(s); {count} needed.", used, ()
    return check


def fact_is_true(name: str, meaning: str) -> Check:
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        value = getattr(c.facts, name)
        if value is None:
            return Outcome.UNKNOWN, f"Not declared whether {meaning}.", {name: None}, (name,)
        return (Outcome.PASS if value else Outcome.FAIL), (meaning if value else f"Not so: {meaning}."), {
            name: value}, ()
    return check


def member_share(name: str, percent: Decimal | int, meaning: str, strictly_more: bool = False) -> Check:
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        missing = _need(c, "members_total", name)
        used = {"members_total": c.facts.members_total, name: getattr(c.facts, name)}
        if missing:
            return Outcome.UNKNOWN, f"The number of members {meaning} is not declared.", used, missing
        total, count = c.facts.members_total or 0, getattr(c.facts, name) or 0
        ok = total > 0 and (count * 100 > percent * total if strictly_more else count * 100 >= percent * total)
        needed = f"more than {percent}%" if strictly_more else f"{percent}%"
        return (Outcome.PASS if ok else Outcome.FAIL), f"{count} of {total} members {meaning}; {needed} needed.", \
            used, ()
    return check


def rated_at_least_good() -> Check:
    """Hoàn thành tốt nhiệm vụ or better (LĐTT, TTLĐTT)."""
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        used = {"rating": c.facts.rating}
        if c.facts.rating is None:
            return Outcome.UNKNOWN, "The rating is not declared.", used, ("rating",)
        if c.facts.rating in ("htxsnv", "httnv"):
            return Outcome.PASS, "Rated hoàn thành tốt nhiệm vụ or better.", used, ()
        return Outcome.FAIL, "Needs hoàn thành tốt nhiệm vụ or better.", used, ()
    return check


def path_claimed(name: str, meaning: str) -> Check:
    """One path among several that a dossier may claim (Bằng khen: an đột xuất achievement, …): a path the dossier
    does not claim is not taken, rather than unknown, so an unclaimed path never holds a dossier up."""
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        value = getattr(c.facts, name)
        if value:
            return Outcome.PASS, meaning, {name: value}, ()
        return Outcome.FAIL, f"Not claimed: {meaning}.", {name: value}, ()
    return check


def after_title_then_rated(code: str, years: int, rated: str, meaning: str, initiatives: int | None) -> Check:
    """A regular `code` held at least `years` years ago, then `years` consecutive years rated `meaning` (a declared
    count, `rated`), with `initiatives` recognised in them when a number is given."""
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        held = [y for y in sorted(c.history) if y <= c.year - years and code in c.toward_higher(y)]
        names = (rated, *(("initiatives_in_period",) if initiatives is not None else ()))
        used: dict[str, Any] = {"title": code, "years_held": held, **{n: getattr(c.facts, n) for n in names}}
        if not held:
            return Outcome.FAIL, f"No {code} counted in or before {c.year - years}.", used, ()
        if missing := _need(c, *names):
            return Outcome.UNKNOWN, f"The years rated {meaning} since {code} are not declared.", used, missing
        enough_years = (getattr(c.facts, rated) or 0) >= years
        enough_initiatives = initiatives is None or (c.facts.initiatives_in_period or 0) >= initiatives
        wanted = f"{code} in {held[-1]}, then {years} consecutive years {meaning}" + (
            f" with {initiatives} initiatives" if initiatives is not None else "")
        ok = enough_years and enough_initiatives
        return (Outcome.PASS if ok else Outcome.FAIL), f"{'Has' if ok else 'Needs'}: {wanted}.", used, ()
    return check


def title_times(code: str, times: int, window_years: int) -> Check:
    """A title held at least `times` times within the last `window_years` years (titles conferred every few years,
    such as CSTĐ cấp tỉnh, are consecutive by conferral, not by calendar year)."""
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        span = range(c.year - window_years + 1, c.year + 1)
        held = [y for y in span if code in c.toward_higher(y)]
        used = {"title": code, "years_held": held, "window": [span[0], span[-1]]}
        outcome = Outcome.PASS if len(held) >= times else Outcome.FAIL
        return outcome, (f"Held {code} {len(held)} time(s) in {span[0]}–{span[-1]}; {times} needed"
                         f"{_not_counted(c, code, span)}."), used, ()
    return check


def no_member_disciplined(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
    value = c.facts.members_disciplined
    if value is None:
        return Outcome.UNKNOWN, "Not declared whether any member was disciplined.", {}, ("members_disciplined",)
    ok = value == 0
    return (Outcome.PASS if ok else Outcome.FAIL), f"{value} member(s) disciplined at cảnh cáo or above.", {
        "members_disciplined": value}, ()


def not_received_this_year(code: str) -> Check:
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        if code in c.history.get(c.year, frozenset()):
            return Outcome.FAIL, f"Already received {code} for {c.year}: one achievement, one award.", {
                "year": c.year}, ()
        return Outcome.PASS, f"Not yet awarded {code} for {c.year}.", {"year": c.year}, ()
    return check


def any_of(*checks: Check) -> Check:
    """One of several paths suffices (e.g. Bằng khen: 2 consecutive CSTĐCS, or 2 years HTXSNV with initiatives)."""
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        results = [one(c) for one in checks]
        if any(r[0] == Outcome.PASS for r in results):
            return Outcome.PASS, next(r[1] for r in results if r[0] == Outcome.PASS), {}, ()
        missing = tuple(dict.fromkeys(m for r in results for m in r[3]))
        outcome = Outcome.UNKNOWN if missing else Outcome.FAIL
        return outcome, " Or: ".join(r[1] for r in results), {}, missing
    return check


def all_of(*checks: Check) -> Check:
    def check(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
        results = [one(c) for one in checks]
        facts = {k: v for r in results for k, v in r[2].items()}
        missing = tuple(dict.fromkeys(m for r in results for m in r[3]))
        if any(r[0] == Outcome.FAIL for r in results):
            return Outcome.FAIL, " ".join(r[1] for r in results if r[0] == Outcome.FAIL), facts, ()
        if missing:
            return Outcome.UNKNOWN, " ".join(r[1] for r in results if r[0] == Outcome.UNKNOWN), facts, missing
        return Outcome.PASS, " ".join(r[1] for r in results), facts, ()
    return check
