"""--pdf-variant: PDF/A-3b for archives (with the content attached), PDF/UA-2, and both."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from support import SEED_CONTENT, require

pytestmark = pytest.mark.slow

STEM = SEED_CONTENT.stem


def build_pdf(variant: str, out: Path) -> pikepdf.Pdf:
    result = CliRunner().invoke(
        main,
        ["build", str(SEED_CONTENT), "-o", str(out), "-f", "pdf", "--pdf-variant", variant],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(f"{STEM}.pdf\n")
    qpdf = require("qpdf", "qpdf")
    check = subprocess.run([qpdf, "--check", str(out / f"{STEM}.pdf")], capture_output=True)
    assert check.returncode == 0, check.stdout.decode()
    return pikepdf.open(out / f"{STEM}.pdf")


@pytest.fixture(scope="module")
def archival_and_accessible(tmp_path_factory: pytest.TempPathFactory) -> pikepdf.Pdf:
    with build_pdf("pdf/a-3b+ua-1", tmp_path_factory.mktemp("a3b-ua1")) as pdf:
        yield pdf


def test_both_identifications_sit_in_one_xmp_description(
    archival_and_accessible: pikepdf.Pdf,
) -> None:
    xmp = archival_and_accessible.open_metadata()
    assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"], xmp["pdfuaid:part"]) == ("3", "B", "1")
    raw = archival_and_accessible.Root.Metadata.read_bytes().decode()
    assert raw.count("<rdf:RDF") == 1
    assert (
        '<rdf:Description rdf:about="" pdfaid:part="3" pdfaid:conformance="B" pdfuaid:part="1" />'
        in raw
    )


def test_archival_pdf_is_still_tagged(archival_and_accessible: pikepdf.Pdf) -> None:
    root = archival_and_accessible.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == "en"
    assert "/StructTreeRoot" in root
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert archival_and_accessible.pdf_version == "1.7"
    assert root.OutputIntents[0].S == "/GTS_PDFA1"


def test_content_file_is_attached_as_the_source(archival_and_accessible: pikepdf.Pdf) -> None:
    attachments = archival_and_accessible.attachments
    assert list(attachments) == [SEED_CONTENT.name]
    spec = attachments[SEED_CONTENT.name]
    assert spec.get_file().read_bytes() == SEED_CONTENT.read_bytes()
    assert spec.relationship == "/Source"
    assert spec.description == "Source of this document (hearing-docs content)"
    params = spec.obj.EF.F.Params
    # The letter's date, never the clock or the file's time stamps.
    assert (str(params.CreationDate), str(params.ModDate)) == ("D:20160722120000Z",) * 2
    assert {a.objgen for a in archival_and_accessible.Root.AF} == {spec.obj.objgen}


def test_pdf_a_3b_alone_claims_no_ua_but_keeps_the_tags(tmp_path: Path) -> None:
    with build_pdf("pdf/a-3b", tmp_path) as pdf:
        xmp = pdf.open_metadata()
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("3", "B")
        assert "pdfuaid:part" not in xmp
        assert pdf.Root.MarkInfo.Marked is True
        assert list(pdf.attachments) == [SEED_CONTENT.name]


def test_pdf_ua_2_is_pdf_2_0(tmp_path: Path) -> None:
    with build_pdf("pdf/ua-2", tmp_path) as pdf:
        assert pdf.pdf_version == "2.0"
        assert pdf.open_metadata()["pdfuaid:part"] == "2"
        assert pdf.Root.MarkInfo.Marked is True
        assert list(pdf.attachments) == []


def test_the_default_pdf_carries_no_attachment(seed_outputs: dict[str, Path]) -> None:
    with pikepdf.open(seed_outputs["pdf"]) as pdf:
        assert list(pdf.attachments) == []
        assert "/AF" not in pdf.Root


def test_an_unknown_variant_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(SEED_CONTENT), "-o", str(tmp_path), "--pdf-variant", "pdf/a-1b"]
    )
    assert result.exit_code == 2
    assert (
        "Invalid value for '--pdf-variant': 'pdf/a-1b' is not one of "
        "'pdf/ua-1', 'pdf/ua-2', 'pdf/a-3b', 'pdf/a-3b+ua-1'." in result.stderr
    )
    assert list(tmp_path.iterdir()) == []
