"""The award catalogue, typed and pure: titles and forms, who decides, thresholds with the texts in force, quorum,
quotas, eligibility rules and their articles. `models.storage.catalogue_file` reads it from a province's file."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pydantic import Field, model_validator

from models.domain.catalogue_dated import (
    Dated,
    QuorumRules,
    RouteVersion,
    Share,
    ThresholdVersion,
    in_force,
    overlap,
)
from models.domain.catalogue_public_comment import PublicCommentEntry, rules_by_award
from models.domain.catalogue_revocation import RevocationRules
from models.domain.catalogue_rules import (
    FOR_EVERY_AWARD,
    CalendarEntry,
    DeadlineEntry,
    EmulationYearRules,
    Entry,
    ForwardingRules,
    QuotaEntry,
    RuleEntry,
    TieBreakEntry,
)
from models.domain.enums import CouncilBody, RecipientKind
from models.domain.prizes import Prize
from models.domain.public_comment import CommentRule
from models.domain.votes import Quorum, Threshold


@dataclass(frozen=True)
class ThresholdInForce:
    threshold: Threshold
    basis: str


class BaseSalary(Dated):
    """Mức lương cơ sở: prizes are coefficients of it, so a prize is worked out with the one in force that day."""

    amount: int = Field(gt=0)
    basis: str = Field(min_length=1)


class LegalBasis(Dated):
    """A text a document cites after "Căn cứ", while it is in force."""

    text: str = Field(min_length=1)
    # The law that empowers the Chairman (Law on Local Government) is cited by the Chairman's decision only.
    authority: bool = False


def _one_in_force(entries: list[BaseSalary], day: date) -> BaseSalary:
    found = [e for e in entries if e.in_force_on(day)]
    if len(found) != 1:
        raise ValueError(f"the catalogue has {len(found)} base salaries in force on {day.isoformat()}; one is needed")
    return found[0]


class Province(Entry):
    base_salary: list[BaseSalary] = Field(min_length=1)
    decision_issuer_code: str = Field(min_length=1)
    appraisal_issuer_code: str = Field(min_length=1)
    appraisal_issuer_name: str
    # The council's own papers (its minutes) are numbered in its own series (Decree 30/2020 Annex I, II.3.a).
    council_issuer_code: str = Field(default="HĐTĐKT", min_length=1)
    legal_bases: list[LegalBasis] = Field(min_length=1)
    # A block's pledge is numbered in its head agency's series under this type; Decree 30/2020 Annex III has no
    # abbreviation for a giao ước, so the province sets the one its blocks use.
    pledge_type_code: str = Field(default="GƯTĐ", min_length=1, max_length=10)

    def base_salary_on(self, day: date) -> BaseSalary:
        return _one_in_force(self.base_salary, day)

    def legal_bases_on(self, day: date, *, with_authority: bool) -> list[str]:
        """The texts in force on the day of the act, in the catalogue's order (law before decree)."""
        return [b.text for b in self.legal_bases if b.in_force_on(day) and (with_authority or not b.authority)]


class BlockVote(Entry):
    threshold_percent: Decimal = Field(ge=0, le=100)
    threshold_strictly_more: bool
    quorum_share: Share
    quorum_basis: str


class CouncilRules(QuorumRules):
    recusal_basis: str
    # ND 98/2023 Điều 30.7 counts over all members; a province whose rules deduct the recused says so here.
    recusal_reduces_total: bool = False
    # Whether an absent member's written opinion is counted as their vote, and the text that says so: the law leaves
    # it to each council's working rules (confidence M), so it is province data.
    written_opinions_count: bool = True
    written_opinions_basis: str = ""


@dataclass(frozen=True)
class RouteInForce:
    appraised_by: CouncilBody
    basis: str


class AwardEntry(Entry):
    name: str
    recipient_kind: RecipientKind
    decided_by: str
    # Who appraises it for the Chairman: the full council by vote, or the council's standing body, which reports
    # straight to the Chairman (Bắc Ninh QĐ 86/2025 Điều 5); each province writes its own, with the source.
    appraised_by: CouncilBody
    appraisal_basis: str = Field(min_length=1)
    threshold_percent: Decimal = Field(ge=0, le=100)
    threshold_strictly_more: bool = False
    prize_coefficient: Decimal = Field(ge=0)
    reason_phrase: str
    legal_basis: str
    prerequisites: list[str] = Field(default_factory=list)
    # Decided above the province (the Prime Minister): the council's recommendation goes into the Chairman's
    # Tờ trình upward ([forwarding]), never into the Chairman's own decision.
    decided_above_province: bool = False
    in_force: list[ThresholdVersion] = Field(default_factory=list)
    # The route by the province's regulation in force on the session's day; appraised_by when none is.
    routes: list[RouteVersion] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_version_a_day(self) -> "AwardEntry":
        for name, versions in (("in_force", self.in_force), ("routes", self.routes)):
            if (problem := overlap(versions)) is not None:
                raise ValueError(f"{name}: {problem}")
        return self

    def route_on(self, day: date) -> RouteInForce:
        version = in_force(self.routes, day)
        if version is None:
            return RouteInForce(self.appraised_by, self.appraisal_basis)
        return RouteInForce(version.appraised_by, version.basis)


class StandingBodyRules(QuorumRules):
    """The council's standing body (Thường trực Hội đồng): its quorum, the name its papers give it, and the series its
    own minutes are numbered in; each province writes its own, with the source."""

    name: str = Field(min_length=1)
    minutes_issuer_code: str = Field(min_length=1, max_length=20)
    minutes_basis: str = Field(min_length=1)


class Catalogue(Entry):
    province: Province
    block_vote: BlockVote
    council: CouncilRules
    # The council's standing body (Thường trực Hội đồng): how many of its standing members must attend.
    standing_body: StandingBodyRules
    emulation_year: EmulationYearRules
    calendar: CalendarEntry = CalendarEntry()
    deadlines: list[DeadlineEntry] = Field(default_factory=list)
    awards: dict[str, AwardEntry]
    quotas: dict[str, QuotaEntry] = Field(default_factory=dict)
    # ND 152/2025 Điều 4 khoản 6: how equals competing for a quota's places are chosen (none: the people choose).
    tie_break: TieBreakEntry | None = None
    # ND 152/2025 Điều 60 khoản 3: the lists published for public comment before the council votes.
    public_comment: list[PublicCommentEntry] = Field(default_factory=list)
    forwarding: ForwardingRules | None = None  # needed once an award is decided above the province
    rules: dict[str, RuleEntry] = Field(description="The source of each eligibility rule, and its figures")
    # Law Điều 93; a catalogue without it revokes nothing (each attempt is refused, naming the missing section).
    revocation: RevocationRules | None = None

    @model_validator(mode="after")
    def _names_resolve(self) -> "Catalogue":
        for rule in FOR_EVERY_AWARD:
            if rule not in self.rules:
                raise ValueError(f"rules: {rule!r}, applied to every award, needs its source")
        for code, award in self.awards.items():
            for rule in award.prerequisites:
                if rule not in self.rules:
                    raise ValueError(f"awards.{code}.prerequisites: rule {rule!r} has no article in [rules]")
        if self.forwarding is None and any(a.decided_above_province for a in self.awards.values()):
            raise ValueError("forwarding: an award is decided above the province, so say where its Tờ trình goes")
        for section, rules in (("council", self.council), ("standing_body", self.standing_body)):
            if (problem := overlap(rules.in_force)) is not None:
                raise ValueError(f"{section}.in_force: {problem}")
        for code in self.quotas:
            if code not in self.awards:
                raise ValueError(f"quotas.{code}: there is no award {code!r} in [awards]")
        self.public_comment_rules()
        return self

    def public_comment_rules(self) -> dict[str, CommentRule]:
        """Award code → how long its list is published for comment before the vote, for the awards that need it."""
        return rules_by_award(self.public_comment, {code: a.decided_by for code, a in self.awards.items()})

    def threshold_in_force(self, code: str, on: date) -> ThresholdInForce:
        """The council threshold of an award on a given day: a dated version if one is in force (Decree 98/2023
        gave way to Decree 152/2025 on 01/07/2025), else the award's own figures."""
        entry = self.awards[code]
        if (version := in_force(entry.in_force, on)) is not None:
            return ThresholdInForce(Threshold(version.threshold_percent, version.threshold_strictly_more),
                                    version.basis)
        return ThresholdInForce(Threshold(entry.threshold_percent, entry.threshold_strictly_more), entry.legal_basis)

    def award_rules(self, code: str) -> dict[str, RuleEntry]:
        """The eligibility rules of an award, in the catalogue's order, each with its source."""
        return {rule: self.rules[rule] for rule in self.awards[code].prerequisites}

    def principles(self) -> dict[str, RuleEntry]:
        """The rules applied to every award (Law Điều 5; ND 152/2025 Điều 4), each with its source."""
        return {rule: self.rules[rule] for rule in FOR_EVERY_AWARD}

    def prize_on(self, code: str, day: date) -> Prize:
        """The prize of an award signed on `day` (ValueError when no base salary is in force that day)."""
        salary = self.province.base_salary_on(day)
        return Prize(self.awards[code].prize_coefficient, salary.amount, salary.basis)

    def block_quorum(self) -> Quorum:
        return Quorum(self.block_vote.quorum_share, self.block_vote.quorum_basis)

    def council_quorum(self, on: date) -> Quorum:
        """The full council's quorum on the day it meets."""
        return self.council.quorum_on(on)

    def standing_quorum(self, on: date) -> Quorum:
        """The standing body's quorum on the day it meets."""
        return self.standing_body.quorum_on(on)

    def block_vote_threshold(self) -> Threshold:
        """The share of all member units a candidate needs at the block meeting (province-configurable)."""
        return Threshold(self.block_vote.threshold_percent, self.block_vote.threshold_strictly_more)
