"""Emulation movements (phong trào thi đua) and block scoring: the kinds and states the tables store."""

from enum import StrEnum


class MovementKind(StrEnum):
    YEARLY = "yearly"  # thường xuyên, hằng năm
    THEMATIC = "thematic"  # theo chuyên đề, đợt
    MULTI_YEAR = "multi_year"  # giai đoạn (2020–2025, 2025–2030), closed by a congress (đại hội thi đua yêu nước)


class ScoringRound(StrEnum):
    MID_YEAR = "mid_year"  # sơ kết 6 tháng: a lighter round, never read by the year-end meeting
    FINAL = "final"  # tổng kết năm: its closed ranking feeds the year-end meeting


class ScoringStatus(StrEnum):
    OPEN = "open"  # members submit self-scores, the head adjusts
    CLOSED = "closed"  # the ranking is frozen: nothing changes any more
