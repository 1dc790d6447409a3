"""The Vietnamese words the desk, the refusals and the documents use for the engine's states, roles and actions.

One table per concept, so a state is called the same thing on every screen and in every message.
"""

from collections.abc import Iterable

from models.domain.eligibility import Outcome
from models.domain.enums import (
    AwardKind,
    BlockKind,
    BlockRole,
    CouncilBody,
    CouncilRole,
    DecisionStatus,
    Gender,
    RecipientKind,
    StageKind,
    StageStatus,
    State,
    UnitKind,
    VoteMethod,
)
from models.domain.permissions import Action, Role

STATE_VI: dict[State, str] = {
    State.NOMINATED: "Đã đề cử",
    State.ENDORSED: "Khối đã bình xét, suy tôn",
    State.NOT_ENDORSED: "Khối không suy tôn",
    State.SUBMITTED: "Đã trình Ban Thi đua - Khen thưởng",
    State.ELIGIBLE: "Hồ sơ đủ điều kiện",
    State.RETURNED: "Trả lại hồ sơ để bổ sung",
    State.RECOMMENDED: "Hội đồng đề nghị khen thưởng",
    State.NOT_RECOMMENDED: "Hội đồng không đề nghị",
    State.AWARDED: "Đã được khen thưởng",
    State.DECLINED: "Không được khen thưởng",
    State.WITHDRAWN: "Đã rút hồ sơ",
    State.ON_HOLD: "Tạm dừng xét",
}

ROLE_VI: dict[Role, str] = {
    Role.ADMINISTRATOR: "Quản trị hệ thống",
    Role.BLOCK_HEAD: "Trưởng Khối thi đua",
    Role.COUNCIL_SECRETARY: "Thư ký Hội đồng Thi đua - Khen thưởng",
    Role.CHAIRMAN_OFFICE: "Văn phòng Chủ tịch UBND tỉnh",
    Role.AUDITOR: "Kiểm tra, giám sát",
}

ACTION_VI: dict[Action, str] = {
    Action.OPEN_MEETING: "mở hội nghị tổng kết Khối",
    Action.RECORD_BALLOTS: "ghi kết quả bỏ phiếu",
    Action.SUBMIT_PROPOSAL: "gửi Tờ trình đề nghị",
    Action.SCREEN: "thẩm định hồ sơ",
    Action.HOLD_COUNCIL_SESSION: "mở phiên họp Hội đồng",
    Action.RECORD_COUNCIL_VOTES: "ghi kết quả biểu quyết của Hội đồng",
    Action.PREPARE_DECISION: "soạn dự thảo Quyết định",
    Action.SIGN_DECISION: "ký Quyết định",
    Action.MOVE_BY_HAND: "chuyển trạng thái hồ sơ",
    Action.READ_BLOCK: "xem hồ sơ của Khối",
    Action.READ_PROVINCE: "xem hồ sơ toàn tỉnh",
    Action.MANAGE_ACCOUNTS: "quản lý tài khoản",
    Action.EXPORT_AUDIT: "xuất nhật ký",
    Action.MANAGE_DOCUMENTS: "đính chính, hủy số văn bản",
    Action.IMPORT_HISTORY: "nhập lịch sử khen thưởng",
    Action.RETRY_STAGE: "chạy lại bước xử lý",
    Action.IMPORT_ORGANISATION: "nhập danh sách đơn vị, cá nhân, khối thi đua",
    Action.MANAGE_COUNCIL: "quản lý danh sách thành viên Hội đồng",
}

STAGE_VI: dict[StageKind, str] = {
    StageKind.MEETING_TALLY: "Kiểm phiếu hội nghị Khối",
    StageKind.PROPOSAL_SUBMISSION: "Gửi Tờ trình của Khối",
    StageKind.SCREENING: "Thẩm định hồ sơ",
    StageKind.COUNCIL_REVIEW: "Hội đồng xét, biểu quyết",
    StageKind.STANDING_APPRAISAL: "Thường trực Hội đồng xét, thẩm định",
    StageKind.DECISION_ISSUE: "Ban hành Quyết định",
}

STAGE_STATUS_VI: dict[StageStatus, str] = {
    StageStatus.RECORDED: "Đang xử lý",
    StageStatus.COMPLETED: "Đã xong",
    StageStatus.FAILED: "Lỗi, cần quản trị xem lại",
}

RECIPIENT_VI: dict[RecipientKind, str] = {
    RecipientKind.COLLECTIVE: "Tập thể",
    RecipientKind.INDIVIDUAL: "Cá nhân",
    RecipientKind.HOUSEHOLD: "Hộ gia đình",
}

VOTE_METHOD_VI: dict[VoteMethod, str] = {
    VoteMethod.SECRET_BALLOT: "Bỏ phiếu kín",
    VoteMethod.SHOW_OF_HANDS: "Biểu quyết giơ tay",
}

DECISION_STATUS_VI: dict[DecisionStatus, str] = {
    DecisionStatus.DRAFT: "Dự thảo",
    DecisionStatus.SIGNED: "Đã ký",
}

OUTCOME_VI: dict[Outcome, str] = {
    Outcome.PASS: "Đạt",
    Outcome.FAIL: "Không đạt",
    Outcome.UNKNOWN: "Chưa đủ dữ kiện để xét",
}

# What a refusal calls a missing row ("Không tìm thấy … có mã số 7"), by table class name. Tables not listed here
# are called "bản ghi" (record); tests/test_vietnamese_wording.py checks every table is listed.
OBJECT_VI: dict[str, str] = {
    "Installation": "cấu hình hệ thống",
    "User": "người dùng",
    "RoleGrant": "quyền được giao",
    "Delegation": "ủy quyền",
    "ApiToken": "mã truy cập API",
    "IdempotentResponse": "phản hồi đã lưu",
    "Award": "hình thức khen thưởng",
    "HistoryImport": "lần nhập lịch sử khen thưởng",
    "Decision": "Quyết định",
    "DecisionItem": "mục trong Quyết định",
    "NumberCounter": "sổ đăng ký số văn bản",
    "IssuedNumber": "số văn bản đã cấp",
    "BlockMeeting": "hội nghị Khối",
    "MeetingAttendance": "danh sách dự họp",
    "BallotTally": "kết quả kiểm phiếu",
    "LoginAttempt": "lượt đăng nhập",
    "Nomination": "hồ sơ đề nghị",
    "Transition": "bước chuyển trạng thái",
    "AwardRecord": "bản ghi khen thưởng",
    "FactsRevision": "lần cập nhật thông tin hồ sơ",
    "CouncilSession": "phiên họp Hội đồng",
    "CouncilMember": "thành viên Hội đồng",
    "CouncilSeat": "thành viên trong danh sách Hội đồng",
    "CouncilVote": "kết quả biểu quyết của Hội đồng",
    "StandingResult": "kết quả thẩm định của Thường trực Hội đồng",
    "Proposal": "Tờ trình",
    "ProposalItem": "mục trong Tờ trình",
    "ScreeningResult": "kết quả thẩm định",
    "Unit": "đơn vị",
    "Person": "cá nhân",
    "EmulationBlock": "Khối thi đua",
    "BlockMembership": "thành viên Khối",
    "Stage": "bước xử lý",
    "Document": "văn bản",
    "OrganisationImport": "lần nhập danh sách tổ chức",
}


def object_vi(class_name: str) -> str:
    return OBJECT_VI.get(class_name, "bản ghi")


def states_vi(states: Iterable[State]) -> str:
    """States as a refusal lists them: «Đã đề cử» hoặc «Khối đã bình xét, suy tôn»."""
    return " hoặc ".join(sorted(f"«{STATE_VI[s]}»" for s in states))


UNIT_KIND_VI: dict[UnitKind, str] = {
    UnitKind.DEPARTMENT: "Sở, ban, ngành",
    UnitKind.ASSOCIATION: "Hội, đoàn thể",
    UnitKind.COMMUNE: "Xã, phường",
    UnitKind.ENTERPRISE: "Doanh nghiệp",
    UnitKind.CENTRAL_AGENCY: "Cơ quan Trung ương",
    UnitKind.OTHER: "Khác",
}

BLOCK_KIND_VI: dict[BlockKind, str] = {
    BlockKind.BLOCK: "Khối",
    BlockKind.CLUSTER: "Cụm",
}

# What an award was given for, as the history file and the dossier write it.
AWARD_KIND_VI: dict[AwardKind, str] = {
    AwardKind.REGULAR: "Thường xuyên",
    AwardKind.SUDDEN: "Đột xuất",
    AwardKind.THEMATIC: "Chuyên đề",
}

GENDER_VI: dict[Gender, str] = {
    Gender.MALE: "Nam",
    Gender.FEMALE: "Nữ",
}

# As the workbook's "Thành viên khối" sheet writes a unit's role in its block for the year.
BLOCK_ROLE_VI: dict[BlockRole, str] = {
    BlockRole.HEAD: "Trưởng khối",
    BlockRole.DEPUTY: "Phó khối",
    BlockRole.MEMBER: "Thành viên",
}

# As the workbook's "Hội đồng" sheet and the roster write a seat's role on the council.
COUNCIL_ROLE_VI: dict[CouncilRole, str] = {
    CouncilRole.CHAIR: "Chủ tịch Hội đồng",
    CouncilRole.VICE_CHAIR: "Phó Chủ tịch Hội đồng",
    CouncilRole.STANDING_VICE_CHAIR: "Phó Chủ tịch thường trực",
    CouncilRole.SECRETARY: "Thư ký Hội đồng",
    CouncilRole.MEMBER: "Ủy viên",
}

# Who appraised: the full council (by vote) or its standing body, as documents and screens name them.
COUNCIL_BODY_VI: dict[CouncilBody, str] = {
    CouncilBody.COUNCIL: "Hội đồng Thi đua - Khen thưởng tỉnh",
    CouncilBody.STANDING_BODY: "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh",
}
