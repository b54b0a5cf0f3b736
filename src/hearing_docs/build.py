"""Build: a content file in, its PDF, DOCX and HTML written out.

In: the path of a content file, an output folder, the formats wanted and the
build options.
Out: the paths written, ``OUT/<content file stem>.<format>``.

``build`` runs the stages in order (content, template set, assets, then each
renderer) and renders every format in memory before writing any: a build that
fails writes nothing. Then every file is written to a temporary file in the
output folder, and only when all are written are they renamed into place, so a
build that is interrupted or runs out of disk space leaves the previous
outputs intact and a viewer never opens a half-written file.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hearing_docs import assets, content, glyphs, render_html, reproducible, templateset
from hearing_docs.errors import HearingDocsError, Problem, RenderError, TemplateError

FORMATS = ("pdf", "docx", "html")
PART_SUFFIX = ".part"
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
    return write_all_atomic(
        [(out_dir / f"{content_path.stem}.{kind}", data) for kind, data in rendered]
    )


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

        renderers["docx"] = lambda: _docx(word.render, hearing, template_set, images)
    return [(kind, renderers[kind]()) for kind in FORMATS if kind in renderers]


def _docx(render: Callable[..., bytes], *arguments: object) -> bytes:
    try:
        return render(*arguments)
    except HearingDocsError:
        raise
    except Exception as error:  # python-docx on input our checks let through: one line, no trace
        raise RenderError(Problem("DOCX", f"python-docx failed: {error}")) from error


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
    from weasyprint.urls import FatalURLFetchingError

    try:
        return pdf.render(html, folder, [folder, *template_set.folders], pdf_options)
    except FatalURLFetchingError as error:
        # Content never names a URL (its text is escaped, its images are embedded):
        # a URL the fetcher refused or could not find comes from the template set.
        reason = str(error.__cause__ or error)
        raise TemplateError(
            Problem(content.shown_path(template_set.folders[0]), f"the templates ask for {reason}")
        ) from None


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` through a temporary file renamed into place."""
    return write_all_atomic([(target, data)])[0]


def write_all_atomic(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every file through a temporary file beside it, then rename them all into place.

    Nothing is renamed until every temporary file is written and synced, so a
    full disk or a kill while writing leaves every previous output as it was.
    Temporary files are named ``.NAME.PID.XXXX.part``; those of a process that
    no longer runs (one killed while writing) are removed by the next build.
    """
    staged: list[tuple[Path, Path]] = []
    current: Path | None = None  # the output being written, for the error message
    try:
        for current, data in files:
            current.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_parts(current)
            staged.append((_stage(current, data), current))
        for temporary, current in staged:
            os.replace(temporary, current)
    except BaseException as error:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        if isinstance(error, OSError):
            where = content.shown_path(current) if current is not None else "output"
            raise RenderError(Problem(where, f"cannot be written: {error.strerror}")) from None
        raise
    return [target for _, target in staged]


def _stage(target: Path, data: bytes) -> Path:
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=target.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return temporary


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files of ``target`` left by builds that were killed."""
    removed = []
    for part in target.parent.glob(f".{glob.escape(target.name)}.*{PART_SUFFIX}"):
        pid = part.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
            removed.append(part)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
