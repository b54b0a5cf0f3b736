"""Nothing leaked: content is text, templates run sandboxed, and the PDF reads only
files inside the content folder and the template set.

Hostile content (markup, template code, CSS, URLs) must come out literally in
the PDF, the DOCX and the HTML. A template that reaches for a file outside its
folders, for the network, or for Python internals must stop the build with one
line, and no byte of the outside file and no request may reach the document.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import lxml.html
import pytest
from click.testing import CliRunner
from PIL import Image

from hearing_docs.cli import main
from hearing_docs.pdf import writer
from hearing_docs.templateset.sets import packaged_root
from support import base_text, docx_paragraphs, pdf_pages, spaced

pytestmark = pytest.mark.slow

BASE = base_text()
ONLY_FILES = "only files in the content folder or the template set are read"
PASSWD_LINE = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def build(work: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", "hearing.yaml", "-o", "out", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def docx_all_text(path: Path) -> str:
    """The text of the body, and of every header and footer (the addressees are in one)."""
    document = docx.Document(str(path))
    return "\n".join(p.text for _, p in docx_paragraphs(document))


# --- content is text ---------------------------------------------------------

HOSTILE = {
    "salutation": "<script>alert('owned')</script>",
    "body": '<img src="file:///etc/passwd">',
    "closing": "{{ 7*7 }} {{ config.items() }}",
    "heading": '{% include "/etc/passwd" %}',
    "paragraph": "</p><style>body { display: none }</style><p>",
    "venue": "@import url(http://127.0.0.1:9/x.css); url(file:///etc/passwd)",
    "title": "&amp; &lt;b&gt; <!-- comment --> ]]>",
    "addressee": '" onload="alert(1)',
}


def _hostile_content(work: Path) -> None:
    replacements = {
        '  salutation: "Excellency,"': f"  salutation: {_quoted(HOSTILE['salutation'])}",
        "    - Please find attached the summary from the hearing.": "    - "
        + _quoted(HOSTILE["body"]),
        "  closing: Please accept, Excellency, the assurances of my highest consideration.": (
            f"  closing: {_quoted(HOSTILE['closing'])}"
        ),
        "    - heading: Overview": f"    - heading: {_quoted(HOSTILE['heading'])}",
        "        - The hearing was attended by about 300 representatives.": "        - "
        + _quoted(HOSTILE["paragraph"]),
        "    - Conference Room 4": f"    - {_quoted(HOSTILE['venue'])}",
        "  title: Summary of the hearing": f"  title: {_quoted(HOSTILE['title'])}",
        "    - New York": f"    - {_quoted(HOSTILE['addressee'])}",
    }
    text = BASE
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    (work / "hearing.yaml").write_text(text, encoding="utf-8")


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def test_markup_template_code_and_css_in_content_come_out_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _hostile_content(tmp_path)
    code, _, stderr = build(tmp_path, "--strict")
    assert (code, stderr) == (0, "")

    html = (tmp_path / "out" / "hearing.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    assert tree.xpath("//script") == []
    assert len(tree.xpath("//style")) == 1  # the template's own
    assert [img.get("src")[:22] for img in tree.xpath("//img")] == ["data:image/png;base64,"]
    html_text = spaced(tree.text_content())
    pdf_text = spaced(" ".join(pdf_pages(tmp_path / "out" / "hearing.pdf")))
    docx_text = spaced(docx_all_text(tmp_path / "out" / "hearing.docx"))
    for field, value in HOSTILE.items():
        assert spaced(value) in html_text, field
        assert spaced(value) in pdf_text, field
        assert spaced(value) in docx_text, field
    for text in (html_text, pdf_text, docx_text):
        assert "49" not in text  # {{ 7*7 }} was never evaluated
        assert PASSWD_LINE not in text


# --- templates run sandboxed ---------------------------------------------------


def _override(work: Path, name: str, text: str) -> None:
    """A template of the default set overridden in templates/ beside the content."""
    folder = work / "templates" / "un-pga"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _letter_with(snippet: str) -> str:
    letter = (packaged_root() / "un-pga" / "letter.html").read_text(encoding="utf-8")
    anchor = '<p class="salutation">'
    assert anchor in letter
    return letter.replace(anchor, snippet + anchor, 1)


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        (
            "{{ ''.__class__.__mro__ }}",
            "access to attribute '__class__' of 'str' object is unsafe.",
        ),
        (
            "{{ letter.__class__ }}",
            "access to attribute '__class__' of 'Letter' object is unsafe.",
        ),
        (
            "{{ cycler.__init__.__globals__.os }}",
            "access to attribute '__init__' of 'type' object is unsafe.",
        ),
        (
            "{{ self.__init__.__globals__ }}",
            "access to attribute '__init__' of 'TemplateReference' object is unsafe.",
        ),
    ],
)
def test_a_template_cannot_reach_python_internals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snippet: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hearing.yaml").write_text(BASE, encoding="utf-8")
    _override(tmp_path, "letter.html", _letter_with(snippet))
    code, stdout, stderr = build(tmp_path)
    assert code == 1
    assert stdout == ""
    assert stderr.startswith("Error: ") and stderr.endswith(f"{message}\n")
    assert stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../../../../etc/passwd"])
def test_a_template_cannot_include_a_file_outside_the_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hearing.yaml").write_text(BASE, encoding="utf-8")
    _override(tmp_path, "letter.html", _letter_with(f'{{% include "{name}" %}}'))
    code, _, stderr = build(tmp_path)
    assert code == 1
    assert stderr.startswith("Error: ") and stderr.count("\n") == 1
    assert f"template '{name}' not found in the set" in stderr
    assert not (tmp_path / "out").exists()


# --- the PDF reads only the content folder and the template set -----------------


@pytest.mark.parametrize(
    ("where", "url", "reason"),
    [
        ("img", "file:///etc/passwd", "outside the content folder and the template set"),
        ("img", "../../../../../../etc/passwd", "outside the content folder and the template set"),
        ("img", "{server}/signature.png", ONLY_FILES),
        (
            "img",
            "https://example.org/x.png",
            ONLY_FILES,
        ),
        ("img", "ftp://127.0.0.1/x.png", ONLY_FILES),
        (
            "img",
            "file://example.org/etc/passwd",
            ONLY_FILES,
        ),
        ("img", "escape.png", "outside the content folder and the template set"),
        ("img", "missing.png", "no such file"),
        ("css-import", "{server}/x.css", ONLY_FILES),
        ("css-url", "file:///etc/passwd", "outside the content folder and the template set"),
        (
            "css-url",
            "../../../../../../etc/passwd",
            "outside the content folder and the template set",
        ),
        ("font", "{server}/font.ttf", ONLY_FILES),
    ],
)
def test_a_template_cannot_fetch_outside_its_folders(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server: tuple[str, list[str]],
    where: str,
    url: str,
    reason: str,
) -> None:
    base_url, requests = server
    url = url.format(server=base_url)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hearing.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "escape.png").symlink_to(_png_outside(tmp_path))
    style = (packaged_root() / "un-pga" / "style.css").read_text(encoding="utf-8")
    if where == "img":
        _override(tmp_path, "letter.html", _letter_with(f'<img src="{url}" alt="picture">'))
    elif where == "css-import":
        _override(tmp_path, "style.css", f'@import url("{url}");\n{style}')
    elif where == "css-url":
        _override(tmp_path, "style.css", f'{style}\nbody {{ background: url("{url}") }}\n')
    else:
        face = (
            f'@font-face {{ font-family: Leak; src: url("{url}") }}\nbody {{ font-family: Leak }}'
        )
        _override(tmp_path, "style.css", f"{style}\n{face}\n")
    code, stdout, stderr = build(tmp_path, "--format", "pdf")
    resolved = {
        "../../../../../../etc/passwd": "file:///etc/passwd",
        "escape.png": f"file://{tmp_path}/escape.png",
        "missing.png": f"file://{tmp_path}/missing.png",
    }.get(url, url)
    assert stderr == f"Error: templates/un-pga: the templates ask for {resolved}: {reason}\n"
    assert (code, stdout) == (1, "")
    assert requests == []
    assert not (tmp_path / "out").exists()


def _png_outside(tmp_path: Path) -> Path:
    """A real picture outside the content folder: if it were read, it would be drawn."""
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    Image.new("RGB", (40, 20), "red").save(outside / "picture.png")
    return outside / "picture.png"


def test_a_template_may_use_files_of_the_content_folder_and_of_its_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fetcher refuses only what is outside: files inside are drawn."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hearing.yaml").write_text(BASE, encoding="utf-8")
    Image.new("RGB", (40, 20), "red").save(tmp_path / "beside.png")
    _override(tmp_path, "letter.html", "")
    set_folder = tmp_path / "templates" / "un-pga"
    Image.new("RGB", (40, 20), "blue").save(set_folder / "in-set.png")
    (set_folder / "linked.png").symlink_to(set_folder / "in-set.png")
    images = (
        '<img src="beside.png" alt="picture">'
        f'<img src="file://{set_folder}/in-set.png" alt="picture">'
        '<img src="templates/un-pga/linked.png" alt="picture">'
    )
    _override(tmp_path, "letter.html", _letter_with(images))
    code, _, stderr = build(tmp_path, "--format", "pdf", "--strict")
    assert (code, stderr) == (0, "")


def test_the_fetcher_itself(tmp_path: Path) -> None:
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "a.css").write_text("p {}", encoding="utf-8")
    (inside / "out.css").symlink_to("/etc/passwd")
    (inside / "folder").mkdir()
    fetch = writer.fetcher([inside]).fetch
    assert fetch(f"file://{inside}/a.css").read() == b"p {}"
    assert fetch("data:text/plain,hello").read() == b"hello"
    refused = {
        f"file://{inside}/out.css": "outside the content folder and the template set",
        f"file://{inside}/../inside/../../etc/passwd": "outside the content folder and the "
        "template set",
        f"file://{inside}/%2e%2e/%2e%2e/etc/passwd": "outside the content folder and the "
        "template set",
        f"file://{inside}/folder": "no such file",
        "http://127.0.0.1:9/a.css": ONLY_FILES,
        "file://localhost/etc/passwd": "outside the content folder and the template set",
    }
    for url, reason in refused.items():
        with pytest.raises(ValueError) as caught:
            fetch(url)
        assert str(caught.value) == f"{url}: {reason}"


def test_an_image_field_never_fetches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: tuple[str, list[str]]
) -> None:
    base_url, requests = server
    monkeypatch.chdir(tmp_path)
    for image in (f"{base_url}/s.png", "file:///etc/passwd", "../../../../etc/passwd"):
        text = BASE.replace(
            "    name: Mogens Lykketoft\n",
            f"    name: Mogens Lykketoft\n    signature: {image}\n    signature_alt: A signature\n",
        )
        (tmp_path / "hearing.yaml").write_text(text, encoding="utf-8")
        code, _, stderr = build(tmp_path)
        assert code == 1
        assert stderr == (
            "Error: hearing.yaml:9:16: letter.signatory.signature: "
            "must be a path relative to the content file, inside its folder\n"
        )
    assert requests == []
