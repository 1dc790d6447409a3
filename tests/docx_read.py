"""Read generated .docx files back the way a clerk sees them: paragraphs and table rows, in order."""

import io

import docx
from docx.document import Document as DocxDocument


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
