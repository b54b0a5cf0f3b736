"""Helpers for the import tests: a content file built into a DOCX, and the edits an
editor makes to it, made with python-docx; LibreOffice's docx-to-docx re-save."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph

from hearing_docs.pipeline import BuildOptions, build
from support import DEFAULTS_NAME, EXAMPLES, libreoffice_convert

# The edits below change a letter and a summary: the examples that have both, the seed first.
# (Those that take fields from a defaults file: test_defaults.py imports into one.)
EDITABLE = sorted(
    (
        p
        for p in EXAMPLES
        if {"letter:", "summary:"} <= set(p.read_text("utf-8").splitlines())
        and not (p.parent / DEFAULTS_NAME).exists()
    ),
    key=lambda p: p.name != "2016-07-18-refugees-and-migrants.yaml",
)


def built(content: Path, folder: Path) -> tuple[Path, Path]:
    """``content`` copied into ``folder`` (with its signatures, or the folder of hearings
    it is in) and its DOCX built there."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / content.name
    if (content.parent / DEFAULTS_NAME).exists():  # a folder of hearings: its defaults and images
        shutil.copytree(content.parent, folder, dirs_exist_ok=True)
    else:
        shutil.copyfile(content, copy)
        if (content.parent / "signatures").is_dir():
            shutil.copytree(
                content.parent / "signatures", folder / "signatures", dirs_exist_ok=True
            )
    return copy, rebuild(copy)


def rebuild(content: Path) -> Path:
    (written,) = build(content, content.parent, BuildOptions(formats=("docx",)))
    return written


def styled(document, style: str) -> list[Paragraph]:  # type: ignore[no-untyped-def]
    return [p for p in document.paragraphs if p.style.name == style]


def change_word(document) -> None:  # type: ignore[no-untyped-def]
    """The first word of the second summary paragraph becomes 'Indeed,'."""
    paragraph = styled(document, "Summary Text")[1]
    run = paragraph.runs[0]
    rest = run.text.partition(" ")[2]
    run.text = f"Indeed, {rest}"


def delete_letter_paragraph(document) -> None:  # type: ignore[no-untyped-def]
    body = styled(document, "Body Text")
    element = body[-1]._p
    element.getparent().remove(element)


def insert_italic_paragraph(document) -> None:  # type: ignore[no-untyped-def]
    new = styled(document, "Summary Text")[1].insert_paragraph_before(
        "Participants quoted the ", style="Summary Text"
    )
    italic = new.add_run("Global Report")
    italic.italic = True
    new.add_run(" of the year.")


def rename_heading(document) -> None:  # type: ignore[no-untyped-def]
    heading = styled(document, "Heading 1")[-1]
    for run in heading.runs[1:]:
        run.text = ""
    heading.runs[0].text = "Closing remarks"


def add_section(document) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph("Next steps", style="Heading 1")
    document.add_paragraph("The President will report to the Assembly.", style="Summary Text")


EDITS = (change_word, delete_letter_paragraph, insert_italic_paragraph, rename_heading, add_section)


def edited(source: Path, target: Path, *edits) -> Path:  # type: ignore[no-untyped-def]
    document = docx.Document(source)
    for edit in edits:
        edit(document)
    document.save(target)
    return target


def body_text(path: Path) -> list[tuple[str, str]]:
    """(style, text with *italic* marks) of every body paragraph, as python-docx reads them."""
    result = []
    for paragraph in docx.Document(path).paragraphs:
        text = "".join(
            f"*{run.text}*" if (run.italic or run.style.name == "Emphasis") else run.text
            for run in paragraph.runs
            if run.text
        )
        result.append((paragraph.style.name, text.replace("**", "")))
    return result


def libreoffice_resave(docx_files: list[Path], out_dir: Path) -> list[Path]:
    """Open and save each DOCX as DOCX with headless LibreOffice, in its own profile."""
    return libreoffice_convert(docx_files, out_dir, "docx:MS Word 2007 XML", ".docx")
