"""A catalogue of bad and hostile input: every case gets one clear line and writes nothing.

Each case is a content file given to ``hearing-docs build``: a file in
tests/fixtures/bad/ (named after what is wrong with it), or one made by the
test where a file cannot be kept in git (a folder, a pipe, a locked file, a
file over the size limit). Every case must exit 1 with exactly the expected
``Error:`` line on standard error, no traceback, nothing on standard output,
and no output file.

The cases are built from one small valid hearing (the base below); the
fixtures differ from it in one place each.
"""

from __future__ import annotations

import ctypes
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from PIL import Image

from hearing_docs.cli import main
from hearing_docs.content.dates import DATE_FORMS
from hearing_docs.output.manifest import NAME as MANIFEST
from support import FIXTURES, base_text

BAD = FIXTURES / "bad"
FULL_WIDTH_MONTH = "\uff12\uff10\uff11\uff16-\uff10\uff17"  # 2016-07 in full-width digits
NOT_XML = "a control character that a document cannot hold"
YAML_SYNTAX = "YAML syntax error"
ALIAS = "YAML aliases (*name) are not allowed in content; write it out"
RELATIVE = "must be a path relative to the content file, inside its folder"
SIGNATURE = "letter.signatory.signature"
NOT_HERE = (
    "has a footnote (^[...]): footnotes are allowed only in the summary's paragraphs and "
    "list items (write \\^[ to print ^[ as text)"
)

# File in tests/fixtures/bad/ -> what `hearing-docs build FILE` run in a copy of that folder
# says after "Error: FILE:": line and column (none for a file that has no lines), field and
# message. {dir} is the absolute path of the copy.
FIXTURE_CASES: dict[str, str] = {
    # YAML syntax, of several kinds
    "syntax-unclosed-quote.yaml": f'3:15: {YAML_SYNTAX}: the quote (") opened here is not '
    'closed on its line (YAML read on to line 21); end the text with "',
    "syntax-unclosed-quote-runs-on.yaml": f'3:15: {YAML_SYNTAX}: the quote (") opened here '
    'is not closed on its line (YAML read on to line 10); end the text with "',
    "syntax-bad-indent.yaml": f"3:2: {YAML_SYNTAX}: expected <block end>, but found "
    "'<block mapping start>' (while parsing a block mapping)",
    "syntax-unclosed-bracket.yaml": f"16:11: {YAML_SYNTAX}: expected ',' or ']', but got ':' "
    "(while parsing a flow sequence)",
    "syntax-unclosed-block.yaml": f"18:5: {YAML_SYNTAX}: expected the node content, "
    "but found '-' (while parsing a flow node)",
    "syntax-colon-in-text.yaml": f"6:16: {YAML_SYNTAX}: mapping values are not allowed here; "
    "text holding ': ' must be put in quotes, the whole value",
    "syntax-tab-indent.yaml": f"3:1: {YAML_SYNTAX}: a tab character: YAML indents with spaces only",
    "syntax-two-documents.yaml": f"12:1: {YAML_SYNTAX}: but found another document "
    "(expected a single document in the stream)",
    "syntax-undefined-alias.yaml": f"11:7: {YAML_SYNTAX}: found undefined alias 'city'",
    # duplicate keys: PyYAML would let the second value win in silence
    "duplicate-key.yaml": "6:3: letter.salutation: duplicate key: "
    "'salutation' is already given on line 3",
    "duplicate-key-nested.yaml": "15:3: summary.date: duplicate key: "
    "'date' is already given on line 14",
    # wrong types
    "type-number-as-text.yaml": "8:11: letter.signatory.name: expected text, "
    "got a number (1945); put it in quotes if it is text",
    "type-yes-as-text.yaml": "3:15: letter.salutation: expected text, got true/false ('true'); "
    "put it in quotes if it is text",
    "type-number-too-long.yaml": f"3:15: letter.salutation: '{'9' * 40}…' "
    "cannot be read; put it in quotes if it is text",
    "type-list-as-text.yaml": "13:10: summary.title: expected text, got a list; "
    "put it in quotes if it is text",
    "type-text-as-list.yaml": "4:9: letter.body: expected a list (lines starting with '- '), "
    "got 'Please find attached the summary from th…'",
    "type-text-block-as-list.yaml": "4:9: letter.body: expected a list (lines starting with "
    "'- '), got 'Please find attached\\nthe summary.\\n'",
    "type-fields-as-list.yaml": "16:5: summary.venue: expected a list "
    "(lines starting with '- '), got a group of fields",
    "type-text-as-fields.yaml": "7:14: letter.signatory: expected a group of fields "
    "(key: value), got 'Mogens Lykketoft'",
    "letter-body-with-bullets.yaml": "5:7: letter.body[0]: expected a paragraph of text, got "
    "a group of fields: write a list as '- bullets:' or '- numbers:' with its items under it, "
    "and the words that introduce it as a paragraph of their own",
    "list-bullets-and-numbers.yaml": "7:16: letter.body[1].bullets: a list has bullets or "
    "numbers, not both",
    "list-numbers-misspelt.yaml": "6:7: letter.body[1].numbres: unknown field 'numbres'; "
    "did you mean 'numbers'? (and 1 more problem)",
    "list-numbers-empty.yaml": "6:16: letter.body[1].numbers: must have at least one entry",
    "type-date-as-words.yaml": "2:9: letter.date: '22 July 2016' is not a date: "
    "write it as YYYY-MM-DD, e.g. 2016-07-22",
    "type-nothing.yaml": "6:11: letter.closing: expected text, got nothing; "
    "put it in quotes if it is text",
    "type-top-level-list.yaml": "1:1: the file must be a group of fields (key: value), not a list",
    "type-top-level-text.yaml": "1:1: the file must be a group of fields (key: value), "
    "not 'Summary of the hearing'",
    # missing, unknown and empty fields
    "missing-field.yaml": "1:1: letter.closing: required field is missing",
    "missing-letter-and-summary.yaml": "1:1: letter: required field is missing "
    "(a letter, a summary or both)",
    "signatory-missing.yaml": "1:1: letter.signatory: required field is missing "
    "(or signatories, for several side by side)",
    "signatory-and-signatories.yaml": "10:5: letter.signatories: give either signatory (one) "
    "or signatories (several), not both",
    "signatories-only-one.yaml": "8:5: letter.signatories: must have at least 2 entries",
    "signatory-title-misspelt.yaml": "9:5: letter.signatory.titel: unknown field 'titel'; "
    "did you mean 'title'?",
    "signatory-title-number.yaml": "9:24: letter.signatory.title[1]: expected text, "
    "got a number (70); put it in quotes if it is text",
    "section-heading-misspelt.yaml": "18:7: summary.sections[0].headng: unknown field 'headng'; "
    "did you mean 'heading'?",
    "section-heading-empty.yaml": "18:16: summary.sections[0].heading: is empty",
    "enclosures-zero.yaml": "9:15: letter.enclosures: a number (0) is too small: "
    "give a number of at least 1",
    "enclosures-not-whole.yaml": "9:15: letter.enclosures: expected a whole number, "
    "got a number (1.5)",
    "marking-misspelt.yaml": "3:12: letter.marking: 'confidental' is not one of the choices; "
    "did you mean 'confidential'?",
    "copies-empty.yaml": "9:11: letter.copies: must have at least one entry",
    "kind-unknown.yaml": "1:7: kind: 'hearings' is not one of the choices; did you mean 'hearing'?",
    "unknown-field.yaml": "6:3: letter.closng: unknown field 'closng'; did you mean 'closing'? "
    "(and 1 more problem)",
    "unknown-field-with-line-break.yaml": "6:3: letter.clo\\nsing: unknown field 'clo\\nsing'; "
    "did you mean 'closing'? (and 1 more problem)",
    "unknown-top-level-field.yaml": "1:1: titel: unknown field 'titel'; "
    "expected one of: template, language, kind, letter, summary",
    "key-capitalised-top-level.yaml": "1:1: Summary: unknown field 'Summary'; "
    "did you mean 'summary'?",
    "key-capitalised-nested.yaml": "3:3: letter.Salutation: unknown field 'Salutation'; "
    "did you mean 'salutation'? (and 1 more problem)",
    "paragraph-list-with-unknown-key.yaml": "21:11: summary.sections[0].paragraphs[0].Note: "
    "unknown field 'Note'; expected one of: bullets, numbers",
    "name-over-255-characters.yaml": "8:11: letter.signatory.name: is 315 characters long; "
    "a name holds at most 255 characters (the longest author a Word file can carry)",
    "empty-list.yaml": "15:10: summary.venue: must have at least one entry",
    "empty-text.yaml": "3:15: letter.salutation: is empty",
    "template-path.yaml": "1:11: template: '../../etc' is not a template set name "
    "(letters, digits, '.', '_', '-')",
    "template-with-a-line-break.yaml": "1:11: template: 'un-pga\\n' is not a template set "
    "name (letters, digits, '.', '_', '-')",
    "language-not-a-tag.yaml": "1:11: language: 'English' is not a language tag "
    "such as en, fr or es-MX",
    "language-unknown.yaml": "1:11: language: 'zz' is not a language Babel knows, so dates "
    "cannot be written in it; use a tag such as en, fr or es-MX",
    # impossible dates
    "date-february-30.yaml": "14:9: summary.date: '2016-02-30' is not a date that exists",
    "date-month-13.yaml": "2:9: letter.date: '2016-13-22' is not a date that exists",
    # event dates: several days, a range, a month; never Python's repr of a date or a list
    "date-days-out-of-order.yaml": "14:9: summary.date: the days must be different and in "
    "order: 2014-09-11 cannot follow 2014-09-12",
    "date-days-not-a-day.yaml": "16:7: summary.date[1]: '12 September 2014' is not a date: "
    "write it as YYYY-MM-DD, e.g. 2016-07-22",
    "date-range-backwards.yaml": "14:32: summary.date.to: 2016-06-08 must come after from "
    "(2016-06-10)",
    "date-range-unknown-field.yaml": "16:5: summary.date.till: unknown field 'till'; "
    "expected one of: from, to (and 1 more problem)",
    "date-number.yaml": f"14:9: summary.date: expected a date, got a number (2016): {DATE_FORMS}",
    "date-month-impossible.yaml": f"14:9: summary.date: '2016-13' is not a date: {DATE_FORMS}",
    # Full-width digits: a month is written in ASCII digits, as ISO 8601 and HTML write it.
    "date-month-in-other-digits.yaml": f"14:9: summary.date: '{FULL_WIDTH_MONTH}' is not a date: "
    f"{DATE_FORMS}",
    "date-month-with-a-line-break.yaml": f"14:9: summary.date: '2016-07\\n' is not a date: "
    f"{DATE_FORMS}",
    # footnotes: left open, empty, inside another, or where the layout has no room for them
    "footnote-empty.yaml": "20:11: summary.sections[0].paragraphs[0]: has an empty footnote "
    "'^[]': write the note's text between the brackets",
    "footnote-empty-in-a-bullet.yaml": "22:15: summary.sections[0].paragraphs[1].bullets[0]: "
    "has an empty footnote '^[]': write the note's text between the brackets",
    "footnote-unclosed.yaml": "20:11: summary.sections[0].paragraphs[0]: has a footnote '^[' "
    "that is not closed: end the note with ']' (or write \\^[ to print ^[ as text)",
    "footnote-in-a-note.yaml": "20:11: summary.sections[0].paragraphs[0]: has a footnote "
    "inside a footnote: a note cannot hold another",
    "footnote-in-a-heading.yaml": f"18:16: summary.sections[0].heading: {NOT_HERE}",
    "footnote-in-the-letter.yaml": f"5:7: letter.body[0]: {NOT_HERE}",
    # empty, binary and wrongly encoded files
    "empty.yaml": "1:1: the file is empty: it must describe a hearing",
    "only-comments.yaml": "1:1: the file is empty: it must describe a hearing",
    "binary-png.yaml": " is a binary file (it holds NUL bytes), not YAML text",
    "encoding-latin-1.yaml": "8:31: is not UTF-8 text (byte 0xe9); save it as UTF-8",
    "encoding-windows-1252-quotes.yaml": "5:7: is not UTF-8 text (byte 0x93); save it as UTF-8",
    "encoding-utf-16.yaml": " is UTF-16 or UTF-32 text (it starts with a byte order mark); "
    "save it as UTF-8",
    # aliases (billion laughs) and tags that would construct objects
    "alias-billion-laughs.yaml": f"9:19: letter.addressees[0]: {ALIAS} (and 37 more problems)",
    "alias-shared-text.yaml": f"16:7: summary.venue[0]: {ALIAS}",
    "tag-python-object.yaml": "6:12: letter.closing: YAML tag "
    "tag:yaml.org,2002:python/object/apply:os.system is not allowed; content is plain text",
    "tag-custom-include.yaml": "13:10: summary.title: YAML tag !include is not allowed; "
    "content is plain text",
    "tag-binary.yaml": "8:11: letter.signatory.name: YAML tag tag:yaml.org,2002:binary "
    "is not allowed; content is plain text",
    "tag-set.yaml": "15:10: summary.venue: YAML tag tag:yaml.org,2002:set is not allowed; "
    "content is plain text",
    "merge-key.yaml": "8:5: letter.signatory: keys must be plain names (and 1 more problem)",
    "complex-key.yaml": "6:5: letter: keys must be plain names",
    # control characters, raw (refused by the YAML reader) and escaped (refused by the model)
    "control-raw-bell.yaml": "3:27: U+0007 is a control character that YAML and documents "
    "cannot hold; remove it",
    "control-raw-c1.yaml": "18:24: U+009B is a control character that YAML and documents "
    "cannot hold; remove it",
    "control-escaped-escape.yaml": f"3:15: letter.salutation: contains U+001B, {NOT_XML}",
    "control-escaped-nul.yaml": f"13:10: summary.title: contains U+0000, {NOT_XML}",
    "control-form-feed.yaml": f"20:11: summary.sections[0].paragraphs[0]: "
    f"contains U+000C, {NOT_XML}",
    "control-in-a-bullet.yaml": "22:15: summary.sections[0].paragraphs[1].bullets[0]: "
    f"contains U+0007, {NOT_XML}",
    "control-noncharacter.yaml": f"11:7: letter.addressees[1]: contains U+FFFF, {NOT_XML}",
    "control-lone-surrogate.yaml": f"16:7: summary.venue[0]: contains U+D800, {NOT_XML}",
    # images: missing, not images, too large, or outside the content folder
    "image-missing.yaml": f"9:16: {SIGNATURE}: image 'signatures/nobody.png' not found in {{dir}}",
    "image-not-an-image.yaml": f"9:16: {SIGNATURE}: 'not-an-image.png' is not a PNG or JPEG image",
    "image-truncated.yaml": f"9:16: {SIGNATURE}: 'truncated.png' is not a PNG or JPEG image",
    "image-gif.yaml": f"9:16: {SIGNATURE}: image 'signature.gif' is GIF; use PNG or JPEG",
    "image-too-many-pixels.yaml": f"9:16: {SIGNATURE}: image 'huge.png' is 8000x6000 pixels; "
    "the limit is 40 megapixels",
    "image-16-bit-grey.yaml": f"9:16: {SIGNATURE}: image 'signature-16-bit.png' has I;16 "
    "pixels, which the PDF cannot draw; save it as an 8-bit PNG",
    "image-jpeg-without-jfif.yaml": f"9:16: {SIGNATURE}: image 'signature-cmyk.jpg' is a JPEG "
    "without a JFIF or Exif header (as CMYK exports write), which the Word file cannot hold; "
    "save it again as PNG",
    "image-folder.yaml": f"9:16: {SIGNATURE}: '.' is not a file; name a PNG or JPEG image",
    "image-parent-path.yaml": f"9:16: {SIGNATURE}: {RELATIVE}",
    "image-absolute-path.yaml": f"9:16: {SIGNATURE}: {RELATIVE}",
    "image-file-url.yaml": f"9:16: {SIGNATURE}: {RELATIVE}",
    "image-http-url.yaml": f"9:16: {SIGNATURE}: {RELATIVE}",
    "image-windows-path.yaml": f"9:16: {SIGNATURE}: {RELATIVE}",
}


def _base() -> str:
    """The valid hearing every case starts from."""
    return base_text()


def _with_signature(work: Path, image: str) -> str:
    path = work / "hearing.yaml"
    path.write_text(
        _base().replace(
            "    name: Mogens Lykketoft\n",
            f"    name: Mogens Lykketoft\n    signature: {image}\n    signature_alt: A signature\n",
        ),
        encoding="utf-8",
    )
    return path.name


def _folder(work: Path) -> str:
    (work / "folder.yaml").mkdir()
    return "folder.yaml"


def _locked(work: Path) -> str:
    path = work / "locked.yaml"
    path.write_text(_base(), encoding="utf-8")
    path.chmod(0)
    return path.name


def _too_big(work: Path) -> str:
    path = work / "huge.yaml"
    # A valid start, then comments up to just over 5 MB: the size alone refuses it.
    path.write_text(_base() + ("# " + "x" * 98 + "\n") * 52_500, encoding="utf-8")
    return path.name


def _long_paragraph(work: Path) -> str:
    path = work / "long.yaml"
    words = "the hearing was attended by representatives of civil society "
    paragraph = (words * (200_000 // len(words) + 1))[:200_000]
    old = "        - The hearing was attended by about 300 representatives."
    path.write_text(_base().replace(old, f"        - {paragraph}"), encoding="utf-8")
    return path.name


def _deep(work: Path) -> str:
    path = work / "deep.yaml"
    # PyYAML parses nesting recursively: this would end in a RecursionError.
    path.write_text("letter:\n  body: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return path.name


def _line_break_in_name(work: Path) -> str:
    path = work / "two\nlines.yaml"
    path.write_text("letter: [\n", encoding="utf-8")
    return path.name


def _pipe(work: Path) -> str:
    os.mkfifo(work / "pipe.yaml")
    return "pipe.yaml"


def _big_image(work: Path) -> str:
    picture = io.BytesIO()
    Image.new("RGB", (10, 10)).save(picture, "PNG")
    # A valid PNG followed by 10 MB of padding: refused on size before it is decoded.
    (work / "big.png").write_bytes(picture.getvalue() + b"\0" * (10 * 1024 * 1024))
    return _with_signature(work, "big.png")


def _symlink_out(work: Path) -> str:
    (work / "escape.png").symlink_to("/etc/passwd")
    return _with_signature(work, "escape.png")


def _symlink_folder_out(work: Path) -> str:
    (work / "linked").symlink_to("/etc")
    return _with_signature(work, "linked/passwd")


def _with_character(code: int) -> Callable[[Path], str]:
    """A letter paragraph holding the character ``code``, as written in the file."""

    def make(work: Path) -> str:
        path = work / "hearing.yaml"
        old = "    - Please find attached the summary from the hearing."
        path.write_text(_base().replace(old, old.replace("find", f"find{chr(code)}")))
        return path.name

    return make


def _picture_of(size: tuple[int, int]) -> Callable[[Path], str]:
    def make(work: Path) -> str:
        Image.new("L", size, 255).save(work / "shape.png")
        return _with_signature(work, "shape.png")

    return make


def _no_glyph(code: int, fonts: str = "Times New Roman, Liberation Serif") -> str:
    return (
        f"hearing.yaml:5:18: letter.body[0]: character '{chr(code)}' (U+{code:04X}) has no "
        f"glyph in {fonts}"
    )


def _shape(width: int, height: int) -> str:
    return (
        f"hearing.yaml:9:16: {SIGNATURE}: image 'shape.png' is {width}x{height} pixels: one "
        "side is more than 20 times the other, which no signature or emblem is; crop it"
    )


@dataclass(frozen=True)
class Made:
    """A case made by the test: the file given, and the expected line."""

    make: Callable[[Path], str]
    expected: str
    drop_root: bool = False
    """Run without root's power to read any file (the locked-file case)."""


MADE_CASES: dict[str, Made] = {
    "missing-file": Made(lambda _: "nowhere.yaml", "nowhere.yaml: no such file"),
    "folder": Made(_folder, "folder.yaml: is a folder, not a file: give the path of a .yaml file"),
    "device": Made(
        lambda _: "/dev/zero",
        "/dev/zero: is not a regular file (a device or a pipe): give a .yaml file",
    ),
    "pipe": Made(_pipe, "pipe.yaml: is not a regular file (a device or a pipe): give a .yaml file"),
    "no-read-permission": Made(
        _locked, "locked.yaml: permission denied: the file cannot be read", drop_root=True
    ),
    "over-5-mb": Made(_too_big, "huge.yaml: file is 5.1 MB; the limit is 5 MB"),
    "paragraph-of-200000-characters": Made(
        _long_paragraph,
        "long.yaml:20:11: summary.sections[0].paragraphs[0]: is 200,000 characters long; "
        "the limit is 20,000 characters (about five pages) for one paragraph: "
        "split it into paragraphs",
    ),
    "nested-100000-deep": Made(
        _deep, "deep.yaml:2: lists and groups are nested too deeply (the limit is 20 levels)"
    ),
    "file-name-with-a-line-break": Made(
        _line_break_in_name,
        "two\\nlines.yaml:2:1: YAML syntax error: expected the node content, but found "
        "'<stream end>' (while parsing a flow node)",
    ),
    "image-over-10-mb": Made(
        _big_image, f"hearing.yaml:9:16: {SIGNATURE}: image 'big.png' is over 10 MB"
    ),
    "image-symlink-out": Made(
        _symlink_out,
        f"hearing.yaml:9:16: {SIGNATURE}: 'escape.png' is outside {{dir}}; "
        "keep images beside the content",
    ),
    # characters that are drawn, though they are format characters or spaces: the fonts
    # must have them, or WeasyPrint draws a box (or borrows a font the theme does not name)
    **{
        f"character-u{code:04x}-drawn-without-a-glyph": Made(_with_character(code), _no_glyph(code))
        for code in (0x110BD, 0x110CD, 0xFFF9, 0xFFFB, 0x1680)
    },
    # Arabic format characters are looked for in the Arabic face (U+0600 and U+06DD are
    # in Amiri and pass; U+0890 and U+08E2 are not); a full-width space (U+3000) is in
    # Noto Serif CJK and passes.
    **{
        f"character-u{code:04x}-drawn-without-a-glyph": Made(
            _with_character(code), _no_glyph(code, "Amiri")
        )
        for code in (0x0890, 0x08E2)
    },
    "image-40000x1-pixels": Made(_picture_of((40000, 1)), _shape(40000, 1)),
    "image-1x3000-pixels": Made(_picture_of((1, 3000)), _shape(1, 3000)),
    "image-in-symlinked-folder-out": Made(
        _symlink_folder_out,
        f"hearing.yaml:9:16: {SIGNATURE}: 'linked/passwd' is outside {{dir}}; "
        "keep images beside the content",
    ),
}

CASES = [*FIXTURE_CASES, *MADE_CASES]


def test_the_catalogue_is_large_and_every_fixture_is_in_it() -> None:
    assert len(CASES) >= 40
    fixtures = {path.name for path in BAD.glob("*.yaml")}
    assert fixtures == set(FIXTURE_CASES)


@pytest.mark.slow
def test_the_base_of_the_catalogue_builds(tmp_path: Path) -> None:
    """So that each case fails for its own defect, not for one they share."""
    content = tmp_path / "base.yaml"
    content.write_text(_base(), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        MANIFEST,
        "base.docx",
        "base.html",
        "base.pdf",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_bad_input_gets_one_clear_line_and_writes_nothing(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    shutil.copytree(BAD, work)
    monkeypatch.chdir(work)
    made = MADE_CASES.get(case)
    if made is None:
        given, expected = case, f"{case}:{FIXTURE_CASES[case]}"
    else:
        given, expected = made.make(work), made.expected
    if made is not None and made.drop_root:
        code, stdout, stderr = run_unprivileged(given)
    else:
        result = CliRunner().invoke(main, ["build", given, "-o", "out"])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    assert stderr == f"Error: {expected.format(dir=work)}\n"
    assert code == 1
    assert stdout == ""
    assert "Traceback" not in stderr
    assert not (work / "out").exists()
    if made is None or not made.drop_root:
        # check refuses it too, with the same problem among the ones it lists
        checked = CliRunner().invoke(main, ["check", given])
        assert checked.exit_code == 1
        headline = expected.format(dir=work).split(" (and ")[0]
        assert f"Error: {headline}" in checked.stderr.splitlines()
        assert checked.stdout == ""


def run_unprivileged(given: str, *options: str) -> tuple[int, str, str]:
    """Build in a subprocess that cannot read what its user may not read, even as root.

    Root reads any file whatever its mode; dropping the two capabilities that allow
    it from the child's bounding set makes a mode-000 file unreadable to it too.
    """
    preexec = _drop_file_read_capabilities if os.geteuid() == 0 else None
    done = subprocess.run(
        [sys.executable, "-m", "hearing_docs", "build", given, "-o", "out", *options],
        capture_output=True,
        text=True,
        preexec_fn=preexec,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


def _drop_file_read_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for capability in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.mark.slow
def test_a_docx_failure_on_input_the_checks_let_through_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx.image.exceptions import UnrecognizedImageError

    from hearing_docs.word import builder

    def fail(*_: object) -> None:
        raise UnrecognizedImageError("no header")

    monkeypatch.setattr(builder, "_summary", fail)
    content = tmp_path / "base.yaml"
    content.write_text(_base(), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), "-o", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (1, "Error: DOCX: python-docx failed: no header\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_an_error_line_is_at_most_about_300_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library's message may quote a whole paragraph: the line is cut, not the terminal."""
    from docx.exceptions import PythonDocxError

    from hearing_docs.word import builder

    def fail(*_: object) -> None:
        raise PythonDocxError("exceeded the limit, got:\n\n'" + "His Excellency " * 1400 + "'")

    monkeypatch.setattr(builder, "_summary", fail)
    content = tmp_path / "base.yaml"
    content.write_text(_base(), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: DOCX: python-docx failed: exceeded the limit, got:\\n\\n'His")
    assert len(line) == len("Error: ") + 300 and line.endswith("…")


@pytest.mark.slow
def test_a_long_venue_line_builds_and_check_agrees(tmp_path: Path) -> None:
    """The venue lines are the Word file's keywords, which Word caps at 255 characters."""
    content = tmp_path / "base.yaml"
    venue = "Conference Room 4, " + "United Nations Headquarters, New York " * 10
    content.write_text(_base().replace("    - Conference Room 4", f"    - {venue}"))
    assert CliRunner().invoke(main, ["check", str(content)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", str(content), "-o", str(tmp_path), "-f", "docx"])
    assert result.exit_code == 0, result.output
    keywords = docx.Document(str(tmp_path / "base.docx")).core_properties.keywords
    assert len(keywords) <= 255 and keywords.endswith("…")


@pytest.mark.slow
def test_two_content_files_with_the_same_name_do_not_overwrite_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hearing.yaml and hearing.yml would both write out/hearing.*: the second is refused."""
    monkeypatch.chdir(tmp_path)
    Path("hearing.yaml").write_text(_base(), encoding="utf-8")
    Path("hearing.yml").write_text(_base().replace("Excellency,", "Excellencies,"))
    result = CliRunner().invoke(
        main, ["build", "hearing.yaml", "hearing.yml", "./hearing.yaml", "-o", "out", "-f", "html"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: hearing.yml: would write the same files (out/hearing.*) as hearing.yaml, "
        "which is built; rename one of them\n"
    )
    assert result.stdout == "wrote out/hearing.html\n"  # once, though given twice
    assert "Excellency," in Path("out/hearing.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_mistake_of_ours_in_the_word_writer_is_not_labelled_python_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hearing_docs.pipeline import BuildOptions, build
    from hearing_docs.word import builder

    def bug(*_: object) -> None:
        raise KeyError("a style we forgot")

    monkeypatch.setattr(builder, "_summary", bug)
    content = tmp_path / "base.yaml"
    content.write_text(_base(), encoding="utf-8")
    with pytest.raises(KeyError, match="a style we forgot"):
        build(content, tmp_path / "out", BuildOptions(formats=["docx"]))
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_weasyprint_failure_is_one_line_and_a_mistake_of_ours_is_not_labelled_weasyprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint

    from hearing_docs.pdf import writer
    from hearing_docs.pipeline import BuildOptions, build

    content = tmp_path / "base.yaml"
    content.write_text(_base(), encoding="utf-8")
    options = BuildOptions(formats=["pdf"])

    def bug(*_: object) -> None:
        raise KeyError("a metadata key we forgot")

    with monkeypatch.context() as patched:
        patched.setattr(writer, "_metadata", bug)
        with pytest.raises(KeyError, match="a metadata key we forgot"):
            build(content, tmp_path / "out", options)

    def engine_failure(*_: object, **__: object) -> None:
        raise RuntimeError("cannot lay out")

    monkeypatch.setattr(weasyprint.HTML, "render", engine_failure)
    result = CliRunner().invoke(main, ["build", str(content), "-o", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: PDF: WeasyPrint failed: cannot lay out\n",
    )
    assert not (tmp_path / "out").exists()
