"""Every table, registered on SQLModel.metadata when this package is imported."""

from models.tables.accounts import ApiToken, Delegation, IdempotentResponse, RoleGrant, User
from models.tables.award import Award
from models.tables.council import CouncilMember, CouncilSession, CouncilVote, StandingResult
from models.tables.council_roster import CouncilSeat
from models.tables.decision import Decision, DecisionItem, IssuedNumber, NumberCounter
from models.tables.desk_sessions import DeskSignIn
from models.tables.forwarding import CentralDecision, CentralDecisionItem, Forwarding, ForwardingItem
from models.tables.history import HistoryImport
from models.tables.installation import Installation
from models.tables.logins import LoginAttempt
from models.tables.meeting import BallotTally, BlockMeeting, MeetingAttendance
from models.tables.movement import BlockPledge, Movement, MovementBlock, Registration
from models.tables.movement_scoring import (
    BlockScoring,
    CriteriaSet,
    ScoreAdjustment,
    ScoreEntry,
    ScoringReopening,
)
from models.tables.nomination import AwardRecord, FactsRevision, Nomination, Transition
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit
from models.tables.organisation_import import OrganisationImport
from models.tables.paper import IssuedPaper, SigningPackage
from models.tables.proposal import Proposal, ProposalItem, ScreeningResult
from models.tables.public_comment import CommentWindow, CommentWindowItem, PublicComment
from models.tables.registry import Household, RegistryChange
from models.tables.revocation import Revocation, RevocationFlag
from models.tables.stage import Document, Stage

__all__ = [
    "ApiToken",
    "Award",
    "AwardRecord",
    "BallotTally",
    "BlockMeeting",
    "BlockMembership",
    "BlockPledge",
    "BlockScoring",
    "CentralDecision",
    "CentralDecisionItem",
    "CommentWindow",
    "CommentWindowItem",
    "CouncilMember",
    "CouncilSeat",
    "CouncilSession",
    "CouncilVote",
    "CriteriaSet",
    "Decision",
    "DecisionItem",
    "Delegation",
    "DeskSignIn",
    "Document",
    "EmulationBlock",
    "FactsRevision",
    "Forwarding",
    "ForwardingItem",
    "HistoryImport",
    "Household",
    "IdempotentResponse",
    "Installation",
    "IssuedNumber",
    "IssuedPaper",
    "LoginAttempt",
    "MeetingAttendance",
    "Movement",
    "MovementBlock",
    "Nomination",
    "NumberCounter",
    "OrganisationImport",
    "Person",
    "Proposal",
    "ProposalItem",
    "PublicComment",
    "Registration",
    "RegistryChange",
    "Revocation",
    "RevocationFlag",
    "RoleGrant",
    "ScoreAdjustment",
    "ScoreEntry",
    "ScoringReopening",
    "ScreeningResult",
    "SigningPackage",
    "Stage",
    "StandingResult",
    "Transition",
    "Unit",
    "User",
]
