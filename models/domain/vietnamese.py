"""The Vietnamese words the desk, the refusals and the documents use for the engine's states, roles and actions.

One table per concept, so a state is called the same thing on every screen and in every message.
"""

from collections.abc import Iterable

from models.domain.eligibility import Outcome
from models.domain.enums import (
    AwardKind,
    BlockKind,
    BlockRole,
    ChangeAction,
    CouncilBody,
    CouncilRole,
    DecisionStatus,
    Gender,
    RecipientKind,
    RevocationGround,
    StageKind,
    StageStatus,
    State,
    UnitKind,
    VoteMethod,
)
from models.domain.facts import DossierFacts, Rating
from models.domain.movements import MovementKind, ScoringRound, ScoringStatus
from models.domain.permissions import Action, Role
from models.domain.public_comment import CommentStatus, WindowPhase

STATE_VI: dict[State, str] = {
    State.NOMINATED: "Đã đề cử",
    State.ENDORSED: "Khối đã bình xét, suy tôn",
    State.NOT_ENDORSED: "Khối không suy tôn",
    State.SUBMITTED: "Đã trình Ban Thi đua - Khen thưởng",
    State.ELIGIBLE: "Hồ sơ đủ điều kiện",
    State.RETURNED: "Trả lại hồ sơ để bổ sung",
    State.RECOMMENDED: "Hội đồng đề nghị khen thưởng",
    State.NOT_RECOMMENDED: "Hội đồng không đề nghị",
    State.FORWARDED: "Đã trình Thủ tướng Chính phủ",
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
    Role.MEMBER_UNIT: "Đơn vị thành viên Khối thi đua",
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
    Action.PREPARE_FORWARDING: "soạn Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng",
    Action.SIGN_FORWARDING: "ký, gửi Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng",
    Action.RECORD_CENTRAL_DECISION: "ghi nhận Quyết định khen thưởng của Trung ương",
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
    Action.MANAGE_REGISTRY: "quản lý danh sách đơn vị, cá nhân, hộ gia đình và Khối thi đua",
    Action.MANAGE_CRITERIA: "ban hành bảng tiêu chí chấm điểm thi đua",
    Action.LAUNCH_MOVEMENT: "phát động phong trào thi đua",
    Action.RECORD_PLEDGES: "ghi đăng ký thi đua và giao ước thi đua của Khối",
    Action.SCORE_BLOCK: "chấm điểm, tổng hợp và xếp hạng thi đua của Khối",
    Action.SUBMIT_SELF_SCORES: "gửi bảng tự chấm điểm của đơn vị",
    Action.REGISTER_TARGETS: "đăng ký thi đua của đơn vị",
    Action.READ_SCORING: "xem bảng tổng hợp điểm của Khối",
    Action.REOPEN_SCORING: "mở lại đợt chấm điểm đã chốt",
}

STAGE_VI: dict[StageKind, str] = {
    StageKind.MEETING_TALLY: "Kiểm phiếu hội nghị Khối",
    StageKind.PROPOSAL_SUBMISSION: "Gửi Tờ trình của Khối",
    StageKind.SCREENING: "Thẩm định hồ sơ",
    StageKind.COUNCIL_REVIEW: "Hội đồng xét, biểu quyết",
    StageKind.STANDING_APPRAISAL: "Thường trực Hội đồng xét, thẩm định",
    StageKind.DECISION_ISSUE: "Ban hành Quyết định",
    StageKind.REVOCATION_ISSUE: "Hủy bỏ khen thưởng, rà soát hồ sơ liên quan",
    StageKind.PUBLIC_COMMENT: "Công khai danh sách lấy ý kiến nhân dân",
    StageKind.FORWARDING: "Trình Thủ tướng Chính phủ",
    StageKind.CENTRAL_DECISION: "Ghi nhận Quyết định của Trung ương",
}

STAGE_STATUS_VI: dict[StageStatus, str] = {
    StageStatus.RECORDED: "Đang xử lý",
    StageStatus.COMPLETED: "Đã xong",
    StageStatus.FAILED: "Lỗi, cần quản trị xem lại",
}

# Why an award is revoked, as the desk lists the choices and the revoking decision prints them (Law Điều 93).
REVOCATION_GROUND_VI: dict[RevocationGround, str] = {
    RevocationGround.FALSE_DECLARATION: "gian dối trong việc kê khai thành tích để được khen thưởng",
    RevocationGround.FORGED_DOSSIER: "làm giả hồ sơ, giấy tờ để được khen thưởng",
    RevocationGround.UNLAWFUL_APPRAISAL: "việc xác nhận, thẩm định, xét duyệt, đề nghị khen thưởng trái pháp luật",
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
    "DeskSignIn": "phiên đăng nhập bàn làm việc",
    "IdempotentResponse": "phản hồi đã lưu",
    "Award": "hình thức khen thưởng",
    "HistoryImport": "lần nhập lịch sử khen thưởng",
    "Decision": "Quyết định",
    "Revocation": "Quyết định hủy bỏ khen thưởng",
    "RevocationFlag": "cảnh báo do hủy bỏ khen thưởng",
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
    "IssuedPaper": "thông báo đã cấp số",
    "SigningPackage": "gói trình ký",
    "OrganisationImport": "lần nhập danh sách tổ chức",
    "RegistryChange": "lần thay đổi danh sách tổ chức",
    "Household": "hộ gia đình",
    "Movement": "phong trào thi đua",
    "MovementBlock": "Khối tham gia phong trào",
    "Registration": "bản đăng ký thi đua",
    "BlockPledge": "bản giao ước thi đua",
    "CriteriaSet": "bảng tiêu chí chấm điểm",
    "BlockScoring": "đợt chấm điểm thi đua của Khối",
    "ScoreEntry": "điểm tự chấm",
    "ScoreAdjustment": "điểm thẩm định của Trưởng Khối",
    "CommentWindow": "danh sách lấy ý kiến nhân dân",
    "CommentWindowItem": "hồ sơ trong danh sách lấy ý kiến nhân dân",
    "PublicComment": "ý kiến nhân dân",
    "Forwarding": "Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng",
    "ForwardingItem": "mục trong Tờ trình đề nghị Thủ tướng Chính phủ khen thưởng",
    "CentralDecision": "Quyết định khen thưởng của Trung ương",
    "CentralDecisionItem": "mục trong Quyết định khen thưởng của Trung ương",
    "ScoringReopening": "lần mở lại đợt chấm điểm đã chốt",
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

# How the registry's change log names what was done to an object.
CHANGE_VI: dict[ChangeAction, str] = {
    ChangeAction.CREATED: "Thêm mới",
    ChangeAction.UPDATED: "Cập nhật",
    ChangeAction.ENDED: "Kết thúc",
    ChangeAction.DELETED: "Xóa",
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

# Xếp loại mức độ hoàn thành nhiệm vụ, as the facts and a criteria set's bands name them.
RATING_VI: dict[Rating, str] = {
    "htxsnv": "Hoàn thành xuất sắc nhiệm vụ",
    "httnv": "Hoàn thành tốt nhiệm vụ",
    "htnv": "Hoàn thành nhiệm vụ",
    "khtnv": "Không hoàn thành nhiệm vụ",
}

MOVEMENT_KIND_VI: dict[MovementKind, str] = {
    MovementKind.YEARLY: "Thường xuyên hằng năm",
    MovementKind.THEMATIC: "Theo chuyên đề",
    MovementKind.MULTI_YEAR: "Theo giai đoạn",
}

SCORING_ROUND_VI: dict[ScoringRound, str] = {
    ScoringRound.MID_YEAR: "Sơ kết 6 tháng",
    ScoringRound.FINAL: "Tổng kết năm",
}

SCORING_STATUS_VI: dict[ScoringStatus, str] = {
    ScoringStatus.OPEN: "Đang chấm điểm",
    ScoringStatus.CLOSED: "Đã chốt kết quả",
}

# Each eligibility rule by its id (models/domain/eligibility_rules.py RULES, and the one-award rule): what it asks,
# as the desk shows it beside the rule's result. The English rule ids stay for machines and the API.
RULE_VI: dict[str, str] = {
    "flag.leads_block": "Đơn vị dẫn đầu Khối thi đua trong năm",
    "cstd_tinh.three_years_cstdcs": "03 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở",
    "cstd_tinh.province_initiative": "Có sáng kiến được công nhận có phạm vi ảnh hưởng trong tỉnh",
    "cstd_toan_quoc.twice_cstd_tinh": "Hai lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh",
    "cstd_toan_quoc.nationwide_initiative": "Có sáng kiến được công nhận có phạm vi ảnh hưởng toàn quốc",
    "co_chinh_phu.leading": "Dẫn đầu Cụm, Khối do Hội đồng Trung ương tổ chức, hoặc tiêu biểu nhất trong các đơn vị "
                            "được tặng Cờ thi đua của tỉnh",
    "bang_khen.individual": "Bằng khen cá nhân: thành tích xuất sắc trong phong trào thi đua, thành tích đột xuất, "
                            "đóng góp nổi bật, 02 năm liên tục Chiến sĩ thi đua cơ sở, hoặc 02 năm hoàn thành xuất "
                            "sắc nhiệm vụ và có sáng kiến",
    "bang_khen.collective": "Bằng khen tập thể: thành tích xuất sắc trong phong trào thi đua, thành tích đột xuất, "
                            "đóng góp nổi bật, 02 năm liên tục hoàn thành xuất sắc nhiệm vụ, hoặc 02 năm liên tục "
                            "Tập thể lao động xuất sắc",
    "bang_khen.household": "Hộ gia đình có đóng góp công sức, đất đai, tài sản cho địa phương",
    "ttldxs.rated_excellent": "Hoàn thành xuất sắc nhiệm vụ trong năm",
    "ttldxs.all_complete_tasks": "100% thành viên hoàn thành nhiệm vụ được giao",
    "ttldxs.ldtt_share": "Tỷ lệ thành viên đạt danh hiệu Lao động tiên tiến",
    "ttldxs.has_cstdcs": "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
    "ttldxs.no_discipline": "Không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên",
    "ttldtt.rated_good": "Hoàn thành tốt nhiệm vụ trở lên",
    "ttldtt.regular_emulation": "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả",
    "ttldtt.ldtt_share": "Tỷ lệ thành viên đạt danh hiệu Lao động tiên tiến",
    "ttldtt.no_discipline": "Không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên",
    "ldtt.rated_good": "Hoàn thành tốt nhiệm vụ trở lên",
    "ldtt.active_in_emulation": "Tích cực tham gia phong trào thi đua",
    "cstdcs.excellent_or_initiative": "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận",
    "bang_khen_ttg.individual": "Bằng khen của Thủ tướng Chính phủ cho cá nhân: tiêu biểu trong phong trào thi đua do "
                                "Chủ tịch nước, Chính phủ, Thủ tướng phát động, nhiều thành tích có phạm vi ảnh hưởng "
                                "trong tỉnh, hoặc đã có Bằng khen cấp tỉnh, 5 năm liên tục hoàn thành tốt nhiệm vụ "
                                "trở lên và có 5 sáng kiến",
    "bang_khen_ttg.collective": "Bằng khen của Thủ tướng Chính phủ cho tập thể: tiêu biểu trong phong trào thi đua do "
                                "Chủ tịch nước, Chính phủ, Thủ tướng phát động, nhiều thành tích có phạm vi ảnh hưởng "
                                "trong tỉnh, hoặc đã có Bằng khen cấp tỉnh và 5 năm liên tục hoàn thành xuất sắc "
                                "nhiệm vụ",
    "achievement.one_award": "Một thành tích chỉ được đề nghị một hình thức khen thưởng (chưa được tặng trong năm)",
}

# The facts a dossier declares, by their Vietnamese titles in models/domain/facts.py (one source: the schema, the
# desk and the notices name a fact alike).
FACT_VI: dict[str, str] = {name: field.title or name for name, field in DossierFacts.model_fields.items()}


def rule_vi(rule: str) -> str:
    """A rule's Vietnamese name; a rule a province added without one still shows its id rather than nothing."""
    return RULE_VI.get(rule, rule)


def facts_vi(names: Iterable[str]) -> str:
    return ", ".join(FACT_VI.get(n, n) for n in names)


# The keys a transition's evidence is stored under (flows/*.py), as the desk's timeline names them.
EVIDENCE_VI: dict[str, str] = {
    "meeting_id": "Hội nghị Khối (mã số)",
    "proposal": "Tờ trình",
    "proposal_id": "Tờ trình (mã số)",
    "office_found_eligible": "Cơ quan thẩm định đánh giá đủ điều kiện",
    "council_session_id": "Phiên họp Hội đồng (mã số)",
    "award": "Hình thức khen thưởng",
    "threshold_basis": "Căn cứ tỷ lệ biểu quyết",
    "route_basis": "Căn cứ cấp xét (Hội đồng hay Thường trực Hội đồng)",
    "quorum_present": "Số thành viên dự họp",
    "quorum_required": "Số thành viên dự họp tối thiểu",
    "quorum_basis": "Căn cứ số thành viên dự họp tối thiểu",
    "appraised_by": "Thành viên Thường trực thẩm định",
    "recused": "Thành viên không biểu quyết (thuộc đơn vị được đề nghị)",
    "recusal_basis": "Căn cứ không biểu quyết",
    "decision": "Quyết định số",
    "golden_book_no": "Số sổ vàng",
    "prize_coefficient": "Hệ số tiền thưởng",
    "base_salary": "Mức lương cơ sở (đồng)",
    "base_salary_basis": "Căn cứ mức lương cơ sở",
    "prize_amount": "Tiền thưởng (đồng)",
    "facts": "Số liệu kê khai",
    "facts_from_scoring": "Số liệu lấy từ Bảng tổng hợp điểm của Khối",
    "by_hand": "Chuyển trạng thái trực tiếp",
}

# The papers the chain issues (docx_templates.contexts.DocumentKind values), as a clerk calls them.
DOCUMENT_KIND_VI: dict[str, str] = {
    "meeting_minutes": "Biên bản họp bình xét của Khối",
    "block_proposal": "Tờ trình đề nghị khen thưởng của Khối",
    "office_appraisal": "Tờ trình của Sở Nội vụ",
    "decision": "Quyết định khen thưởng",
    "return_notice": "Thông báo trả lại hồ sơ",
    "certificates": "Bằng khen, Giấy chứng nhận",
    "results_notice": "Thông báo kết quả khen thưởng",
    "scoring_table": "Bảng tổng hợp điểm thi đua của Khối",
    "block_ballot_count": "Biên bản kiểm phiếu của Khối",
    "council_minutes": "Biên bản phiên họp Hội đồng Thi đua - Khen thưởng",
    "council_ballot_count": "Biên bản kiểm phiếu của Hội đồng",
    "revocation_decision": "Quyết định hủy bỏ khen thưởng",
    "achievement_reports": "Báo cáo thành tích",
}

COMMENT_STATUS_VI: dict[CommentStatus, str] = {
    CommentStatus.RECEIVED: "Chờ xử lý",
    CommentStatus.ANSWERED: "Đã trả lời",
    CommentStatus.HELD: "Đã tạm dừng xét hồ sơ",
}

WINDOW_PHASE_VI: dict[WindowPhase, str] = {
    WindowPhase.SCHEDULED: "Chưa bắt đầu",
    WindowPhase.OPEN: "Đang lấy ý kiến",
    WindowPhase.CLOSED: "Đã hết thời gian lấy ý kiến",
}
