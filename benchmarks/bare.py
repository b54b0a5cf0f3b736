"""The bare engines, as one process: the floor hearing-docs is measured against.

    python benchmarks/bare.py BLOCKS.json pdf,docx OUT_FOLDER

BLOCKS.json (written by run.py from the seed, before any timing) holds the
HTML that hearing-docs makes and the paragraphs of the document. With ``pdf``,
WeasyPrint writes that HTML as a tagged PDF (pdf_variant="pdf/ua-1"); with
``docx``, python-docx builds the same paragraphs (letter, page break, summary
with its headings) on an A4 page with a serif face and saves them. Nothing
else: no validation, no glyph check, no styles of our own, no atomic writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def pdf(html: str, base: str, target: Path) -> None:
    import weasyprint

    weasyprint.HTML(string=html, base_url=base).write_pdf(target, pdf_variant="pdf/ua-1")


def docx(blocks: list[list[str]], target: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    page_break = False
    for kind, text in blocks:
        if kind == "break":
            page_break = True
            continue
        if kind == "heading":
            paragraph = document.add_paragraph(text, style="Heading 2")
        else:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if page_break:
            paragraph.paragraph_format.page_break_before, page_break = True, False
    document.save(target)


def main() -> None:
    source, formats, out = Path(sys.argv[1]), sys.argv[2].split(","), Path(sys.argv[3])
    data = json.loads(source.read_text(encoding="utf-8"))
    if "pdf" in formats:
        pdf(data["html"], data["base"], out / "bare.pdf")
    if "docx" in formats:
        docx(data["blocks"], out / "bare.docx")


if __name__ == "__main__":
    main()
