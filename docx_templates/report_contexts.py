"""What the Báo cáo thành tích needs (see contexts.py for the conventions)."""

from __future__ import annotations

from typing import TypedDict

from docx_templates.contexts import Header, Signer


class AchievementReport(TypedDict):
    """One nomination's report, drafted from the facts the system holds (ND 152/2025, its report templates: a
    collective's đặc điểm, tình hình, thành tích, khen thưởng đã ghi nhận; an individual's sơ lược lý lịch, …)."""

    header: Header  # the reporting unit (an individual's own unit), no number: a report is not numbered
    subject: str  # "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2026"
    subject_rule_mm: int
    collective: bool  # True: "I. ĐẶC ĐIỂM, TÌNH HÌNH"; False: "I. SƠ LƯỢC LÝ LỊCH"
    profile: list[str]  # "Tên tập thể: …" / "Họ và tên: …", one line each
    stated: list[str]  # the block's own summary, a paragraph each; empty when it gave none
    achievements: list[str]  # the facts held, one a line, without "- " and ";"
    awards: list[str]  # the awards already received, oldest first; empty says none is recorded
    closing: str  # "Trên đây là báo cáo thành tích …, kính đề nghị … xem xét./."
    signers: list[Signer]  # two: who confirms (left), who reports (right)


class AchievementReportsContext(TypedDict):
    reports: list[AchievementReport]  # one a section: its own first page, its own page numbers
