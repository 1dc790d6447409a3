"""The closed vocabularies of the domain."""

from enum import StrEnum


class State(StrEnum):
    NOMINATED = "nominated"  # put forward at the block meeting
    ENDORSED = "endorsed"  # the block vote passed
    NOT_ENDORSED = "not_endorsed"
    SUBMITTED = "submitted"  # in the block head's proposal (Tờ trình) to the TĐKT office
    ELIGIBLE = "eligible"  # passed screening
    RETURNED = "returned"  # sent back for correction; may be resubmitted
    RECOMMENDED = "recommended"  # the council (or its standing body) recommends it
    # An award decided above the province: in the Chairman's Tờ trình to the Prime Minister, awaiting the answer.
    FORWARDED = "forwarded"
    NOT_RECOMMENDED = "not_recommended"
    AWARDED = "awarded"  # in a signed decision
    DECLINED = "declined"  # struck out of the decision by the signer
    WITHDRAWN = "withdrawn"
    ON_HOLD = "on_hold"  # discipline review, investigation or complaint


class RecipientKind(StrEnum):
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"
    HOUSEHOLD = "household"


class BlockRole(StrEnum):
    HEAD = "head"
    DEPUTY = "deputy"
    MEMBER = "member"


class VoteMethod(StrEnum):
    SECRET_BALLOT = "secret_ballot"
    SHOW_OF_HANDS = "show_of_hands"


class StageKind(StrEnum):
    """Each stage is recorded by the API and finished by exactly one flow."""

    MEETING_TALLY = "meeting_tally"
    PROPOSAL_SUBMISSION = "proposal_submission"
    SCREENING = "screening"
    COUNCIL_REVIEW = "council_review"
    STANDING_APPRAISAL = "standing_appraisal"  # the council's standing body appraises, without a vote
    DECISION_ISSUE = "decision_issue"
    # An award revoked (Law Điều 93): the nominations that relied on it are re-evaluated and flagged; the
    # province's own revoking decision is printed.
    REVOCATION_ISSUE = "revocation_issue"
    PUBLIC_COMMENT = "public_comment"  # a list published for public comment before the council's vote
    FORWARDING = "forwarding"  # the Chairman's Tờ trình sends awards decided above the province upward
    CENTRAL_DECISION = "central_decision"  # the central level's decision on them, recorded when it arrives


class StageStatus(StrEnum):
    RECORDED = "recorded"  # the person's input is stored; the automated part has not finished
    COMPLETED = "completed"
    # The flow cannot finish it as things stand (it breaks a constraint, or failed every attempt): the
    # reconciler leaves it alone and an administrator looks at last_error, puts it right, and retries it.
    FAILED = "failed"


class DecisionStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


class RevocationGround(StrEnum):
    """Why an award is revoked (Law 06/2022/QH15 Điều 93); the law's words for each are catalogue data."""

    FALSE_DECLARATION = "false_declaration"  # gian dối trong kê khai thành tích
    FORGED_DOSSIER = "forged_dossier"  # làm giả hồ sơ, giấy tờ
    UNLAWFUL_APPRAISAL = "unlawful_appraisal"  # xác nhận, thẩm định, xét duyệt, đề nghị trái pháp luật


class UnitKind(StrEnum):
    """What kind of collective body a unit is (its Vietnamese name is in models.domain.vietnamese)."""

    DEPARTMENT = "department"  # sở, ban, ngành
    ASSOCIATION = "association"  # hội, đoàn thể
    COMMUNE = "commune"  # xã, phường
    ENTERPRISE = "enterprise"
    CENTRAL_AGENCY = "central_agency"  # cơ quan Trung ương đóng trên địa bàn
    OTHER = "other"


class BlockKind(StrEnum):
    BLOCK = "block"  # khối thi đua: units of one sector
    CLUSTER = "cluster"  # cụm thi đua: units of one area


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class CouncilRole(StrEnum):
    """A seat's role on the Emulation-Commendation Council (its Vietnamese name is in models.domain.vietnamese)."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    STANDING_VICE_CHAIR = "standing_vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"


class CouncilBody(StrEnum):
    """Who appraises a session's nominations: the full council by vote, or its standing body (Thường trực Hội
    đồng), which reports straight to the Chairman. Which awards take which route is the catalogue's appraised_by."""

    COUNCIL = "council"
    STANDING_BODY = "standing_body"


class ChangeAction(StrEnum):
    """What a change to the registry did to an object (models.tables.registry.RegistryChange)."""

    CREATED = "created"
    UPDATED = "updated"
    ENDED = "ended"  # an active_until set, a term ended: the object stays, with its history
    DELETED = "deleted"  # only an object nothing points to (one entered by mistake)


class AwardKind(StrEnum):
    """What an award was given for (ND 152/2025 Điều 4 khoản 3: an đột xuất or thematic award is no basis for
    proposing a higher award; only regular awards count in a chain of titles). Its Vietnamese name is in
    models.domain.vietnamese."""

    REGULAR = "regular"  # khen thưởng thường xuyên: công trạng, thành tích của năm, of a period
    SUDDEN = "sudden"  # khen thưởng thành tích đột xuất
    THEMATIC = "thematic"  # khen thưởng thi đua theo chuyên đề
