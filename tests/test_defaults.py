"""The defaults file: hearing-docs.yaml beside content files gives what they share.

A value in the content file wins; the letter and the summary merge field by
field; a problem is reported in the file that wrote the value, at its own
line and column, by ``check``, ``build`` and the API alike.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pikepdf
import pytest
from click.testing import CliRunner

import hearing_docs
from hearing_docs.cli import main
from hearing_docs.content.defaults import NAME
from support import SEED_CONTENT

DEFAULTS = """\
template: un-pga
language: en
letter:
  salutation: "Excellency,"
  closing: Please accept, Excellency, the assurances of my highest consideration.
  signatory:
    name: Sam Kutesa
    title: President of the sixty-ninth session of the General Assembly
    signature: signature.png
    signature_alt: Signature of Sam Kutesa
  addressees:
    - To all Permanent Representatives
    - And Permanent Observers to the United Nations
    - New York
"""

HEARING = """\
letter:
  date: 2014-09-04
  body:
    - I have the honour to invite you to an informal meeting.
"""


def folder_with(tmp_path: Path, defaults: str = DEFAULTS, hearing: str = HEARING) -> Path:
    """A folder holding a defaults file, a signature image and ``hearing.yaml``; its path."""
    folder = tmp_path / "session"
    folder.mkdir()
    (folder / NAME).write_text(defaults, encoding="utf-8")
    signature = SEED_CONTENT.parent / "signatures" / "mogens-lykketoft.png"
    (folder / "signature.png").write_bytes(signature.read_bytes())
    content = folder / "hearing.yaml"
    content.write_text(hearing, encoding="utf-8")
    return content


def lines(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_a_content_file_takes_what_it_does_not_give_from_the_defaults(tmp_path: Path):
    hearing = hearing_docs.load(folder_with(tmp_path))
    letter = hearing.letter
    assert (hearing.template, hearing.language) == ("un-pga", "en")
    assert letter.salutation == "Excellency,"
    assert letter.closing.startswith("Please accept, Excellency")
    assert letter.signatory.name == "Sam Kutesa"
    assert letter.signatory.title == [
        "President of the sixty-ninth session of the General Assembly"
    ]
    assert letter.signatory.signature == "signature.png"
    assert letter.addressees[-1] == "New York"
    assert letter.body == ["I have the honour to invite you to an informal meeting."]
    assert hearing.summary is None  # the defaults give no part the content file lacks


def test_a_value_in_the_content_file_wins_whole(tmp_path: Path):
    own = textwrap.dedent("""\
        language: fr
        letter:
          date: 2014-09-04
          body: [Veuillez trouver ci-joint le programme.]
          closing: Please accept the assurances of my highest consideration.
          signatory:
            name: Ana Cuadra
          addressees: [To all Permanent Representatives]
        """)
    hearing = hearing_docs.load(folder_with(tmp_path, hearing=own))
    letter = hearing.letter
    assert hearing.language == "fr"
    assert letter.closing == "Please accept the assurances of my highest consideration."
    # Another signatory is another person: none of the default's title or signature.
    assert (letter.signatory.name, letter.signatory.title) == ("Ana Cuadra", None)
    assert letter.signatory.signature is None
    assert letter.addressees == ["To all Permanent Representatives"]  # a list replaces
    assert letter.salutation == "Excellency,"  # still the default


def test_signatories_in_the_content_file_leave_the_default_signatory_aside(tmp_path: Path):
    own = HEARING + "  signatories:\n    - name: Ana Cuadra\n    - name: Ib Petersen\n"
    letter = hearing_docs.load(folder_with(tmp_path, hearing=own)).letter
    assert letter.signatory is None
    assert [s.name for s in letter.signatories] == ["Ana Cuadra", "Ib Petersen"]


def test_a_summary_alone_takes_no_letter_from_the_defaults(tmp_path: Path):
    summary = textwrap.dedent("""\
        summary:
          title: Summary of the informal meeting
          date: 2014-09
          sections:
            - paragraphs: [The meeting was held in two parts.]
        """)
    hearing = hearing_docs.load(folder_with(tmp_path, hearing=summary))
    assert hearing.letter is None
    assert hearing.summary.title == "Summary of the informal meeting"


def test_a_folder_without_a_defaults_file_is_as_before(tmp_path: Path):
    content = folder_with(tmp_path)
    (content.parent / NAME).unlink()
    found = lines(hearing_docs.check(content))
    assert f"{content}:1:1: letter.salutation: required field is missing" in found
    assert all(line.startswith(str(content)) for line in found)


# A mistake in either file, at its own place: (defaults file, content file, expected lines).
# {defaults} and {hearing} stand for the two files' paths.
MISTAKES = {
    "unknown field in the defaults": (
        DEFAULTS.replace("  closing:", "  closng:"),
        HEARING,
        [
            "{defaults}:5:3: letter.closng: unknown field 'closng'; did you mean 'closing'?",
        ],
    ),
    "unknown field in a part the content file lacks": (
        DEFAULTS + "summary:\n  venu: [Conference Room 4]\n",
        HEARING,
        ["{defaults}:16:3: summary.venu: unknown field 'venu'; did you mean 'venue'?"],
    ),
    "unknown field at the top of the defaults": (
        "languag: fr\n" + DEFAULTS,
        HEARING,
        ["{defaults}:1:1: languag: unknown field 'languag'; did you mean 'language'?"],
    ),
    "a bad value in the defaults": (
        DEFAULTS.replace('salutation: "Excellency,"', 'salutation: ""'),
        HEARING,
        ["{defaults}:4:15: letter.salutation: is empty"],
    ),
    "a field missing from a default group": (
        DEFAULTS.replace("    name: Sam Kutesa\n", ""),
        HEARING,
        ["{defaults}:6:3: letter.signatory.name: required field is missing"],
    ),
    "a bad value in a part the content file lacks": (
        DEFAULTS + "summary:\n  venue: []\n  label: 2014\n",
        HEARING,
        [
            "{defaults}:16:10: summary.venue: must have at least one entry",
            "{defaults}:17:10: summary.label: expected text, got a number (2014); "
            "put it in quotes if it is text",
        ],
    ),
    "both signatory and signatories in the defaults": (
        DEFAULTS + "  signatories: [{name: A}, {name: B}]\n",
        HEARING,
        [
            "{defaults}:15:16: letter.signatories: give either signatory (one) or "
            "signatories (several), not both",
        ],
    ),
    "an impossible date in the defaults": (
        DEFAULTS + "summary:\n  date: 2014-02-30\n",
        HEARING,
        ["{defaults}:16:9: summary.date: '2014-02-30' is not a date that exists"],
    ),
    "a mistake in each file": (
        DEFAULTS.replace("  addressees:", "  adressees:"),
        HEARING.replace("  body:", "  bdy:"),
        [
            "{hearing}:3:3: letter.bdy: unknown field 'bdy'; did you mean 'body'?",
            "{hearing}:1:1: letter.body: required field is missing",
            "{defaults}:11:3: letter.adressees: unknown field 'adressees'; "
            "did you mean 'addressees'?",
        ],
    ),
    "a letter in the defaults that is a list": (
        "letter:\n  - salutation: x\n",
        HEARING,
        ["{defaults}:2:3: letter: expected a group of fields (key: value), got a list"],
    ),
    "a letter in the defaults that is text": (
        "letter: Dear\n",
        HEARING,
        ["{defaults}:1:9: letter: expected a group of fields (key: value), got 'Dear'"],
    ),
    "the content file's own mistake": (
        DEFAULTS,
        HEARING.replace("2014-09-04", "2014-09-31"),
        ["{hearing}:2:9: letter.date: '2014-09-31' is not a date that exists"],
    ),
}


@pytest.mark.parametrize(("defaults", "hearing", "expected"), MISTAKES.values(), ids=list(MISTAKES))
def test_every_problem_is_reported_in_the_file_that_holds_it(
    tmp_path: Path, defaults: str, hearing: str, expected: list[str]
):
    content = folder_with(tmp_path, defaults, hearing)
    places = {"defaults": content.parent / NAME, "hearing": content}
    found = lines(hearing_docs.check(content))
    wanted = [line.format(**places) for line in expected]
    assert set(wanted) <= set(found), found
    # The content file's problems first, then the defaults file's.
    files = [line.startswith(str(places["defaults"])) for line in found]
    assert files == sorted(files), found


def test_the_command_line_gives_the_defaults_files_line(tmp_path: Path, monkeypatch):
    content = folder_with(tmp_path, DEFAULTS.replace("  closing:", "  closng:"))
    monkeypatch.chdir(content.parent)
    out = tmp_path / "out"
    line = f"Error: {NAME}:5:3: letter.closng: unknown field 'closng'; did you mean 'closing'?"
    checked = CliRunner().invoke(main, ["check", "hearing.yaml"])
    assert checked.exit_code == 1
    assert line in checked.stderr.splitlines()  # with the field it leaves missing
    built = CliRunner().invoke(main, ["build", "hearing.yaml", "-o", str(out)])
    assert built.exit_code == 1
    assert built.stderr.splitlines() == [f"{line} (and 1 more problem)"]
    assert "Traceback" not in checked.output + built.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('letter:\n  closing: "unclosed\n', ':2:12: YAML syntax error: the quote (") opened '),
        ("# nothing yet\n", ":1:1: the defaults file is empty: give the fields the hearings "),
        ("- a list\n", ":1:1: the defaults file must be a group of fields (key: value)"),
        (
            DEFAULTS.replace("letter:", "letter: &x") + "summary: *x\n",
            ":15:10: summary: YAML alias",
        ),
    ],
    ids=["syntax", "empty", "a list", "alias"],
)
def test_a_defaults_file_that_cannot_be_read_is_one_line_and_nothing_is_written(
    tmp_path: Path, text: str, expected: str
):
    content = folder_with(tmp_path, text)
    out = tmp_path / "out"
    with pytest.raises(hearing_docs.ContentError) as raised:
        hearing_docs.build(content, out)
    assert str(raised.value.headline()).startswith(f"{content.parent / NAME}{expected}")
    assert not out.exists()


def test_a_signature_in_the_defaults_is_found_beside_it_and_reported_there(tmp_path: Path):
    content = folder_with(tmp_path)
    assert hearing_docs.check(content) == []
    (content.parent / "signature.png").unlink()
    [problem] = hearing_docs.check(content)
    assert (Path(problem.file), problem.line, problem.column) == (content.parent / NAME, 9, 16)
    assert problem.field == "letter.signatory.signature"


def test_a_character_no_font_draws_is_reported_in_the_defaults_file(tmp_path: Path):
    content = folder_with(
        tmp_path, DEFAULTS.replace("name: Sam Kutesa", "name: Sam Kutesa \U0001d11e")
    )
    [problem] = hearing_docs.check(content)
    assert (Path(problem.file), problem.line, problem.column) == (content.parent / NAME, 7, 22)
    assert "U+1D11E" in problem.message


def test_a_template_set_named_in_the_defaults_is_reported_there(tmp_path: Path):
    content = folder_with(tmp_path, DEFAULTS.replace("template: un-pga", "template: un-pgb"))
    [problem] = hearing_docs.check(content)
    assert (Path(problem.file), problem.line) == (content.parent / NAME, 1)
    assert problem.field == "template"


def test_the_defaults_file_is_not_a_content_file(tmp_path: Path, monkeypatch):
    content = folder_with(tmp_path)
    monkeypatch.chdir(content.parent)
    result = CliRunner().invoke(main, ["check", NAME])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {NAME}: is the defaults file of its folder, not a ")
    # A folder stands for its content files: the defaults file is not one of them.
    result = CliRunner().invoke(main, ["check", "."])
    assert (result.exit_code, result.output.strip()) == (0, "ok hearing.yaml")


def test_build_with_no_files_named_builds_the_folders_of_content_that_hold_defaults(
    tmp_path: Path, monkeypatch
):
    content = folder_with(tmp_path)
    (tmp_path / "content").mkdir()
    content.parent.rename(tmp_path / "content" / "session")
    (tmp_path / "content" / "other").mkdir()  # no defaults file: not a folder of hearings
    (tmp_path / "content" / "other" / "x.yaml").write_text("not: content\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert (result.exit_code, result.output.strip()) == (0, "ok content/session/hearing.yaml")


@pytest.mark.slow
def test_import_into_leaves_the_defaults_in_the_defaults_file(tmp_path: Path):
    """What the editor did not change stays in the defaults file alone; an edited default
    goes into the content file, where it wins."""
    content = folder_with(tmp_path)
    (docx_file,) = hearing_docs.build(content, content.parent, formats=["docx"])
    document = docx.Document(str(docx_file))
    [salutation] = [p for p in document.paragraphs if p.text == "Excellency,"]
    for run in salutation.runs:
        run.text = run.text.replace("Excellency,", "Your Excellency,")
    document.save(str(docx_file))
    result = CliRunner().invoke(main, ["import", str(docx_file), "--into", str(content)])
    assert result.exit_code == 0, result.output
    assert content.read_text(encoding="utf-8") == HEARING.replace(
        "  body:", "  salutation: Your Excellency,\n  body:"
    )
    letter = hearing_docs.load(content).letter
    assert letter.salutation == "Your Excellency,"
    assert (letter.signatory.name, letter.signatory.signature) == ("Sam Kutesa", "signature.png")
    assert (content.parent / NAME).read_text(encoding="utf-8") == DEFAULTS


@pytest.mark.slow
def test_an_edited_default_signatory_keeps_its_signature(tmp_path: Path):
    """The editor changes the signatory's title line: the signatory goes into the content
    file with its new title, and keeps the signature image the DOCX does not carry back."""
    content = folder_with(tmp_path)
    (docx_file,) = hearing_docs.build(content, content.parent, formats=["docx"])
    document = docx.Document(str(docx_file))
    [title] = [p for p in document.paragraphs if p.text.startswith("President of the sixty")]
    title.runs[0].text = "President of the General Assembly"
    for run in title.runs[1:]:
        run.text = ""
    document.save(str(docx_file))
    result = CliRunner().invoke(main, ["import", str(docx_file), "--into", str(content)])
    assert result.exit_code == 0, result.output
    signatory = hearing_docs.load(content).letter.signatory
    assert signatory.title == ["President of the General Assembly"]
    assert (signatory.signature, signatory.signature_alt) == (
        "signature.png",
        "Signature of Sam Kutesa",
    )
    rebuilt = docx.Document(str(hearing_docs.build(content, content.parent, formats=["docx"])[0]))
    assert len(rebuilt.inline_shapes) == 1  # the signature is still drawn


@pytest.mark.slow
def test_a_default_deleted_in_word_is_set_aside_in_the_content_file(tmp_path: Path):
    """Copies given by the defaults file and deleted in Word: the content file says so
    (null), so the rebuilt letter has none, and the defaults file is untouched."""
    defaults = DEFAULTS + "  copies:\n    - The Secretary-General\n"
    content = folder_with(tmp_path, defaults)
    (docx_file,) = hearing_docs.build(content, content.parent, formats=["docx"])
    document = docx.Document(str(docx_file))
    for section in document.sections:
        footers = [section.first_page_footer, section.footer]
        for footer in (f for f in footers if not f.is_linked_to_previous):
            for paragraph in footer.paragraphs:
                if paragraph.style.name == "Copies":
                    paragraph._p.getparent().remove(paragraph._p)
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Copies":
            paragraph._p.getparent().remove(paragraph._p)
    document.save(str(docx_file))
    result = CliRunner().invoke(main, ["import", str(docx_file), "--into", str(content)])
    assert result.exit_code == 0, result.output
    assert hearing_docs.load(content).letter.copies is None
    assert (content.parent / NAME).read_text(encoding="utf-8") == defaults


@pytest.mark.slow
def test_an_archival_pdf_carries_the_defaults_file_beside_the_content_file(tmp_path: Path):
    content = folder_with(tmp_path)
    (pdf_file,) = hearing_docs.build(
        content, tmp_path / "out", formats=["pdf"], pdf_variant="pdf/a-3b+ua-1"
    )
    with pikepdf.open(pdf_file) as pdf:
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
        assert pdf.attachments[NAME].relationship == "/Source"
    assert attached == {"hearing.yaml": HEARING.encode(), NAME: DEFAULTS.encode()}
