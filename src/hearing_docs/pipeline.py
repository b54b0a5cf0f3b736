"""Pipeline: a content file in, its PDF, DOCX and HTML written out.

In: the path of a content file, an output folder, the formats wanted and the
build options.
Out: the paths written, ``OUT/<content file stem>.<format>``, and where the
template set came from when it is not only the packaged one.

``render_all`` runs the stages in order (content, template set, assets,
glyph check, document facts, then each renderer) and renders every format in
memory before any is written: a build that fails writes nothing.
``files.write_all`` then puts the files in place all together (see there).
It only orchestrates: each stage raises its own errors. The public
``hearing_docs.build`` and ``check`` (``api.py``) call it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hearing_docs.errors import shown_path
from hearing_docs.fonts import fontconfig
from hearing_docs.output import FORMATS, files, manifest

if TYPE_CHECKING:
    from hearing_docs.document import facts as document_facts
    from hearing_docs.pdf import writer
    from hearing_docs.templateset import sets

log = logging.getLogger(__name__)
SOURCE = "Source of this document (hearing-docs content)"
DEFAULTS_SOURCE = "Defaults of the source of this document (hearing-docs content)"


@dataclass(frozen=True)
class BuildOptions:
    formats: Sequence[str] = FORMATS
    template_dirs: Sequence[Path] = ()
    strict: bool = False
    pdf_variant: str | None = "pdf/ua-1"
    attach_source: bool = False
    manifest: bool = False
    """Record what each build read in the output folder's manifest, and skip a content file
    whose outputs it shows up to date."""
    force: bool = False
    """With ``manifest``: build (and record) even a content file that is up to date."""

    def settings(self) -> dict[str, Any]:
        """The options that change the outputs, for the manifest."""
        return {
            "formats": sorted(self.formats),
            "strict": self.strict,
            "pdf_variant": self.pdf_variant,
            "attach_source": self.attach_source,
            "template_dirs": [str(Path(folder).resolve()) for folder in self.template_dirs],
        }


@dataclass(frozen=True)
class Rendered:
    documents: list[tuple[str, bytes]]
    """(format, bytes) for every format asked for, in the order of ``FORMATS``."""
    templates: str | None
    """``TemplateSet.origin()``: the set and its folders, when not only the packaged ones."""
    inputs: manifest.Inputs | None = None
    fingerprint: dict[str, Any] | None = None
    """What the documents were built from (``manifest.fingerprint``), when asked for."""


@dataclass(frozen=True)
class Built:
    files: list[Path]
    templates: str | None
    unchanged: bool = False
    """Nothing was built: the files are up to date (``BuildOptions.manifest``)."""


def build(content_path: Path, out_dir: Path, options: BuildOptions | None = None) -> list[Path]:
    """Build one content file; return the files written."""
    return build_documents(content_path, out_dir, options).files


def build_documents(
    content_path: Path, out_dir: Path, options: BuildOptions | None = None
) -> Built:
    """Build one content file; return the files written and where its templates came from."""
    with fontconfig.one_state():
        return _build_documents(content_path, out_dir, options or BuildOptions())


def up_to_date(content_path: Path, out_dir: Path, options: BuildOptions) -> list[Path] | None:
    """The outputs of ``content_path`` when the manifest in ``out_dir`` shows them up to
    date for ``options`` (what a build with ``manifest`` would skip), else ``None``."""
    with fontconfig.one_state():
        return manifest.unchanged(content_path, out_dir, options.settings(), options.template_dirs)


def _build_documents(content_path: Path, out_dir: Path, options: BuildOptions) -> Built:
    if options.manifest and not options.force:
        current = up_to_date(content_path, out_dir, options)
        if current is not None:
            return Built(current, None, unchanged=True)
    rendered = render_all(content_path, options, fingerprint=options.manifest)
    written = files.write_all(
        [(out_dir / f"{content_path.stem}.{kind}", data) for kind, data in rendered.documents]
    )
    if rendered.inputs is not None and rendered.fingerprint is not None:
        manifest.record(content_path, out_dir, rendered.inputs, rendered.fingerprint, written)
    return Built(written, rendered.templates)


def render_all(content_path: Path, options: BuildOptions, *, fingerprint: bool = False) -> Rendered:
    """Every format asked for, rendered in memory, in the order of ``FORMATS``; with
    ``fingerprint``, also what they are built from, taken before any template is read."""
    with fontconfig.one_state():
        return _render_all(content_path, options, fingerprint=fingerprint)


def _render_all(content_path: Path, options: BuildOptions, *, fingerprint: bool) -> Rendered:
    # The stages are imported here, not with the module: a build found up to date
    # (``up_to_date``) needs none of them, nor PyYAML and the models they bring.
    from hearing_docs.content import loading
    from hearing_docs.document import facts as document_facts
    from hearing_docs.document import typography
    from hearing_docs.fonts import glyphs
    from hearing_docs.templateset import assets, sets

    hearing, source = loading.load_with_source(content_path)
    roots = sets.roots_for(content_path, list(options.template_dirs))
    line, column = source.position(("template",))
    origin = (shown_path(source.origin(("template",)).path), line, column)
    template_set = sets.resolve(hearing.template, roots, origin).for_language(hearing.language)
    images = assets.load(hearing, source, template_set)
    text = template_set.catalogue(hearing.language)
    hearing = typography.apply(hearing, text)
    glyphs.check_catalogue(text, template_set.theme)
    inputs = print_ = None
    if fingerprint:
        signers = hearing.letter.signers if hearing.letter is not None else []
        folder = content_path.resolve().parent
        inputs = manifest.Inputs(
            source.text,
            tuple(str(folder / s.signature) for s in signers if s.signature is not None),
            tuple(dict.fromkeys(folder.name for folder in template_set.folders)),
            tuple(template_set.theme.text.all_fonts),
            source.defaults.text if source.defaults is not None else None,
        )
        print_ = manifest.fingerprint(
            content_path, inputs, options.settings(), options.template_dirs
        )
    glyphs.check(hearing, source, template_set.theme)
    facts = document_facts.derive(hearing, template_set)
    letter = hearing.letter
    # Only the PDF's layout says how many pages a letter runs over, which the Word file
    # needs for the notations at the foot of the last one.
    pages_needed = "docx" in options.formats and bool(
        letter and (letter.enclosures or letter.copies)
    )
    html = ""
    if "html" in options.formats or "pdf" in options.formats or pages_needed:
        from hearing_docs.html import page  # imports Jinja: only when HTML or a PDF is asked for

        html = page.render(hearing, template_set, images, facts)
    rendered: dict[str, bytes] = {}
    letter_pages = 1
    if "pdf" in options.formats:
        sources = [(content_path.name, source.text, SOURCE)]
        if source.defaults is not None:
            sources.append((source.defaults.path.name, source.defaults.text, DEFAULTS_SOURCE))
        source_files = tuple((name, text.encode("utf-8"), what) for name, text, what in sources)
        pdf = _pdf(html, facts, content_path, source_files, template_set, options)
        rendered["pdf"], letter_pages = pdf.data, pdf.letter_pages
    elif pages_needed:
        from hearing_docs.pdf import writer  # imports WeasyPrint

        folders = list(template_set.folders)
        folder = content_path.resolve().parent
        letter_pages = writer.count_letter_pages(html, folder, folders, options.strict)
    if "docx" in options.formats:
        from hearing_docs.word import builder

        rendered["docx"] = builder.render(hearing, template_set, images, facts, letter_pages)
    if "html" in options.formats:
        rendered["html"] = html.encode()
    documents = [(kind, rendered[kind]) for kind in FORMATS if kind in rendered]
    return Rendered(documents, template_set.origin(), inputs, print_)


def import_engines(formats: Sequence[str]) -> None:
    """Import now what building ``formats`` needs (Jinja, WeasyPrint, python-docx): a
    batch does it once before it forks its workers, which then start with them."""
    if "html" in formats or "pdf" in formats:
        from hearing_docs.html import page  # noqa: F401
    if "pdf" in formats:
        from hearing_docs.pdf import libraries

        libraries.load()
    if "docx" in formats:
        from hearing_docs.word import builder  # noqa: F401


def _pdf(
    html: str,
    facts: document_facts.Facts,
    content_path: Path,
    source_files: tuple[tuple[str, bytes, str], ...],
    template_set: sets.TemplateSet,
    options: BuildOptions,
) -> writer.Pdf:
    from hearing_docs.pdf import writer  # imports WeasyPrint: only when a PDF is asked for

    pdf_options = writer.PdfOptions(
        variant=options.pdf_variant,
        strict=options.strict,
        attachments=source_files if options.attach_source else (),
    )
    folder = content_path.resolve().parent
    return writer.render(html, facts, folder, list(template_set.folders), pdf_options)
