"""Property tests: any text that XML can hold builds and reads back in its place; any
text that XML cannot hold gets the one clear error.

The alphabet of the first property is what the default theme's fonts draw
(Liberation Serif, regular and bold): printable ASCII, Latin-1 and Latin
Extended-A, Greek, Cyrillic and general punctuation, plus the whitespace YAML
and XML keep. Characters without a glyph are refused by a separate check of
their own (see docs/pdf.md), so they are left out here. Fields that read
``*``, ``_`` and ``\\`` as inline markup (see ``FIELDS``) get text without those
three; the salutation, the signatory, the addressees and the venue, printed as they
are, get them too.

Each example is a full build (about a second): the counts are kept small.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
import lxml.html
import pikepdf
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import support
from hearing_docs.cli import main
from hearing_docs.pipeline import BuildOptions, build
from support import SEED_CONTENT, base_text, require, spaced

pytestmark = pytest.mark.slow

# The catalogue's base hearing, with a signature (for its alt text) and a bulleted list.
BASE = base_text(
    (
        "    name: Mogens Lykketoft\n",
        "    name: Mogens Lykketoft\n"
        "    signature: signature.png\n"
        "    signature_alt: A signature\n",
    )
).replace(
    "        - The hearing was attended by about 300 representatives.\n",
    "        - The hearing was attended by about 300 representatives.\n"
    "        - bullets:\n"
    "            - Refugees were heard.\n",
)
SIGNATURE = SEED_CONTENT.parent / "signatures" / "mogens-lykketoft.png"
FONTS = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf")
SCRIPTS = [(0x20, 0x7E), (0xA0, 0x17F), (0x384, 0x3CE), (0x400, 0x45F), (0x2010, 0x205E)]
WHITESPACE = " \n\t\r"
MARKUP = "*_\\"
NOT_XML = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xD800, 0xDBFF, 0xDC00, 0xFFFE]
NOT_XML += [0xFFFF]


@dataclass(frozen=True)
class Field:
    """A text field of the base content: its YAML line, and the text there."""

    name: str
    line: str
    text: str
    markup: bool = False
    alt: bool = False
    """Alternative text of an image: read back from the image, not from the page."""

    @property
    def column(self) -> int:
        """Column (from 1) where the value starts on its line."""
        return self.line.index(self.text) + 1


# Markup fields: those whose text the HTML templates pass through the "inline" filter and
# the Word writer reads as markup (body, closing, title, heading, paragraphs, bullets).
FIELDS = [
    Field("letter.salutation", '  salutation: "Excellency,"', '"Excellency,"'),
    Field(
        "letter.body[0]",
        "    - Please find attached the summary from the hearing.",
        "Please find attached the summary from the hearing.",
        markup=True,
    ),
    Field(
        "letter.closing",
        "  closing: Please accept, Excellency, the assurances of my highest consideration.",
        "Please accept, Excellency, the assurances of my highest consideration.",
        markup=True,
    ),
    Field("letter.signatory.name", "    name: Mogens Lykketoft", "Mogens Lykketoft"),
    Field(
        "letter.addressees[0]",
        "    - To all Permanent Representatives",
        "To all Permanent Representatives",
    ),
    Field("summary.title", "  title: Summary of the hearing", "Summary of the hearing", True),
    Field("summary.venue[0]", "    - Conference Room 4", "Conference Room 4"),
    Field("summary.sections[0].heading", "    - heading: Overview", "Overview", True),
    Field(
        "summary.sections[0].paragraphs[0]",
        "        - The hearing was attended by about 300 representatives.",
        "The hearing was attended by about 300 representatives.",
        markup=True,
    ),
    Field(
        "summary.sections[0].paragraphs[1].bullets[0]",
        "            - Refugees were heard.",
        "Refugees were heard.",
        markup=True,
    ),
    Field(
        "letter.signatory.signature_alt",
        "    signature_alt: A signature",
        "A signature",
        alt=True,
    ),
]
# The texts of the base document in reading order (PDF and HTML), each field's among them.
READING_ORDER = [
    "22 July 2016",
    "Excellency,",
    FIELDS[1].text,
    FIELDS[2].text,
    "Mogens Lykketoft",
    "To all Permanent Representatives",
    "New York",
    "Summary of the hearing",
    "18 July 2016",
    "Conference Room 4",
    "Overview",
    FIELDS[8].text,
    FIELDS[9].text,
]
# The HTML holds the addressee block before the salutation: the PDF prints it as a footnote
# of page 1, at its foot, and a screen shows it after the signature.
ADDRESSEES = ["To all Permanent Representatives", "New York"]
HTML_ORDER = [
    READING_ORDER[0],
    *ADDRESSEES,
    *[text for text in READING_ORDER[1:] if text not in ADDRESSEES],
]


def neighbours(order: list[str], shown: str) -> tuple[str, str]:
    """The texts before and after ``shown`` in ``order``."""
    index = order.index(shown)
    return order[index - 1], order[index + 1] if index + 1 < len(order) else ""


@cache
def drawable() -> str:
    """Every character of ``SCRIPTS`` that all of ``FONTS`` draw, less controls and marks."""
    folder = Path("/usr/share/fonts/truetype/liberation2")
    if not folder.is_dir():
        require("fc-match", "fonts-liberation2")
    maps = [TTFont(folder / name).getBestCmap() for name in FONTS]
    return "".join(
        chr(code)
        for low, high in SCRIPTS
        for code in range(low, high + 1)
        if (all(code in cmap for cmap in maps) and unicodedata.category(chr(code))[0] in "LNPS")
        or chr(code) == " "
    )


def texts(markup: bool) -> st.SearchStrategy[str]:
    alphabet = "".join(c for c in drawable() if not (markup and c in MARKUP)) + WHITESPACE
    return st.text(alphabet=alphabet, min_size=1, max_size=30).filter(lambda t: t.strip())


@st.composite
def field_and_text(draw: st.DrawFn) -> tuple[Field, str]:
    field = draw(st.sampled_from(FIELDS))
    return field, draw(texts(field.markup))


def pdf_words(pdf: Path) -> str:
    """The words of every page as poppler finds them, in reading order.

    Word boxes rather than plain pdftotext: plain text output joins a line that
    ends in a hyphen to the next one, so a salutation of "-" would vanish.
    """
    tool = require("pdftotext", "poppler-utils")
    xhtml = subprocess.run(
        [tool, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(html.unescape(w) for w in re.findall(r"<word [^>]*>([^<]*)</word>", xhtml))


def content_with(field: Field, value: str, *, ascii_only: bool = False) -> str:
    # A JSON string is a YAML double-quoted scalar: every character survives as written.
    quoted = json.dumps(value, ensure_ascii=ascii_only)
    return BASE.replace(field.line, field.line.replace(field.text, quoted), 1)


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph, body first, then the headers and footers of each section."""
    document = docx.Document(str(path))
    return [spaced(p.text) for _, p in support.docx_paragraphs(document)]


@cache
def base_docx_paragraphs() -> tuple[str, ...]:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "hearing.yaml"
        content.write_text(BASE, encoding="utf-8")
        shutil.copy(SIGNATURE, Path(folder) / "signature.png")
        (written,) = build(content, Path(folder) / "out", BuildOptions(formats=("docx",)))
        return tuple(docx_paragraphs(written))


def test_the_alphabet_covers_the_scripts_it_names() -> None:
    alphabet = drawable()
    for sample in (
        "Aa~",
        "éŒſ",
        "ΑΩαω",
        "АЯая",
        "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2030",
    ):
        assert all(c in alphabet for c in sample), sample
    assert "\u00ad" not in alphabet and "\u0301" not in alphabet  # soft hyphen, combining mark


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(field_and_text())
def test_any_drawable_text_builds_and_reads_back_in_its_place(case: tuple[Field, str]) -> None:
    field, value = case
    expected = spaced(value)
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "hearing.yaml"
        content.write_text(content_with(field, value), encoding="utf-8")
        shutil.copy(SIGNATURE, Path(folder) / "signature.png")
        out = Path(folder) / "out"
        build(content, out, BuildOptions(strict=True))
        html = lxml.html.fromstring((out / "hearing.html").read_text(encoding="utf-8"))
        for line_break in html.iter("br"):  # a line break is white space, as a reader reads it
            line_break.tail = "\n" + (line_break.tail or "")
        if field.alt:
            assert expected in [spaced(img.get("alt")) for img in html.xpath("//img")]
            assert expected in pdf_alternative_texts(out / "hearing.pdf")
            assert expected in docx_alternative_texts(out / "hearing.docx")
            return

        # PDF and HTML: the text stands between its neighbours in reading order.
        shown = field.text.strip('"')
        before, after = neighbours(READING_ORDER, shown)
        assert in_order(pdf_words(out / "hearing.pdf"), before, value, after)
        before, after = neighbours(HTML_ORDER, shown)
        assert in_order(spaced(html.text_content()), before, value, after)

        # DOCX: the paragraphs that held the field's text now hold the new text, and no
        # other paragraph changed (also when the new text is the old one).
        base = base_docx_paragraphs()
        ours = docx_paragraphs(out / "hearing.docx")
        assert len(ours) == len(base)
        held = [i for i, text in enumerate(base) if text == spaced(shown)]
        assert held, f"no paragraph of the base DOCX holds {shown!r}"
        assert [ours[i] for i in held] == [expected] * len(held)
        assert [t for i, t in enumerate(ours) if i not in held] == [
            t for i, t in enumerate(base) if i not in held
        ]


def in_order(text: str, *parts: str) -> bool:
    """Whether ``parts`` stand one after the other in ``text``, words normalised.

    A list's bullet (drawn as a "•" in the PDF) may stand between two of them.
    """
    pattern = r"(?: •)? ".join(re.escape(spaced(part)) for part in parts if spaced(part))
    return re.search(pattern, text) is not None


def pdf_alternative_texts(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as document:
        return [
            spaced(str(item.Alt))
            for item in document.objects
            if isinstance(item, pikepdf.Dictionary) and "/Alt" in item
        ]


def docx_alternative_texts(path: Path) -> list[str]:
    body = docx.Document(str(path)).element.body
    return [spaced(shape.get("descr") or "") for shape in body.iter(qn("wp:docPr"))]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(FIELDS),
    st.text(alphabet="abc ", max_size=5),
    st.sampled_from(NOT_XML),
    st.text(alphabet="xyz ", max_size=5),
)
def test_text_that_xml_cannot_hold_gets_one_clear_line(
    field: Field, head: str, code: int, tail: str
) -> None:
    value = head + chr(code) + tail
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "hearing.yaml"
        # Escaped (\u0007), as YAML allows: a raw control character stops the YAML reader
        # itself (tests/test_bad_input.py has that case).
        content.write_text(content_with(field, value, ascii_only=True), encoding="utf-8")
        result = CliRunner().invoke(main, ["build", str(content), "-o", str(Path(folder) / "o")])
        line = BASE.splitlines().index(field.line) + 1
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: {content}:{line}:{field.column}: {field.name}: contains U+{code:04X}, "
            "a control character that a document cannot hold\n"
        )
        assert not (Path(folder) / "o").exists()
