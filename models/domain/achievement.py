"""A nomination's achievement as the system can state it from what it holds: the block's own summary, the
declared facts, the block's closed scoring and the award history. Pure: the flows read the rows, this writes the
Vietnamese sentences the Tờ trình and the Báo cáo thành tích (ND 152/2025, its report templates) print."""

from dataclasses import dataclass

from models.domain.facts import DossierFacts
from models.domain.vietnamese import RATING_VI

# The Tờ trình's "Thành tích" cell: the block's own words up to this many characters; the whole text is in the
# achievement report sent with it.
SUMMARY_CHARS = 240
CSTDCS_CODE = "CHIEN_SI_THI_DUA_CO_SO"


@dataclass(frozen=True)
class Ranking:
    """The block's closed year-end scoring, for a collective it ranks."""

    rank: int
    ranked: int  # how many units the table ranks
    points: str  # "98" / "92,5", as Vietnamese writes points
    leads: bool


@dataclass(frozen=True)
class PastAward:
    year: int
    code: str
    name: str
    decision: str  # "01/QĐ-UBND", as printed on the decision


@dataclass(frozen=True)
class AchievementFacts:
    year: int
    collective: bool
    stated: str  # the block's own summary of the achievement, "" when it gave none
    facts: DossierFacts
    ranking: Ranking | None
    past: tuple[PastAward, ...]  # earlier awards, oldest first


def _count(n: int) -> str:
    return f"{n:02d}"


def _rating_line(a: AchievementFacts) -> list[str]:
    f = a.facts
    lines = []
    if f.rating is not None:
        lines.append(f"Năm {a.year}: {RATING_VI[f.rating][:1].lower()}{RATING_VI[f.rating][1:]}")
    if f.consecutive_years_excellent:
        lines.append(f"{_count(f.consecutive_years_excellent)} năm liên tục hoàn thành xuất sắc nhiệm vụ")
    elif f.consecutive_years_good:
        lines.append(f"{_count(f.consecutive_years_good)} năm liên tục hoàn thành tốt nhiệm vụ trở lên")
    return lines


def _ranking_line(a: AchievementFacts) -> list[str]:
    if a.ranking is not None:
        r = a.ranking
        lead = ", dẫn đầu Khối" if r.leads else ""
        return [f"Xếp thứ {r.rank}/{r.ranked} trong Bảng tổng hợp điểm thi đua của Khối với {r.points} điểm{lead}"]
    return ["Dẫn đầu Khối thi đua"] if a.facts.leads_block else []


def _initiative_lines(f: DossierFacts) -> list[str]:
    lines = []
    if f.initiatives:
        lines.append(f"{_count(f.initiatives)} sáng kiến, đề tài được công nhận trong năm")
    if f.nationwide_initiative:
        lines.append("Có sáng kiến có phạm vi ảnh hưởng toàn quốc")
    elif f.province_wide_initiative:
        lines.append("Có sáng kiến có phạm vi ảnh hưởng trong tỉnh")
    return lines


# The paths to an award a dossier claims (Law Điều 71, 74), as the report states them.
_CLAIMS = (
    ("outstanding_in_movement", "Tiêu biểu trong phong trào thi đua do tỉnh phát động"),
    ("outstanding_in_national_movement", "Tiêu biểu trong phong trào thi đua do Trung ương phát động"),
    ("province_wide_achievements", "Lập được nhiều thành tích có phạm vi ảnh hưởng trong tỉnh"),
    ("sudden_achievement", "Có thành tích đột xuất"),
    ("notable_contribution", "Có đóng góp lớn cho địa phương, công tác từ thiện"),
)


def _members_line(f: DossierFacts) -> list[str]:
    if not f.members_total:
        return []
    parts = [f"Tập thể có {_count(f.members_total)} thành viên"]
    if f.members_ldtt is not None:
        parts.append(f"{_count(f.members_ldtt)} thành viên đạt Lao động tiên tiến")
    if f.members_cstdcs:
        parts.append(f"{_count(f.members_cstdcs)} thành viên đạt Chiến sĩ thi đua cơ sở")
    return [", ".join(parts)]


def achievement_lines(a: AchievementFacts) -> list[str]:
    """What the year's achievement was, one fact a line, from the data held (none: an empty list)."""
    claims = [text for name, text in _CLAIMS if getattr(a.facts, name)]
    return [*_ranking_line(a), *_rating_line(a), *_initiative_lines(a.facts), *claims,
            *(_members_line(a.facts) if a.collective else [])]


def cstdcs_years(a: AchievementFacts) -> list[int]:
    return sorted({p.year for p in a.past if p.code == CSTDCS_CODE})


def award_lines(a: AchievementFacts) -> list[str]:
    """The awards already received, oldest first: "Năm 2025: Chiến sĩ thi đua cơ sở (Quyết định số …)"."""
    return [f"Năm {p.year}: {p.name} (Quyết định số {p.decision})" for p in a.past]


def _clipped(text: str) -> str:
    """The block's words, cut at a word before SUMMARY_CHARS: the Tờ trình's cell stays a summary."""
    text = " ".join(text.split())
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:.") + " …"


def summary(a: AchievementFacts) -> str:
    """The Tờ trình's "Thành tích" cell: the block's own words (clipped), then the facts held, then the CSTĐCS
    years of an individual; never blank."""
    lines = [_clipped(a.stated)] if a.stated.strip() else []
    # A fact the block's own words already state is not said twice.
    lines += [line for line in achievement_lines(a) if line.casefold() not in a.stated.casefold()]
    years = cstdcs_years(a)
    if years and not a.collective:
        lines.append(f"Chiến sĩ thi đua cơ sở các năm {', '.join(str(y) for y in years)}")
    if not lines:
        return "Chưa kê khai thành tích; xem Báo cáo thành tích kèm theo"
    return "; ".join(line.rstrip(".;") for line in lines)
