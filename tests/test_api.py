"""The Python API (docs/api.md): load, check and build, their errors, and a cheap import."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import hearing_docs
from support import EXAMPLES, ROOT, SEED_CONTENT, seed_copy

DOC = ROOT / "docs" / "api.md"


@pytest.mark.slow
@pytest.mark.parametrize("content", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_loads_and_checks_clean(content: Path) -> None:
    hearing = hearing_docs.load(content)
    assert hearing.letter is not None or hearing.summary is not None
    assert hearing.letter is None or hearing.letter.body
    assert hearing.summary is None or hearing.summary.sections
    assert hearing_docs.check(str(content)) == []


def test_load_raises_a_content_error_whose_problems_say_where(tmp_path: Path) -> None:
    path = seed_copy(tmp_path, ('  salutation: "Excellency,"', '  salutaton: "Excellency,"'))
    with pytest.raises(hearing_docs.ContentError) as caught:
        hearing_docs.load(path)
    problems = caught.value.problems
    assert isinstance(caught.value, hearing_docs.HearingDocsError)
    unknown = next(p for p in problems if p.field == "letter.salutaton")
    line = path.read_text(encoding="utf-8").splitlines().index('  salutaton: "Excellency,"') + 1
    assert (unknown.line, unknown.column) == (line, 3)
    assert unknown.message == "unknown field 'salutaton'; did you mean 'salutation'?"
    assert Path(unknown.file).resolve() == path.resolve()


def test_check_returns_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    path = seed_copy(
        tmp_path,
        ("signatures/mogens-lykketoft.png", "missing.png"),
        ("date: 2016-07-22", "date: 2016-07-32"),
    )
    before = sorted(tmp_path.rglob("*"))
    problems = hearing_docs.check(path)
    assert [p.field for p in problems] == ["letter.date"]  # the content first, as build does
    assert problems[0].message.startswith("'2016-07-32' is not a date")
    fixed = seed_copy(tmp_path, ("signatures/mogens-lykketoft.png", "missing.png"), name="b.yaml")
    (problem,) = hearing_docs.check(fixed)
    assert problem.field == "letter.signatory.signature"
    assert "missing.png" in problem.message
    assert sorted(tmp_path.rglob("*")) == sorted([*before, fixed])


@pytest.mark.slow
def test_build_returns_the_paths_written_in_the_order_of_formats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = hearing_docs.build(SEED_CONTENT, out, formats=["html", "docx"])
    assert written == [out / f"{SEED_CONTENT.stem}.docx", out / f"{SEED_CONTENT.stem}.html"]
    assert all(path.stat().st_size > 0 for path in written)
    assert written.templates is None  # the packaged set, as it ships
    assert sorted(out.iterdir()) == sorted(written)


def test_build_refuses_what_it_cannot_do_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="formats: choose one or more of pdf, docx, html"):
        hearing_docs.build(SEED_CONTENT, tmp_path / "a", formats=["odt"])
    with pytest.raises(ValueError, match="pdf_variant: choose one of pdf/ua-1"):
        hearing_docs.build(SEED_CONTENT, tmp_path / "b", pdf_variant="pdf/x")
    bad = seed_copy(tmp_path, ('  salutation: "Excellency,"\n', ""))
    with pytest.raises(hearing_docs.ContentError, match=r"letter\.salutation: required field"):
        hearing_docs.build(bad, tmp_path / "c")
    assert not any((tmp_path / name).exists() for name in "abc")


def test_importing_the_package_imports_no_stage_no_engine_and_no_metadata_reader() -> None:
    code = (
        "import sys, hearing_docs\n"
        "heavy = ['hearing_docs.groups', 'weasyprint', 'docx', 'jinja2', 'yaml', 'babel',\n"
        "         'markdown_it', 'importlib.metadata', 'hearing_docs.pipeline']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
        "print(hearing_docs.__version__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, version = done.stdout.splitlines()
    assert loaded == ""
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", version)


@pytest.mark.slow
def test_a_docx_build_of_latin_text_imports_no_pdf_engine_and_no_unicode_regex(
    tmp_path: Path,
) -> None:
    """What a cold DOCX-only build pays for: the regex module is imported only for East
    Asian line breaks and for characters the fonts lack, Jinja and WeasyPrint only for
    HTML and PDF."""
    code = (
        "import sys, hearing_docs\n"
        f"hearing_docs.build({str(SEED_CONTENT)!r}, {str(tmp_path)!r}, formats=['docx'])\n"
        "print(' '.join(m for m in ('regex', 'weasyprint', 'jinja2') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
    assert (tmp_path / f"{SEED_CONTENT.stem}.docx").is_file()


def test_docs_api_describes_every_public_name() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `hearing_docs\.(\w+)", text, flags=re.MULTILINE))
    public = {name for name in hearing_docs.__all__ if name != "__version__"}
    assert documented == public


def test_up_to_date_names_what_a_build_with_the_manifest_would_skip(tmp_path: Path) -> None:
    content = seed_copy(tmp_path)
    out = tmp_path / "out"
    assert hearing_docs.up_to_date(content, out, ["html"]) is None  # never built
    built = hearing_docs.build(content, out, ["html"], manifest=True)
    found = hearing_docs.up_to_date(content, out, ["html"])
    assert found == built
    assert found.unchanged
    assert hearing_docs.up_to_date(content, out, ["html"], strict=True) is None  # other options
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("Excellency,", "Excellencies,", 1), encoding="utf-8")
    assert hearing_docs.up_to_date(content, out, ["html"]) is None  # changed
    assert sorted(out.iterdir()) == sorted([out / ".hearing-docs-manifest.json", *built])
