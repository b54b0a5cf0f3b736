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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hearing_docs.content import loading
from hearing_docs.document import facts as document_facts
from hearing_docs.document import typography
from hearing_docs.errors import shown_path
from hearing_docs.fonts import glyphs
from hearing_docs.output import FORMATS, files
from hearing_docs.templateset import assets, sets

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildOptions:
    formats: Sequence[str] = FORMATS
    template_dirs: Sequence[Path] = ()
    strict: bool = False
    pdf_variant: str | None = "pdf/ua-1"
    attach_source: bool = False


@dataclass(frozen=True)
class Rendered:
    documents: list[tuple[str, bytes]]
    """(format, bytes) for every format asked for, in the order of ``FORMATS``."""
    templates: str | None
    """``TemplateSet.origin()``: the set and its folders, when not only the packaged ones."""


@dataclass(frozen=True)
class Built:
    files: list[Path]
    templates: str | None


def build(content_path: Path, out_dir: Path, options: BuildOptions | None = None) -> list[Path]:
    """Build one content file; return the files written."""
    return build_documents(content_path, out_dir, options).files


def build_documents(
    content_path: Path, out_dir: Path, options: BuildOptions | None = None
) -> Built:
    """Build one content file; return the files written and where its templates came from."""
    options = options or BuildOptions()
    rendered = render_all(content_path, options)
    written = files.write_all(
        [(out_dir / f"{content_path.stem}.{kind}", data) for kind, data in rendered.documents]
    )
    return Built(written, rendered.templates)


def render_all(content_path: Path, options: BuildOptions) -> Rendered:
    """Every format asked for, rendered in memory, in the order of ``FORMATS``."""
    hearing, source = loading.load_with_source(content_path)
    roots = sets.roots_for(content_path, list(options.template_dirs))
    line, column = source.position(("template",))
    origin = (shown_path(content_path), line, column)
    template_set = sets.resolve(hearing.template, roots, origin).for_language(hearing.language)
    images = assets.load(hearing, source, template_set)
    text = template_set.catalogue(hearing.language)
    hearing = typography.apply(hearing, text)
    glyphs.check_catalogue(text, template_set.theme)
    glyphs.check(hearing, source, template_set.theme)
    facts = document_facts.derive(hearing, text)
    renderers: dict[str, Callable[[], bytes]] = {}
    html = ""
    if "html" in options.formats or "pdf" in options.formats:
        from hearing_docs.html import page  # imports Jinja: only when HTML or a PDF is asked for

        html = page.render(hearing, template_set, images, facts)
    if "html" in options.formats:
        renderers["html"] = html.encode

    if "pdf" in options.formats:
        source_file = (content_path.name, source.text.encode("utf-8"))
        renderers["pdf"] = lambda: _pdf(
            html, facts, content_path, source_file, template_set, options
        )
    if "docx" in options.formats:
        from hearing_docs.word import builder

        renderers["docx"] = lambda: builder.render(hearing, template_set, images, facts)
    documents = [(kind, renderers[kind]()) for kind in FORMATS if kind in renderers]
    return Rendered(documents, template_set.origin())


def _pdf(
    html: str,
    facts: document_facts.Facts,
    content_path: Path,
    source_file: tuple[str, bytes],
    template_set: sets.TemplateSet,
    options: BuildOptions,
) -> bytes:
    from hearing_docs.pdf import writer  # imports WeasyPrint: only when a PDF is asked for

    pdf_options = writer.PdfOptions(
        variant=options.pdf_variant,
        strict=options.strict,
        attachment=source_file if options.attach_source else None,
    )
    folder = content_path.resolve().parent
    return writer.render(html, facts, folder, list(template_set.folders), pdf_options)
