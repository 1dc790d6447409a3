"""Who may do what, pure: roles per action in one table, and a check that says why a request is refused."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from models.domain.verdict import Verdict


class Role(StrEnum):
    ADMINISTRATOR = "administrator"  # accounts, catalogue, monitoring
    BLOCK_HEAD = "block_head"  # of one block for one emulation year
    COUNCIL_SECRETARY = "council_secretary"  # screens, records council votes, prepares decisions
    CHAIRMAN_OFFICE = "chairman_office"  # signs decisions
    AUDITOR = "auditor"  # reads everything, changes nothing
    MEMBER_UNIT = "member_unit"  # one member unit of one block for one year: its own registration and self-scores


class Action(StrEnum):
    OPEN_MEETING = "open_meeting"
    RECORD_BALLOTS = "record_ballots"
    SUBMIT_PROPOSAL = "submit_proposal"
    SCREEN = "screen"
    HOLD_COUNCIL_SESSION = "hold_council_session"
    RECORD_COUNCIL_VOTES = "record_council_votes"
    PREPARE_DECISION = "prepare_decision"
    SIGN_DECISION = "sign_decision"
    PREPARE_FORWARDING = "prepare_forwarding"  # the Chairman's Tờ trình to the Prime Minister, as a draft
    SIGN_FORWARDING = "sign_forwarding"  # signing and sending it
    RECORD_CENTRAL_DECISION = "record_central_decision"  # the central decision, when it arrives
    MOVE_BY_HAND = "move_by_hand"
    READ_BLOCK = "read_block"  # a block's meetings, proposals, nominations and their documents
    READ_PROVINCE = "read_province"  # council sessions, decisions, stages, every block
    MANAGE_ACCOUNTS = "manage_accounts"
    EXPORT_AUDIT = "export_audit"
    MANAGE_DOCUMENTS = "manage_documents"  # corrections of issued documents, voiding numbers
    IMPORT_HISTORY = "import_history"  # past years' award decisions, from a CSV file
    RETRY_STAGE = "retry_stage"  # run a failed stage's flow again
    IMPORT_ORGANISATION = "import_organisation"  # units, people, blocks and memberships, from a workbook
    MANAGE_COUNCIL = "manage_council"  # the council's standing roster: seats added, terms ended
    MANAGE_REGISTRY = "manage_registry"  # units, people, households, blocks and memberships, one by one
    MANAGE_CRITERIA = "manage_criteria"  # criteria sets: the province's, or a block's own
    LAUNCH_MOVEMENT = "launch_movement"  # emulation movements: launching document, period, blocks taking part
    RECORD_PLEDGES = "record_pledges"  # a block's members' registrations and its signed pledge
    SCORE_BLOCK = "score_block"  # a block's scoring: self-scores, the head's adjustments, closing the ranking
    SUBMIT_SELF_SCORES = "submit_self_scores"  # a member unit's own self-scores with their evidence
    REGISTER_TARGETS = "register_targets"  # a member unit's own registration (đăng ký thi đua) with its targets
    READ_SCORING = "read_scoring"  # a block's scoring table, rounds, movements and registrations
    REOPEN_SCORING = "reopen_scoring"  # a closed round opened again, with a reason


_PROVINCE_READERS = frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY, Role.CHAIRMAN_OFFICE, Role.AUDITOR})

ALLOWED: dict[Action, frozenset[Role]] = {
    Action.OPEN_MEETING: frozenset({Role.BLOCK_HEAD}),
    Action.RECORD_BALLOTS: frozenset({Role.BLOCK_HEAD}),
    Action.SUBMIT_PROPOSAL: frozenset({Role.BLOCK_HEAD}),
    Action.SCREEN: frozenset({Role.COUNCIL_SECRETARY}),
    Action.HOLD_COUNCIL_SESSION: frozenset({Role.COUNCIL_SECRETARY}),
    Action.RECORD_COUNCIL_VOTES: frozenset({Role.COUNCIL_SECRETARY}),
    Action.PREPARE_DECISION: frozenset({Role.COUNCIL_SECRETARY}),
    Action.SIGN_DECISION: frozenset({Role.CHAIRMAN_OFFICE}),
    Action.PREPARE_FORWARDING: frozenset({Role.COUNCIL_SECRETARY}),
    Action.SIGN_FORWARDING: frozenset({Role.CHAIRMAN_OFFICE}),
    Action.RECORD_CENTRAL_DECISION: frozenset({Role.COUNCIL_SECRETARY}),
    Action.MOVE_BY_HAND: frozenset({Role.COUNCIL_SECRETARY}),
    Action.READ_BLOCK: _PROVINCE_READERS | {Role.BLOCK_HEAD},
    Action.READ_PROVINCE: _PROVINCE_READERS,
    Action.MANAGE_ACCOUNTS: frozenset({Role.ADMINISTRATOR}),
    Action.EXPORT_AUDIT: frozenset({Role.ADMINISTRATOR, Role.AUDITOR}),
    Action.MANAGE_DOCUMENTS: frozenset({Role.COUNCIL_SECRETARY}),
    Action.IMPORT_HISTORY: frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY}),
    Action.RETRY_STAGE: frozenset({Role.ADMINISTRATOR}),
    Action.IMPORT_ORGANISATION: frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY}),
    Action.MANAGE_COUNCIL: frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY}),
    Action.MANAGE_REGISTRY: frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY}),
    Action.MANAGE_CRITERIA: frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY, Role.BLOCK_HEAD}),
    Action.LAUNCH_MOVEMENT: frozenset({Role.ADMINISTRATOR, Role.COUNCIL_SECRETARY}),
    Action.RECORD_PLEDGES: frozenset({Role.BLOCK_HEAD}),
    Action.SCORE_BLOCK: frozenset({Role.BLOCK_HEAD}),
    # The head may still type a member's sheet for a unit that has no account of its own.
    Action.SUBMIT_SELF_SCORES: frozenset({Role.BLOCK_HEAD, Role.MEMBER_UNIT}),
    Action.REGISTER_TARGETS: frozenset({Role.BLOCK_HEAD, Role.MEMBER_UNIT}),
    Action.READ_SCORING: _PROVINCE_READERS | {Role.BLOCK_HEAD, Role.MEMBER_UNIT},
    Action.REOPEN_SCORING: frozenset({Role.BLOCK_HEAD, Role.COUNCIL_SECRETARY}),
}

# A block head's grant names one block and one emulation year; these actions are limited to it.
BLOCK_SCOPED = frozenset({Role.BLOCK_HEAD, Role.MEMBER_UNIT})
# A member unit's grant also names its unit: what it does for a unit, it does for that one alone.
UNIT_SCOPED = frozenset({Role.MEMBER_UNIT})


@dataclass(frozen=True)
class Grant:
    role: Role
    block_id: int | None = None
    year: int | None = None
    unit_id: int | None = None

    def covers(self, block_id: int | None, year: int | None, unit_id: int | None = None) -> bool:
        if self.role not in BLOCK_SCOPED:
            return True
        if self.role in UNIT_SCOPED and unit_id is not None and unit_id != self.unit_id:
            return False
        return block_id is not None and self.block_id == block_id and (year is None or self.year == year)


def may(grants: Iterable[Grant], action: Action, block_id: int | None = None, year: int | None = None,
        unit_id: int | None = None) -> Verdict:
    """Whether someone holding these grants may take the action on this block and year (and, for an action on
    one unit's papers, `unit_id`), and why not."""
    roles = ALLOWED[action]
    holding = [g for g in grants if g.role in roles]
    # Imported here: the Vietnamese names are keyed by Role and Action, so that module imports this one.
    from models.domain.vietnamese import ACTION_VI, ROLE_VI

    if not holding:
        names = ", ".join(sorted(r.value for r in roles))
        quoted = sorted(f"«{ROLE_VI[r]}»" for r in roles)
        names_vi = " hoặc ".join(filter(None, (", ".join(quoted[:-1]), quoted[-1])))
        return Verdict(False, "auth.role", f"This needs the role {names}.",
                       reason_vi=f"Chỉ tài khoản có vai trò {names_vi} mới được {ACTION_VI[action]}.")
    if any(g.covers(block_id, year, unit_id) for g in holding):
        return Verdict(True, "auth.granted", f"Granted to {holding[0].role.value}.",
                       reason_vi=f"Được phép với vai trò «{ROLE_VI[holding[0].role]}».")
    return Verdict(False, "auth.scope", "This belongs to a block or year your role does not cover.",
                   reason_vi=f"Vai trò «{ROLE_VI[holding[0].role]}» của tài khoản không được {ACTION_VI[action]} "
                             "đối với Khối thi đua hoặc năm ngoài phạm vi phụ trách.")
