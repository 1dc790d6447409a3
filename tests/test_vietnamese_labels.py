"""Every state, role, action and stage has its Vietnamese name, so no screen shows a bare English code."""

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import pytest

from models.domain import vietnamese
from models.domain.eligibility import Outcome
from models.domain.enums import (
    BlockKind,
    BlockRole,
    CouncilBody,
    CouncilRole,
    DecisionStatus,
    RecipientKind,
    RevocationGround,
    StageKind,
    StageStatus,
    State,
    UnitKind,
    VoteMethod,
)
from models.domain.movements import MovementKind, ScoringRound, ScoringStatus
from models.domain.permissions import Action, Role

TABLES: list[tuple[type[StrEnum], Mapping[Any, str]]] = [
    (State, vietnamese.STATE_VI), (Role, vietnamese.ROLE_VI), (Action, vietnamese.ACTION_VI),
    (StageKind, vietnamese.STAGE_VI), (StageStatus, vietnamese.STAGE_STATUS_VI),
    (RecipientKind, vietnamese.RECIPIENT_VI), (VoteMethod, vietnamese.VOTE_METHOD_VI),
    (DecisionStatus, vietnamese.DECISION_STATUS_VI), (UnitKind, vietnamese.UNIT_KIND_VI),
    (BlockKind, vietnamese.BLOCK_KIND_VI), (BlockRole, vietnamese.BLOCK_ROLE_VI),
    (Outcome, vietnamese.OUTCOME_VI), (RevocationGround, vietnamese.REVOCATION_GROUND_VI),
    (CouncilRole, vietnamese.COUNCIL_ROLE_VI), (CouncilBody, vietnamese.COUNCIL_BODY_VI),
    (CouncilRole, vietnamese.COUNCIL_ROLE_VI),
    (MovementKind, vietnamese.MOVEMENT_KIND_VI), (ScoringRound, vietnamese.SCORING_ROUND_VI),
    (ScoringStatus, vietnamese.SCORING_STATUS_VI),
    # Gender's "Nam" is plain ASCII, so GENDER_VI is not listed here
]


@pytest.mark.parametrize(("enum", "table"), TABLES, ids=[enum.__name__ for enum, _ in TABLES])
def test_every_member_has_a_distinct_vietnamese_name(enum: type[StrEnum], table: Mapping[Any, str]) -> None:
    assert set(table) == set(enum)
    assert len(set(table.values())) == len(table), "two members would read the same on screen"
    assert all(name.strip() and not name.isascii() for name in table.values())


def test_every_eligibility_rule_and_dossier_fact_has_its_vietnamese_name() -> None:
    """The desk shows a rule's result and a missing fact by these names; a new rule or fact must bring its own."""
    from typing import get_args

    from models.domain.catalogue_rules import ONE_AWARD
    from models.domain.eligibility_rules import RULES
    from models.domain.facts import DossierFacts, Rating

    assert set(vietnamese.RULE_VI) == {*RULES, ONE_AWARD}
    assert set(vietnamese.FACT_VI) == set(DossierFacts.model_fields)
    assert set(vietnamese.RATING_VI) == set(get_args(Rating))
