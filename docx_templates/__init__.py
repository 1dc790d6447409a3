"""Word templates for the documents of an award cycle, and the function that fills them."""

from docx_templates.contexts import DocumentKind
from docx_templates.render import render_document, template_variables

__all__ = ["DocumentKind", "render_document", "template_variables"]
