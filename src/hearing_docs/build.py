"""Build: a content file in, its PDF, DOCX and HTML written out.

In: the path of a content file, an output folder, the formats wanted and the
build options.
Out: the paths written, ``OUT/<content file stem>.<format>``.

``build`` runs the stages in order (content, template set, assets, then each
renderer) and renders every format in memory before writing any: a build that
fails writes nothing, and each file is written to a temporary file in the
output folder and renamed into place, so an interrupted build leaves the
previous outputs intact and a viewer never opens a half-written file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hearing_docs import assets, content, glyphs, render_html, reproducible, templateset
from hearing_docs.errors import Problem, RenderError

FORMATS = ("pdf", "docx", "html")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildOptions:
    formats: Sequence[str] = FORMATS
    template_dirs: Sequence[Path] = ()
    strict: bool = False
    pdf_variant: str | None = "pdf/ua-1"
    attach_source: bool = False


def build(content_path: Path, out_dir: Path, options: BuildOptions | None = None) -> list[Path]:
    """Build one content file; return the files written."""
    options = options or BuildOptions()
    rendered = render_all(content_path, options)
    return [write_atomic(out_dir / f"{content_path.stem}.{kind}", data) for kind, data in rendered]


def render_all(content_path: Path, options: BuildOptions) -> list[tuple[str, bytes]]:
    """Every format asked for, rendered in memory, in the order of ``FORMATS``."""
    hearing, source = content.load_with_source(content_path)
    roots = templateset.roots_for(content_path, list(options.template_dirs))
    line, column = source.position(("template",))
    origin = (content.shown_path(content_path), line, column)
    template_set = templateset.resolve(hearing.template, roots, origin)
    images = assets.load(hearing, source, template_set)
    glyphs.check(hearing, source, template_set.theme)
    renderers: dict[str, Callable[[], bytes]] = {}
    html = ""
    if "html" in options.formats or "pdf" in options.formats:
        html = render_html.render(hearing, template_set, images)
    if "html" in options.formats:
        renderers["html"] = html.encode

    if "pdf" in options.formats:
        renderers["pdf"] = lambda: _pdf(html, content_path, template_set, options)
    if "docx" in options.formats:
        from hearing_docs import word

        renderers["docx"] = lambda: word.render(hearing, template_set, images)
    return [(kind, renderers[kind]()) for kind in FORMATS if kind in renderers]


def _pdf(
    html: str, content_path: Path, template_set: templateset.TemplateSet, options: BuildOptions
) -> bytes:
    from hearing_docs import pdf  # imports WeasyPrint: only when a PDF is asked for

    folder = content_path.resolve().parent
    pdf_options = pdf.PdfOptions(
        variant=options.pdf_variant,
        identifier=reproducible.identifier(html, options.pdf_variant or ""),
        strict=options.strict,
        attachment=content_path if options.attach_source else None,
    )
    return pdf.render(html, folder, [folder, *template_set.folders], pdf_options)


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` through a temporary file renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            shown = content.shown_path(target)
            raise RenderError(Problem(shown, f"cannot be written: {error.strerror}")) from None
        raise
    return target
