"""Render a document kind from its context into .docx bytes that never change for the same data.

The project stores a SHA-256 of every issued document, so rendering is a pure function:
same context, same bytes, on any day and any machine with the same library versions.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any, Final

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template

from docx_templates.contexts import DocumentKind

TEMPLATE_FILES: Final[Mapping[DocumentKind, str]] = {
    DocumentKind.MEETING_MINUTES: "bien_ban_hop_khoi.docx",
    DocumentKind.BLOCK_PROPOSAL: "to_trinh_khoi.docx",
    DocumentKind.DECISION: "quyet_dinh_khen_thuong.docx",
    DocumentKind.OFFICE_APPRAISAL: "to_trinh_so_noi_vu.docx",
    DocumentKind.SCORING_TABLE: "bang_tong_hop_diem.docx",
    DocumentKind.RETURN_NOTICE: "thong_bao_tra_lai_ho_so.docx",
    DocumentKind.CERTIFICATES: "bang_khen_giay_chung_nhan.docx",
    DocumentKind.RESULTS_NOTICE: "thong_bao_ket_qua.docx",
    DocumentKind.REVOCATION_DECISION: "quyet_dinh_thu_hoi.docx",
    DocumentKind.PUBLIC_COMMENT_LIST: "danh_sach_lay_y_kien_nhan_dan.docx",
    DocumentKind.CENTRAL_PROPOSAL: "to_trinh_trung_uong.docx",
    DocumentKind.BLOCK_BALLOT_COUNT: "bien_ban_kiem_phieu.docx",
    DocumentKind.COUNCIL_BALLOT_COUNT: "bien_ban_kiem_phieu.docx",  # one template for both bodies
    DocumentKind.COUNCIL_MINUTES: "bien_ban_hop_hoi_dong.docx",
    DocumentKind.STANDING_MINUTES: "bien_ban_hop_thuong_truc.docx",
    DocumentKind.PLEDGE: "ban_giao_uoc_thi_dua.docx",
    DocumentKind.ACHIEVEMENT_REPORTS: "bao_cao_thanh_tich.docx",
}

# The earliest time a zip entry can carry; any constant works, this one is the convention.
_ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
_FROZEN_TIME: Final = datetime(2000, 1, 1)
_AUTHOR: Final = "tdkt"

# Characters XML 1.0 forbids make Word refuse the file. Word itself puts U+000B in copied text
# for a manual line break and U+000C for a page break, so those become line breaks; docxtpl
# would also turn U+0007 into a new paragraph, which user text must not be able to do.
_TEXT_FIXES: Final = str.maketrans(
    {
        **{chr(c): None for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"},
        "\r": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
        "\ufffe": None,
        "\uffff": None,
    }
)


def render_document(kind: DocumentKind, context: Mapping[str, object]) -> bytes:
    """Fill the template of `kind` with `context` and return the .docx bytes.

    Context strings are printed as text: autoescape keeps "<" and "&" from breaking the XML,
    and values are never parsed as template syntax. A key the template needs but the context
    lacks raises jinja2.UndefinedError rather than printing a blank in an official document.
    """
    template_bytes = _template_bytes(kind)
    # A fresh template per call: DocxTemplate mutates itself while rendering.
    template = _PreparedOnce(io.BytesIO(template_bytes))
    template.render(_clean_context(context), jinja_env=_JINJA, autoescape=True)
    freeze_core_properties(template.docx.core_properties)
    rendered = io.BytesIO()
    template.save(rendered)
    return normalise_docx(rendered.getvalue(), entry_order=_entry_names(template_bytes))


def template_variables(kind: DocumentKind) -> set[str]:
    """Top-level names the template of `kind` reads, e.g. {"header", "subject", ...}."""
    template = DocxTemplate(io.BytesIO(_template_bytes(kind)))
    return {str(name) for name in template.get_undeclared_template_variables()}


def normalise_docx(data: bytes, entry_order: Sequence[str] = ()) -> bytes:
    """Rewrite a .docx zip so that only its content determines its bytes.

    Zip entries carry the time they were written and the writer's platform; both are fixed
    here. Entries listed in `entry_order` come first in that order, the rest keep their order.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        ordered = [name for name in entry_order if name in names]
        ordered += [name for name in names if name not in ordered]
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for name in ordered:
                target.writestr(_fixed_entry(name), source.read(name), compresslevel=6)
    return output.getvalue()


def _fixed_entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 3  # ZipInfo defaults to the running platform (0 on Windows)
    entry.external_attr = 0o644 << 16
    return entry


def freeze_core_properties(properties: Any) -> None:
    # python-docx stamps "now" into docProps/core.xml when a package lacks it; pin every field
    # that could hold a time or a user name.
    properties.author = _AUTHOR
    properties.last_modified_by = _AUTHOR
    properties.created = _FROZEN_TIME
    properties.modified = _FROZEN_TIME
    properties.last_printed = _FROZEN_TIME
    properties.revision = 1


class _CompiledOnce(Environment):
    """Compiles each distinct template source once. docxtpl hands Jinja the same XML source on every render of a
    template, and compiling it was about a third of the rendering of a document. The cache is keyed by the source
    itself, so a template a clerk has just edited is compiled afresh."""

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is None and template_class is None and isinstance(source, str):
            return _compiled(source)
        return super().from_string(source, globals, template_class)


_JINJA: Final = _CompiledOnce(autoescape=True, undefined=StrictUndefined)


@lru_cache(maxsize=64)  # a few parts (body, headers, footers) of each of about fifteen templates
def _compiled(source: str) -> Template:
    return Environment.from_string(_JINJA, source)


class _PreparedOnce(DocxTemplate):  # type: ignore[misc]
    """docxtpl's clean-up of a template's XML before Jinja reads it is a pure function of that XML (a series of
    regular expressions, a tenth of a document's rendering): done once per distinct XML."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)


@lru_cache(maxsize=64)
def _patched(src_xml: str) -> str:
    return str(DocxTemplate.patch_xml(None, src_xml))


def _template_bytes(kind: DocumentKind) -> bytes:
    # Read on every call (about a millisecond) so that a template a clerk has just edited
    # is used without restarting the service.
    return resources.files("docx_templates").joinpath(TEMPLATE_FILES[kind]).read_bytes()


def _entry_names(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.namelist()


def _clean_context(context: Mapping[str, object]) -> dict[str, object]:
    return {key: _clean(value) for key, value in context.items()}


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\r\n", "\n").translate(_TEXT_FIXES)
    if isinstance(value, Mapping):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value
