"""User-entered text is text: markup, very long achievements and pasted control characters render safely."""

from __future__ import annotations

import pytest

from docx_templates import DocumentKind, render_document
from tests.documents_fixtures import decision_context, proposal_context
from tests.docx_read import open_docx, rows_of

AWKWARD_NAMES = ["Công ty <TNHH> Hoa & Sen", "{{ header.number }}", "{% if true %}x{% endif %}", "a </w:t> b"]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_markup_in_names_renders_literally(name: str) -> None:
    context = decision_context(collectives=[name])
    doc = open_docx(render_document(DocumentKind.DECISION, context))
    assert rows_of(doc.tables[2])[1] == ["1", name]


def test_long_achievement_renders_intact() -> None:
    achievement = ("Hoàn thành xuất sắc nhiệm vụ, dẫn đầu phong trào thi đua & đổi mới <sáng tạo>. " * 40)[:3000]
    doc = open_docx(render_document(DocumentKind.BLOCK_PROPOSAL, proposal_context(achievement)))
    assert len(achievement) == 3000
    assert rows_of(doc.tables[2])[1][4] == achievement


def test_control_characters_from_pasted_text_do_not_corrupt_the_file() -> None:
    doc = open_docx(render_document(DocumentKind.DECISION, decision_context(collectives=["Sở\x07 Tài\x00 chính"])))
    assert rows_of(doc.tables[2])[1][1] == "Sở Tài chính"
