"""Read generated .docx files back the way a clerk sees them: paragraphs and table rows, in order."""

import io

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(content: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(content))


def paragraphs(content: bytes) -> list[str]:
    """Every non-empty paragraph of the body and of its tables, in document order."""
    document = open_docx(content)
    texts: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            texts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif child.tag.endswith("}tbl"):
            for cell_paragraph in child.iter():
                if cell_paragraph.tag.endswith("}p"):
                    texts.append("".join(t.text or "" for t in cell_paragraph.iter() if t.tag.endswith("}t")))
    return [t.strip() for t in texts if t.strip()]


def table_rows(content: bytes) -> list[list[str]]:
    """Every row of every table, as the text of its cells."""
    document = open_docx(content)
    return [[cell.text.strip() for cell in row.cells] for table in document.tables for row in table.rows]


def paragraph_starting(doc: DocxDocument, text: str) -> Paragraph:
    """The body paragraph whose text starts with `text`."""
    found = [p for p in doc.paragraphs if p.text.startswith(text)]
    assert found, f"no paragraph starts with {text!r}"
    return found[0]


def body_texts(doc: DocxDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


def rows_of(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def cell_paragraphs(table: Table) -> list[Paragraph]:
    return [p for row in table.rows for cell in row.cells for p in cell.paragraphs]


def is_bold(paragraph: Paragraph) -> bool:
    return all(run.bold for run in paragraph.runs if run.text.strip())


def is_italic(paragraph: Paragraph) -> bool:
    return all(run.italic for run in paragraph.runs if run.text.strip())
