"""Two provinces' criteria sets, as each would upload them: different trees, bands and tie-break rules."""

from collections.abc import Mapping
from typing import Any


def four_good(year: int = 2026) -> dict[str, Any]:
    """A "4 tốt" model, 100 points in four groups with indicators, bonus up to 5 and penalties up to 10."""
    return {
        "code": "4-TOT", "name": "Bảng tiêu chí thi đua «4 tốt» của Khối các sở quản lý kinh tế", "year": year,
        "source": "Quy chế hoạt động Khối, ban hành kèm Quyết định số 12/QĐ-KTĐ ngày 10/3/2026",
        "groups": [
            {"code": "CT", "name": "Thực hiện tốt nhiệm vụ chính trị", "max_points": 40, "children": [
                {"code": "CT1", "name": "Hoàn thành các chỉ tiêu kế hoạch năm", "max_points": 25, "children": [
                    {"code": "CT1a", "name": "Chỉ tiêu chuyên môn chủ yếu", "max_points": 15},
                    {"code": "CT1b", "name": "Cải cách hành chính, chuyển đổi số", "max_points": 10}]},
                {"code": "CT2", "name": "Nhiệm vụ đột xuất được giao", "max_points": 15}]},
            {"code": "HD", "name": "Chất lượng hoạt động tốt", "max_points": 25, "children": [
                {"code": "HD1", "name": "Tổ chức phong trào thi đua", "max_points": 15},
                {"code": "HD2", "name": "Khen thưởng kịp thời, đúng quy định", "max_points": 10}]},
            {"code": "DK", "name": "Đoàn kết, kỷ cương tốt", "max_points": 20, "children": [
                {"code": "DK1", "name": "Không có cán bộ bị kỷ luật", "max_points": 20}]},
            {"code": "CB", "name": "Đội ngũ cán bộ tốt", "max_points": 15, "children": [
                {"code": "CB1", "name": "Đào tạo, bồi dưỡng cán bộ", "max_points": 15}]},
        ],
        "bonus": [{"code": "T1", "name": "Mô hình, cách làm hay được nhân rộng", "max_points": 3},
                  {"code": "T2", "name": "Được Trung ương khen thưởng", "max_points": 3}],
        "bonus_cap": 5,
        "penalties": [{"code": "TR1", "name": "Nộp báo cáo chậm", "max_points": 5},
                      {"code": "TR2", "name": "Có đơn thư khiếu nại đúng", "max_points": 10}],
        "penalty_cap": 10,
        "bands": [{"rating": "htxsnv", "from_points": 90},
                  {"rating": "httnv", "from_points": 75, "below_points": 90},
                  {"rating": "htnv", "from_points": 50, "below_points": 75},
                  {"rating": "khtnv", "from_points": 0, "below_points": 50}],
        "tie_break": ["group:CT", "fewer_penalties", "block_vote"],
        "leader_min_rating": "htxsnv",
    }


def other_province(year: int = 2026) -> dict[str, Any]:
    """Another province's set: 200 points, three groups, no indicators below criteria, no bonus, 3 bands with
    "tốt" and "xuất sắc" merged differently, ties broken by the second group then the vote."""
    return {
        "code": "CUM-XA-2026", "name": "Tiêu chí chấm điểm thi đua Cụm xã, phường", "year": year,
        "groups": [
            {"code": "KT", "name": "Phát triển kinh tế", "max_points": 100, "children": [
                {"code": "KT1", "name": "Thu ngân sách", "max_points": 60},
                {"code": "KT2", "name": "Xây dựng nông thôn mới", "max_points": 40}]},
            {"code": "VH", "name": "Văn hóa - xã hội", "max_points": 60, "children": [
                {"code": "VH1", "name": "Giáo dục, y tế", "max_points": 60}]},
            {"code": "AN", "name": "Quốc phòng, an ninh", "max_points": 40},
        ],
        "penalties": [{"code": "P1", "name": "Để xảy ra điểm nóng", "max_points": 40}],
        "penalty_cap": 30,
        "bands": [{"rating": "htxsnv", "from_points": 180},
                  {"rating": "htnv", "from_points": 100, "below_points": 180},
                  {"rating": "khtnv", "from_points": 0, "below_points": 100}],
        "tie_break": ["group:VH", "block_vote"],
        "leader_min_rating": None,
    }


def full_marks(definition: dict[str, Any], minus: Mapping[str, float] | None = None) -> dict[str, float]:
    """Every scored criterion at its maximum, less what `minus` takes off."""
    def leaves(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [leaf for n in nodes for leaf in (leaves(n["children"]) if n.get("children") else [n])]
    minus = minus or {}
    return {leaf["code"]: leaf["max_points"] - minus.get(leaf["code"], 0) for leaf in leaves(definition["groups"])}
