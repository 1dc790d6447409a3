"""Layout of the Báo cáo thành tích (see build_templates.py): one report per nomination, each its own section,
so that each starts on a new page with its own page numbers, none on its first page (Decree 30, Annex I)."""

from __future__ import annotations

import copy

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from docx_templates import docx_building as kit
from docx_templates import minutes_layouts, parts

# Where w:pgNumType goes among a w:sectPr's children (the schema's order).
_AFTER_PAGE_NUMBERS = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                       "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def achievement_reports(doc: Document) -> None:
    _restart_page_numbers(doc.sections[-1]._sectPr)
    kit.tag(doc, "for r in reports")
    # The shared header and title read these names; each report brings its own.
    for name in ("header", "subject", "subject_rule_mm", "signers"):
        kit.tag(doc, f"set {name} = r.{name}")
    parts.header(doc)
    parts.title(doc, "BÁO CÁO THÀNH TÍCH")
    _heading(doc, '{{ "I. ĐẶC ĐIỂM, TÌNH HÌNH" if r.collective else "I. SƠ LƯỢC LÝ LỊCH" }}')
    _dash_lines(doc, "r.profile")
    _heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    kit.tag(doc, "for s in r.stated")
    kit.para(doc, "{{ s }}", style=kit.BODY)
    kit.tag(doc, "endfor")
    kit.tag(doc, "if r.achievements")
    kit.para(doc, "Kết quả đã được ghi nhận trong hồ sơ:", style=kit.BODY).paragraph_format.keep_with_next = True
    _dash_lines(doc, "r.achievements")
    kit.tag(doc, "endif")
    kit.tag(doc, "if not r.stated and not r.achievements")
    kit.para(doc, "Hồ sơ chưa kê khai thành tích; đơn vị bổ sung trước khi ký.", style=kit.BODY)
    kit.tag(doc, "endif")
    _heading(doc, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN")
    _dash_lines(doc, "r.awards")
    kit.tag(doc, "if not r.awards")
    kit.para(doc, "Chưa có hình thức khen thưởng nào được ghi nhận.", style=kit.BODY)
    kit.tag(doc, "endif")
    parts.lead_into_signature(kit.para(doc, "{{ r.closing }}", style=kit.BODY))
    minutes_layouts.two_signers(doc)
    kit.tag(doc, "if not loop.last")
    _section_break(doc)
    kit.tag(doc, "endif")
    kit.tag(doc, "endfor")


def _heading(doc: Document, text: str) -> None:
    heading = kit.para(doc, text, style=kit.BODY, bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.keep_with_next = True  # a heading never ends a page alone


def _dash_lines(doc: Document, items: str) -> None:
    kit.tag(doc, f"for line in {items}")
    kit.para(doc, "- {{ line }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")


def _section_break(doc: Document) -> Paragraph:
    """End the report's section: the next starts a page, numbered from 1, as the document's last section is. The
    paragraph that carries the break is shrunk, so that a report which fills its page leaves no blank one."""
    paragraph = kit.para(doc)
    paragraph.paragraph_format.line_spacing = Pt(1)
    properties = paragraph._p.get_or_add_pPr()
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    run_properties = OxmlElement("w:rPr")
    run_properties.append(size)
    properties.append(run_properties)
    properties.append(copy.deepcopy(doc.sections[-1]._sectPr))
    return paragraph


def _restart_page_numbers(section_properties: object) -> None:
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section_properties.insert_element_before(numbering, *_AFTER_PAGE_NUMBERS)  # type: ignore[attr-defined]
