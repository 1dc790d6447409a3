"""What the counting committee's record and the council session's minutes need (see contexts.py for the
conventions: list items come without their ";" or ".")."""

from __future__ import annotations

from typing import TypedDict

from docx_templates.contexts import Header, Signer


class CountRow(TypedDict):
    stt: int
    name: str  # an individual followed by position and unit
    counts: list[int]  # three, under BallotCountContext.count_headings
    percent: str  # votes for over ALL members: "85,71%"


class CountSection(TypedDict):
    heading: str  # "1. Cờ thi đua của Ủy ban nhân dân tỉnh"
    rows: list[CountRow]


class BallotCountContext(TypedDict):
    header: Header
    subject: str  # "Bình xét thi đua, khen thưởng năm 2026 của Khối thi đua …"
    subject_rule_mm: int
    intro: str  # when, where and which vote the committee counted, ending "Ban kiểm phiếu gồm:"
    committee: list[str]  # "Nguyễn Văn A, Trưởng ban"; "Trần Thị B, Thành viên"
    ballots: list[str]  # "Số phiếu phát ra: 06 phiếu"
    basis: str  # over how many members the share is counted, and what a written opinion counts for
    count_headings: list[str]  # three: "Đồng ý", "Không đồng ý", "Không hợp lệ" / "Không biểu quyết"
    sections: list[CountSection]  # one per award, in the order the ballot lists them
    closing: str  # given whole, ending "./."
    head: Signer  # the committee's head (right)
    members: list[str]  # the other members (left, under "THÀNH VIÊN BAN KIỂM PHIẾU")


class CouncilMinutesRow(TypedDict):
    stt: int
    name: str
    award: str
    votes: str  # "9/10": votes for over all members
    percent: str
    result: str  # "Đề nghị" / "Không đề nghị"


class CouncilMinutesContext(TypedDict):
    header: Header  # numbered in the council's own series: "01/BB-HĐTĐKT"
    subject: str  # "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng năm 2026"
    subject_rule_mm: int
    opened_at: str  # "ngày 03 tháng 01 năm 2027"
    location: str
    chair: str  # "Trần Văn A, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng"
    secretary: str  # "" omits the line
    members_total: int
    present: list[str]  # "name, position" of each member present
    written: list[str]  # "name, position: what they wrote" of each absent member with a written opinion
    absent: list[str]  # the other absent members
    method: str  # how the votes were counted: threshold over all members, written opinions, recusal
    rows: list[CouncilMinutesRow]
    conclusion: str  # the council's conclusion, given whole
    awards: list[str]  # what it proposes: "Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể"
    closing: str  # given whole, ending "./."
    signers: list[Signer]  # exactly two: [secretary (left), chair (right)]


class StandingMinutesRow(TypedDict):
    stt: int
    name: str
    award: str
    result: str  # "Đồng ý" / "Không đồng ý": the standing body appraises, it does not vote
    reason: str  # why not agreed; "" when agreed


class StandingMinutesContext(TypedDict):
    """Biên bản họp Thường trực Hội đồng: the council minutes' pieces, the appraisal in place of the votes."""

    header: Header  # numbered in the standing body's own series: "01/BB-TTHĐTĐKT"
    subject: str  # "Phiên họp Thường trực Hội đồng Thi đua - Khen thưởng tỉnh xét, thẩm định hồ sơ khen thưởng …"
    subject_rule_mm: int
    opened_at: str
    location: str
    chair: str
    body: str  # "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh", as the province names it
    members_total: int  # the standing seats the session copied
    present: list[str]
    written: list[str]
    absent: list[str]
    method: str  # how it appraised (without a vote) and the rule that routed the awards to it
    rows: list[StandingMinutesRow]
    conclusion: str
    awards: list[str]
    closing: str
    signers: list[Signer]  # exactly two: [who recorded (left), chair (right)]
