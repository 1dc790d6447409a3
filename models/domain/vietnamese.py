"""The Vietnamese words the desk, the refusals and the documents use for the engine's states, roles and actions.

One table per concept, so a state is called the same thing on every screen and in every message.
"""

from models.domain.eligibility import Outcome
from models.domain.enums import DecisionStatus, RecipientKind, StageKind, StageStatus, State, VoteMethod
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
}

STAGE_VI: dict[StageKind, str] = {
    StageKind.MEETING_TALLY: "Kiểm phiếu hội nghị Khối",
    StageKind.PROPOSAL_SUBMISSION: "Gửi Tờ trình của Khối",
    StageKind.SCREENING: "Thẩm định hồ sơ",
    StageKind.COUNCIL_REVIEW: "Hội đồng xét, biểu quyết",
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
