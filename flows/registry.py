"""Which flow finishes which stage: the API and the reconciler both start stages through this table."""

from collections.abc import Awaitable, Callable
from typing import Any

from flows.council_review import review_in_council
from flows.decision_issue import issue_decision
from flows.forwarding import enter_central_decision, forward_upward
from flows.meeting_tally import tally_block_meeting
from flows.proposal_submission import submit_block_proposal
from flows.public_comment import publish_for_comment
from flows.revocation_issue import issue_revocation
from flows.screening import screen_proposal
from flows.standing_appraisal import appraise_in_standing_body
from models.domain.enums import StageKind

StageFlow = Callable[[int], Awaitable[list[dict[str, Any]]]]

# (flow, name of its only parameter, deployment name in prefect.yaml)
STAGE_FLOWS: dict[StageKind, tuple[Any, str]] = {
    StageKind.MEETING_TALLY: (tally_block_meeting, "meeting_id"),
    StageKind.PROPOSAL_SUBMISSION: (submit_block_proposal, "proposal_id"),
    StageKind.SCREENING: (screen_proposal, "proposal_id"),
    StageKind.COUNCIL_REVIEW: (review_in_council, "session_id"),
    StageKind.STANDING_APPRAISAL: (appraise_in_standing_body, "session_id"),
    StageKind.DECISION_ISSUE: (issue_decision, "decision_id"),
    StageKind.REVOCATION_ISSUE: (issue_revocation, "revocation_id"),
    StageKind.PUBLIC_COMMENT: (publish_for_comment, "window_id"),
    StageKind.FORWARDING: (forward_upward, "forwarding_id"),
    StageKind.CENTRAL_DECISION: (enter_central_decision, "forwarding_id"),
}

DEPLOYMENT = "default"  # every stage flow has one deployment of this name in prefect.yaml
