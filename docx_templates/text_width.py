"""How wide a line of Times New Roman prints, estimated from its letters, to size the short rules of Decree 30
and to break a long agency name at a word group. Pure: no docx import.

The estimate: each letter, stripped of its Vietnamese marks (which sit above or below and add no width), takes a
share of the font size taken from Times New Roman's advance widths, rounded into a few classes: capitals about
0.72 em bold (0.67 regular), narrow capitals (I, J) 0.39 em, wide ones (M, W) 0.94 em; lower case about 0.5 em,
narrow (i, l, t, f, j, r) 0.3 em, wide (m, w) 0.75 em; space 0.25 em; digits 0.5 em; punctuation 0.3 em.
Checked against LibreOffice's PDF (pdftotext -bbox): "SỞ NỘI VỤ" 23.9 mm estimated, 23.7 mm printed; "UBND TỈNH
BẮC NINH" 47.0 / 48.2; the Quốc hiệu 93.6 / 95.6; a bold 14 pt trích yếu line 144.5 / 148.5 — within 3 %, enough
for a rule whose allowed width is a range (1/3 to 1/2 of the line).
"""

from __future__ import annotations

import unicodedata
from typing import Final

MM_PER_PT: Final = 25.4 / 72
# The rules the templates can draw (each is a variant of the template, chosen by the context: a .docx cannot
# compute an indent). Steps of 2 mm under the agency, 5 mm under the trích yếu.
AGENCY_RULES_MM: Final = tuple(range(6, 32, 2))
SUBJECT_RULES_MM: Final = tuple(range(20, 85, 5))
# The agency column of the header (62 mm) less Word's cell margins; the body's text width for the trích yếu.
AGENCY_LINE_MM: Final = 58.0
SUBJECT_LINE_MM: Final = 165.0
AGENCY_PT, SUBJECT_PT = 13.0, 14.0
# Break a long name before these words: "SỞ GIÁO DỤC / VÀ ĐÀO TẠO", "KHỐI THI ĐUA / CÁC SỞ …".
_BREAK_BEFORE: Final = frozenset({"VÀ", "CÁC", "TỈNH", "HUYỆN", "THÀNH", "XÃ", "PHƯỜNG"})


def _em(char: str, bold: bool) -> float:
    base = unicodedata.normalize("NFD", char)[0].replace("Đ", "D").replace("đ", "d")
    if base == " ":
        return 0.25
    if base.isdigit():
        return 0.5
    if not base.isalpha():
        return 0.3
    if base.isupper():
        if base in "IJ":
            return 0.39
        if base in "MW":
            return 0.94
        return 0.72 if bold else 0.67
    if base in "iltfjr":
        return 0.3
    if base in "mw":
        return 0.75
    return 0.5


def text_width_mm(text: str, size_pt: float, *, bold: bool = True) -> float:
    """The printed width of one line of `text`, estimated (see the module's note)."""
    return sum(_em(c, bold) for c in text) * size_pt * MM_PER_PT


def agency_lines(name: str, width_mm: float = AGENCY_LINE_MM) -> list[str]:
    """A name too long for the header's column, broken at a word group rather than where Word would wrap it.

    Fewest lines first; then, among breaks giving as few lines, before "VÀ", "CÁC", … or after a comma
    ("SỞ GIÁO DỤC / VÀ ĐÀO TẠO"); else one leaving whole pairs of syllables on the next line, since most
    Vietnamese words are two syllables ("KHỐI THI ĐUA CÁC SỞ / QUẢN LÝ KINH TẾ"); the first line longest."""
    words = name.split()
    if text_width_mm(name, AGENCY_PT) <= width_mm or len(words) < 2:
        return [name]
    fitting = [k for k in range(1, len(words)) if text_width_mm(" ".join(words[:k]), AGENCY_PT) <= width_mm]
    if not fitting:  # a single word wider than the column: Word wraps it, there is no better place
        return [words[0], *agency_lines(" ".join(words[1:]), width_mm)]

    def split(k: int) -> list[str]:
        return [" ".join(words[:k]), *agency_lines(" ".join(words[k:]), width_mm)]

    def rank(k: int) -> tuple[int, int, int]:
        natural = words[k] in _BREAK_BEFORE or words[k - 1].endswith(",")
        pairs = (len(words) - k) % 2 == 0
        return len(split(k)), 0 if natural else 1 if pairs else 2, -k

    return split(min(fitting, key=rank))


def agency_rule_mm(last_line: str) -> int:
    """The rule under the agency name: 1/3 to 1/2 of the line above it (Decree 30), aiming at 2/5."""
    return _pick(text_width_mm(last_line, AGENCY_PT), AGENCY_RULES_MM, low=1 / 3, high=1 / 2)


def subject_rule_mm(subject: str) -> int:
    """The rule under the trích yếu: at least 1/3 of its widest line (a wrapped one fills the text width)."""
    widest = min(text_width_mm(subject, SUBJECT_PT), SUBJECT_LINE_MM)
    return _pick(widest, SUBJECT_RULES_MM, low=1 / 3, high=1 / 2)


def _pick(line_mm: float, widths: tuple[int, ...], *, low: float, high: float) -> int:
    """The drawable width nearest 2/5 of the line among those within [low, high] of it; the nearest to that range
    when none is (a line too short or too long for the variants)."""
    target = line_mm * 2 / 5
    inside = [w for w in widths if line_mm * low <= w <= line_mm * high]
    return min(inside or widths, key=lambda w: abs(w - target))
