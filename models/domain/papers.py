"""What the office's papers say: which certificate an award gives, why a dossier is returned, and which PDF of a
signing package a signed copy comes from."""

import hashlib
from typing import Any

from models.domain.vietnamese import FACT_VI

BANG_KHEN = "Bằng khen"


def is_bang_khen(award_name: str) -> bool:
    """A Bằng khen is printed as a Bằng khen; a title (Cờ thi đua, Tập thể lao động xuất sắc, Chiến sĩ thi đua)
    comes with a Giấy chứng nhận of that title (ND 98/2023 Điều 104 lays out both)."""
    return award_name.startswith(BANG_KHEN)


def return_reason_vi(office_reason: str, rules: list[dict[str, Any]]) -> str:
    """Why a dossier is returned, in Vietnamese, from what the screening recorded: the office's own words, each
    failed rule by the text it applies (with the years missing, for a title needed several years running), and the
    facts the dossier still lacks."""
    parts = [office_reason.strip().rstrip(".") + "." if office_reason.strip() else ""]
    for rule in rules:
        if rule.get("outcome") == "fail":
            facts = rule.get("facts") or {}
            gaps = [y for y in facts.get("years_needed", []) if y not in facts.get("years_held", [])]
            missing_years = f" (còn thiếu năm {', '.join(str(y) for y in gaps)})" if gaps else ""
            parts.append(f"Chưa đạt tiêu chuẩn theo {rule.get('article', rule.get('rule', ''))}{missing_years}.")
    missing = sorted({m for rule in rules for m in rule.get("missing", [])})
    if missing:
        parts.append(f"Hồ sơ còn thiếu: {'; '.join(_in_sentence(FACT_VI.get(m, m)) for m in missing)}.")
    return " ".join(p for p in parts if p) or "Hồ sơ chưa đủ điều kiện, tiêu chuẩn khen thưởng theo quy định."


def signed_copy_of(content: bytes, entries: list[dict[str, Any]]) -> tuple[dict[str, Any], bool] | None:
    """The manifest entry a PDF brought back from the digital signature system is a copy of, and whether a signature
    was appended. A PDF signature (PAdES) is an incremental update: the signed file begins with the very bytes that
    were handed over, so its first `pdf_bytes` bytes must hash to the entry's SHA-256. None: no entry matches."""
    for entry in entries:
        size = int(entry["pdf_bytes"])
        if len(content) >= size and hashlib.sha256(content[:size]).hexdigest() == entry["pdf_sha256"]:
            return entry, len(content) > size
    return None


def _in_sentence(label: str) -> str:
    """A fact's label (capitalised, as the desk shows it) inside a sentence of the notice."""
    return label[:1].lower() + label[1:]
