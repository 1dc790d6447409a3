"""The office's papers in pure terms: why a dossier is returned, in Vietnamese, and which PDF a signed copy is."""

import hashlib

from models.domain.papers import is_bang_khen, return_reason_vi, signed_copy_of

THREE_YEARS = {"rule": "cstd_tinh.three_years_cstdcs", "outcome": "fail",
               "article": "Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15",
               "facts": {"years_needed": [2024, 2025, 2026], "years_held": [2025, 2026]}, "missing": []}
UNKNOWN = {"rule": "bang_khen.individual", "outcome": "cannot_tell", "article": "Điều 74", "facts": {},
           "missing": ["rating", "rating_previous_year"]}
PASSED = {"rule": "x", "outcome": "pass", "article": "Điều 1", "facts": {}, "missing": []}


def test_the_reason_gives_the_office_s_words_then_each_failed_rule_then_what_is_missing() -> None:
    assert return_reason_vi("Thiếu báo cáo thành tích", [PASSED, THREE_YEARS, UNKNOWN]) == (
        "Thiếu báo cáo thành tích. Chưa đạt tiêu chuẩn theo Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15 "
        "(còn thiếu năm 2024). Hồ sơ còn thiếu: xếp loại năm xét; xếp loại năm liền trước.")


def test_a_reason_is_never_empty_nor_english() -> None:
    assert return_reason_vi("  ", [PASSED]) == "Hồ sơ chưa đủ điều kiện, tiêu chuẩn khen thưởng theo quy định."
    assert return_reason_vi("Hồ sơ nộp muộn.", []) == "Hồ sơ nộp muộn."


def test_a_signed_pdf_is_recognised_by_the_bytes_it_was_handed_over_as() -> None:
    pdf = b"%PDF-1.7\n...body...\n%%EOF\n"
    entries = [{"pdf_sha256": hashlib.sha256(b"%PDF-other").hexdigest(), "pdf_bytes": 10},
               {"pdf_sha256": hashlib.sha256(pdf).hexdigest(), "pdf_bytes": len(pdf), "kind": "decision"}]
    assert signed_copy_of(pdf, entries) == (entries[1], False)  # the bare copy, not signed yet
    assert signed_copy_of(pdf + b"1 0 obj <</Type /Sig>> endobj\n%%EOF\n", entries) == (entries[1], True)
    assert signed_copy_of(pdf.replace(b"body", b"bodY"), entries) is None  # changed after the package was made
    assert signed_copy_of(pdf[:-3], entries) is None


def test_bang_khen_prints_a_bang_khen_and_a_title_a_certificate() -> None:
    assert is_bang_khen("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    assert not is_bang_khen("Cờ thi đua của Ủy ban nhân dân tỉnh") and not is_bang_khen("Chiến sĩ thi đua cấp tỉnh")
