"""Tables and the pure domain. Importing this package registers every table on SQLModel.metadata."""

from models.accounts import ApiToken, Delegation, IdempotentResponse, RoleGrant, User
from models.catalogue import Award
from models.council import CouncilMember, CouncilSession, CouncilVote
from models.decision import Decision, DecisionItem, IssuedNumber, NumberCounter
from models.history import HistoryImport
from models.installation import Installation
from models.logins import LoginAttempt
from models.meeting import BallotTally, BlockMeeting, MeetingAttendance
from models.nomination import AwardRecord, FactsRevision, Nomination, Transition
from models.organisation import BlockMembership, EmulationBlock, Person, Unit
from models.proposal import Proposal, ProposalItem, ScreeningResult
from models.stage import Document, Stage

__all__ = [
    "ApiToken",
    "Award",
    "AwardRecord",
    "BallotTally",
    "BlockMeeting",
    "BlockMembership",
    "CouncilMember",
    "CouncilSession",
    "CouncilVote",
    "Decision",
    "DecisionItem",
    "Delegation",
    "Document",
    "EmulationBlock",
    "FactsRevision",
    "HistoryImport",
    "IdempotentResponse",
    "Installation",
    "IssuedNumber",
    "LoginAttempt",
    "MeetingAttendance",
    "Nomination",
    "NumberCounter",
    "Person",
    "Proposal",
    "ProposalItem",
    "RoleGrant",
    "ScreeningResult",
    "Stage",
    "Transition",
    "Unit",
    "User",
]
