"""Helpers for the tests: real readers of PDF and DOCX, and word comparison.

Text is read back the way a person's tools read it: pdftotext (poppler) for
the PDF, python-docx for the DOCX, LibreOffice to turn the DOCX into a PDF.
A missing tool fails the test with the command that installs it.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_CONTENT = ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml"
SEED_TEXT = FIXTURES / "seed-2016-07-22.txt"
BASE_CONTENT = FIXTURES / "base.yaml"
"""The smallest valid hearing, without a signature: the start of most bad-input cases."""


def _examples() -> list[Path]:
    content = ROOT / "content"
    found = sorted(content.glob("*.yaml"))
    for folder in sorted(p for p in content.iterdir() if (p / DEFAULTS_NAME).is_file()):
        found += sorted(p for p in folder.glob("*.yaml") if p.name != DEFAULTS_NAME)
    return found


DEFAULTS_NAME = "hearing-docs.yaml"
EXAMPLES = _examples()
"""Every example content file the project ships: content/*.yaml, and the content files of
each folder of content/ that holds a defaults file (the defaults file is not one)."""
SIGNATURE_LINE = "A handwritten signature in black ink"

# The last words on each page of the original that ends mid-sentence (docs/design.md).
ORIGINAL_BREAKS = (
    "She also welcomed the global campaign",
    "ending detention of migrants, in particular children,",
    "the prohibition against refoulement under",
    "to States is inaccurate and marginalizes",
    "Concerns were also expressed with",
)


def seed_parts():
    """The seed's ``Hearing``, ``TemplateSet`` and ``Assets``, for calling a renderer directly."""
    from hearing_docs.content import loading
    from hearing_docs.templateset import assets, sets

    hearing, source = loading.load_with_source(SEED_CONTENT)
    template_set = sets.resolve(hearing.template, sets.roots_for(SEED_CONTENT))
    return hearing, template_set, assets.load(hearing, source, template_set)


def docx_paragraphs(document) -> list[tuple[str, object]]:
    """Every paragraph of a python-docx ``Document`` with the story that holds it: the body
    ("body"), then each section's own headers and footers ("section 1 first page header",
    ...). A header or footer linked to the previous section's is that one: not repeated."""
    found: list[tuple[str, object]] = [("body", p) for p in document.paragraphs]
    for number, section in enumerate(document.sections, start=1):
        for name in ("first_page_header", "header", "first_page_footer", "footer"):
            story = getattr(section, name)
            if number == 1 or not story.is_linked_to_previous:
                where = f"section {number} {name.replace('_', ' ')}"
                found += [(where, p) for p in story.paragraphs]
    return found


def as_data(value: object) -> object:
    """A group (a hearing, a theme) as the plain data a file would give, keys as written."""
    from hearing_docs import groups

    if isinstance(value, groups.Group):
        declared = groups.fields(type(value))
        return {declared[name].key: as_data(entry) for name, entry in value.values()}
    if isinstance(value, list | tuple):
        return [as_data(entry) for entry in value]
    if isinstance(value, dict):
        return {key: as_data(entry) for key, entry in value.items()}
    return str(value) if isinstance(value, str) else value


def base_text(*changes: tuple[str, str]) -> str:
    """The base hearing's text with ``(old, new)`` changes, each of which must apply."""
    text = BASE_CONTENT.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def render_docx(hearing, template_set, images) -> bytes:
    """The DOCX of a hearing, straight from the Word writer (no build, no files)."""
    from hearing_docs.document import facts
    from hearing_docs.word import builder

    return builder.render(hearing, template_set, images, facts.derive(hearing, template_set))


def seed_copy(folder: Path, *changes: tuple[str, str], name: str = "hearing.yaml") -> Path:
    """The seed content written into ``folder`` with ``(old, new)`` changes, and its signature.

    The signature folder is copied, not linked: a link that leads out of the
    content folder is refused, as it should be.
    """
    text = SEED_CONTENT.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    shutil.copytree(SEED_CONTENT.parent / "signatures", folder / "signatures", dirs_exist_ok=True)
    return path


def require(tool: str, package: str) -> str:
    """The path of ``tool``, or a failure that says how to install it."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(
            f"{tool} not found: install the Debian package {package} "
            f"(apt-get install --no-install-recommends {package}), or run ./dev.sh test as root",
            pytrace=False,
        )
    return found


def words(text: str) -> list[str]:
    """Words as a reader sees them: NFKC, hyphens at line ends joined, punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", text)
    return re.findall(r"[\w'\u2018\u2019]+(?:[-\u2013][\w'\u2018\u2019]+)*", text)


def spaced(text: str) -> str:
    """The text with every run of white space (line ends included) as one space: text
    compared as a string, where ``words`` compares it as a list of words."""
    return " ".join(text.split())


def seed_words() -> list[str]:
    """The words of the original letter and summary, without the signature's description."""
    lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not line.startswith(SIGNATURE_LINE))
    return words(text.replace("**", ""))


def pdf_pages(pdf: Path) -> list[str]:
    """The text of every page, read by pdftotext."""
    tool = require("pdftotext", "poppler-utils")
    info = subprocess.run(
        [require("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True, check=True
    )
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    return [
        subprocess.run(
            [tool, "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def without_page_numbers(page_text: str) -> str:
    """A page's text without the running page number (a line holding only digits)."""
    return "\n".join(line for line in page_text.splitlines() if not line.strip().isdigit())


def same_words(expected: list[str], actual: list[str]) -> bool:
    """Whether two word sequences are the same word for word.

    The one allowance is the known hyphenation join: pdftotext joins a word
    broken at the end of a line after a hyphen and drops the hyphen
    ("non-" + "governmental" reads "nongovernmental"), so a word may lack its
    hyphens. Use ``word_difference`` for the message when they differ.
    """
    if len(expected) != len(actual):
        return False
    return all(
        a == e or ("-" in e and a == e.replace("-", ""))
        for e, a in zip(expected, actual, strict=True)
    )


def word_difference(expected: list[str], actual: list[str]) -> str:
    """The first place where two word sequences differ, for an assertion's message."""
    for index, (e, a) in enumerate(zip(expected, actual, strict=False)):
        if not same_words([e], [a]):
            context = " ".join(expected[max(0, index - 5) : index])
            wanted, got = expected[index : index + 8], actual[index : index + 8]
            return f"after '...{context}': expected {wanted}, got {got}"
    agreeing = min(len(expected), len(actual))
    return f"{len(expected)} words expected, {len(actual)} read; the first {agreeing} agree"


@dataclass(frozen=True)
class Pagination:
    pages: int
    distances: list[int | None]
    """For each original break: words between it and the nearest page break here."""


def _count_words(text: str) -> list[str]:
    """Words as counted for page-break distances: every run of letters and digits."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\u2010", "-")
    text = re.sub(r"-\s*\n\s*", "", text).replace("-", "")
    return re.findall(r"\w+", text)


def pagination(pdf: Path) -> Pagination:
    """Where the PDF breaks its pages, against the original's five breaks."""
    tokens: list[str] = []
    bounds: list[int] = []
    pages = pdf_pages(pdf)
    for text in pages:
        tokens += _count_words(without_page_numbers(text))
        bounds.append(len(tokens))
    distances: list[int | None] = []
    for phrase in ORIGINAL_BREAKS:
        wanted = _count_words(phrase)
        at = next(
            (i + len(wanted) for i in range(len(tokens)) if tokens[i : i + len(wanted)] == wanted),
            None,
        )
        distances.append(None if at is None else min(abs(at - b) for b in bounds[:-1]))
    return Pagination(len(pages), distances)


def word_boxes(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, x0, y0, x1, y1) of every word on ``page``, in points from the top left."""
    tool = require("pdftotext", "poppler-utils")
    html = subprocess.run(
        [tool, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html,
    )
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


def libreoffice_pdf(docx_file: Path, out_dir: Path) -> Path:
    """Convert a DOCX to PDF with headless LibreOffice, in its own profile, and clean up."""
    return libreoffice_pdfs([docx_file], out_dir)[0]


def built_strictly(contents: list[Path], out_dir: Path) -> dict[str, dict[str, Path]]:
    """Each content file built in every format, strictly (a WeasyPrint warning fails), and
    its DOCX converted to PDF by LibreOffice: by file stem, the paths by format (``pdf``,
    ``docx``, ``html``) and ``lo`` for LibreOffice's PDF."""
    from hearing_docs.pipeline import BuildOptions, build

    result: dict[str, dict[str, Path]] = {}
    for content in contents:
        written = build(content, out_dir, BuildOptions(strict=True))
        result[content.stem] = {path.suffix[1:]: path for path in written}
    converted = libreoffice_pdfs([files["docx"] for files in result.values()], out_dir / "lo")
    for files, pdf in zip(result.values(), converted, strict=True):
        files["lo"] = pdf
    return result


def libreoffice_pdfs(docx_files: list[Path], out_dir: Path) -> list[Path]:
    """Convert DOCX files to PDF in one run of headless LibreOffice (one start-up for all)."""
    return libreoffice_convert(docx_files, out_dir, "pdf", ".pdf")


def libreoffice_convert(files: list[Path], out_dir: Path, target: str, suffix: str) -> list[Path]:
    """Convert ``files`` with one run of headless LibreOffice in a profile of its own:
    ``target`` is its --convert-to argument (``pdf``, ``docx:MS Word 2007 XML``),
    ``suffix`` the results' file suffix. Fails, saying why, for a file not converted."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        require("soffice", "libreoffice-writer-nogui")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, files),
        ]
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _, stderr = process.communicate(timeout=180)
        finally:
            # LibreOffice leaves helper processes behind: end the whole group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    results = [out_dir / (file.stem + suffix) for file in files]
    for file, result in zip(files, results, strict=True):
        if not result.is_file():
            pytest.fail(f"LibreOffice did not convert {file.name}: {stderr.decode()[-500:]}")
    return results


# Bullets as the two renderers draw them; a list marker is compared apart from its line.
LIST_MARKERS = ("\u2022", "\uf0b7", "\u25cf", "\u25aa", "\u2013", "-")


def page_lines(pdf: Path) -> list[list[str]]:
    """Every page's text lines, as pdftotext reads them, for comparing two renderings.

    Spaces are collapsed, text is NFKC-normalized, empty lines and the running
    page number are left out, and a leading list marker is dropped: a bullet is
    a glyph of the style, not a word of the content.
    """
    pages = []
    for text in pdf_pages(pdf):
        lines = []
        for line in without_page_numbers(text).splitlines():
            line = " ".join(unicodedata.normalize("NFKC", line).split())
            if line.startswith(LIST_MARKERS):
                line = line[1:].lstrip()
            if line:
                lines.append(line)
        pages.append(lines)
    return pages


def _figures_joined(line: str) -> str:
    return re.sub(r" (?=\d)", "", line)


def line_differences(expected: list[list[str]], actual: list[list[str]]) -> list[str]:
    """Where two documents' pages and lines differ: empty when they break every line alike.

    A footnote's call is a raised figure right after its word; LibreOffice sets it up
    to a point further right than WeasyPrint, where pdftotext may read a space
    ("2009, 3"), so no space before a figure counts."""
    expected = [[_figures_joined(line) for line in page] for page in expected]
    actual = [[_figures_joined(line) for line in page] for page in actual]
    problems = []
    if len(expected) != len(actual):
        problems.append(f"{len(expected)} pages, then {len(actual)}")
    for number, (one, two) in enumerate(zip(expected, actual, strict=False), start=1):
        if one == two:
            continue
        diff = difflib.unified_diff(one, two, lineterm="", n=0)
        problems.append(f"page {number}:\n  " + "\n  ".join(list(diff)[2:12]))
    return problems
