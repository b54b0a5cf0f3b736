"""Document facts: derived once from the hearing, and the same in the PDF and the DOCX.

Every example content file is built into a PDF and a DOCX, both are reopened
(pikepdf for the PDF's document information, python-docx for the DOCX's core
properties) and compared with each other and with ``facts.derive``.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pikepdf
import pytest

from hearing_docs.content import loading
from hearing_docs.document import facts
from hearing_docs.pipeline import BuildOptions, build
from hearing_docs.templateset import sets
from support import EXAMPLES, SEED_CONTENT

DEFAULT_SET = sets.resolve("un-pga", [sets.packaged_root()])


def _pdf_date(value: str) -> dt.datetime:
    """A PDF date such as D:20231114221320Z, in UTC."""
    return dt.datetime.strptime(value.removeprefix("D:").rstrip("Z'"), "%Y%m%d%H%M%S").replace(
        tzinfo=dt.UTC
    )


def _built(content: Path, out: Path) -> tuple[dict[str, str], docx.opc.coreprops.CoreProperties]:
    written = {p.suffix: p for p in build(content, out, BuildOptions(formats=["pdf", "docx"]))}
    with pikepdf.open(written[".pdf"]) as pdf:
        info = {str(key): str(value) for key, value in pdf.docinfo.items()}
    properties = docx.Document(io.BytesIO(written[".docx"].read_bytes())).core_properties
    return info, properties


@pytest.mark.slow
@pytest.mark.parametrize("epoch", [None, "1700000000"])
@pytest.mark.parametrize("content", EXAMPLES, ids=lambda p: p.stem)
def test_pdf_and_docx_agree_on_title_author_subject_keywords_and_dates(
    content: Path, epoch: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    expected = facts.derive(loading.load(content), DEFAULT_SET)
    info, properties = _built(content, tmp_path)

    assert info["/Title"] == expected.title
    # Word takes at most 255 characters: the same title, cut at a word when longer.
    assert properties.title == expected.word_title
    if len(expected.title) <= facts.MAX_WORD_TITLE:
        assert properties.title == info["/Title"]
    else:
        assert len(properties.title) <= facts.MAX_WORD_TITLE
        assert info["/Title"].startswith(properties.title.removesuffix("…"))
    assert info.get("/Author", "") == properties.author == expected.author
    assert info["/Subject"] == properties.subject == expected.subject
    assert info["/Keywords"] == properties.keywords == ", ".join(expected.keywords)
    created = expected.created.replace(tzinfo=dt.UTC)
    assert _pdf_date(info["/CreationDate"]) == properties.created == created
    assert _pdf_date(info["/ModDate"]) == properties.modified == created
    assert properties.language == expected.language


def test_facts_of_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    found = facts.derive(loading.load(SEED_CONTENT), DEFAULT_SET)
    assert found.kind == "hearing"
    assert found.title.startswith("Summary of the President of the 70th session")
    assert found.title.endswith("refugees and migrants on 19 September 2016")
    assert found.author == "Mogens Lykketoft"
    assert found.subject == "Letter of 22 July 2016 and summary of the hearing of 18 July 2016"
    assert found.keywords == (
        "cover letter",
        "hearing summary",
        "18 July 2016",
        "Conference Room 4",
        "United Nations Headquarters, New York",
    )
    assert found.language == "en"
    assert found.date == dt.date(2016, 7, 22)
    assert found.created == found.modified == dt.datetime(2016, 7, 22, 12, 0, 0)
    assert found.letter_label == "Letter of 22 July 2016"
    assert len(found.title) > facts.MAX_WORD_TITLE
    assert found.word_title.endswith("refugees and…")
    assert len(found.word_title) <= facts.MAX_WORD_TITLE


def test_source_date_epoch_is_the_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert facts.moment(dt.date(2016, 7, 22)) == dt.datetime(2023, 11, 14, 22, 13, 20)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")  # set but empty: as if unset
    assert facts.moment(dt.date(2016, 7, 22)) == dt.datetime(2016, 7, 22, 12, 0, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819199")
    assert facts.moment(dt.date(2016, 7, 22)) == dt.datetime(2107, 12, 31, 23, 59, 59)


def test_the_title_in_metadata_is_without_markup() -> None:
    hearing = loading.load(SEED_CONTENT)
    summary = hearing.summary.replace(title="On *Our Common Agenda*\nand more")
    marked = hearing.replace(summary=summary)
    assert facts.derive(marked, DEFAULT_SET).title == "On Our Common Agenda and more"
