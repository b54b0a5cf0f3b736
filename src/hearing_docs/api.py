"""The Python API: what ``import hearing_docs`` offers (docs/api.md describes it).

In: the path of a content file (and, for ``build``, an output folder, the
formats and the build options).
Out: ``load``: the validated ``Hearing``, or a ``ContentError``; ``check``:
the list of problems, empty when the file builds; ``build``: the paths
written, or a ``HearingDocsError`` with nothing written; ``up_to_date``: the
paths a build would skip, or ``None``.

Every error carries ``problems``, each with ``file``, ``line``, ``column``,
``field`` and ``message``. This module imports nothing heavy: the stages (and
PyYAML, WeasyPrint, python-docx with them) are imported when a function is
first called, so ``import hearing_docs`` stays quick.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hearing_docs.errors import HearingDocsError, Problem
from hearing_docs.output import FORMATS
from hearing_docs.pdf.variants import ARCHIVAL, DEFAULT_VARIANT, VARIANTS

if TYPE_CHECKING:
    from hearing_docs import pipeline
    from hearing_docs.content.model import Hearing

PathLike = str | os.PathLike[str]
PDF_VARIANTS = tuple(VARIANTS)


class Written(list[Path]):
    """The paths ``build`` wrote, in the order of ``FORMATS``.

    ``templates`` says where the template set came from when it is not only a
    packaged one (the set's name and folders), else ``None``.
    """

    templates: str | None = None
    unchanged: bool = False
    """Nothing was written: the files were up to date (``build(..., manifest=True)``)."""


class Problems(list[Problem]):
    """The problems ``check`` found, in the order of the file (empty: it builds).

    ``templates`` is as for ``Written``.
    """

    templates: str | None = None


def load(path: PathLike) -> Hearing:
    """The validated hearing of a content file, or a ``ContentError`` listing every problem."""
    from hearing_docs.content import loading

    return loading.load(Path(path))


def check(path: PathLike, templates: Sequence[PathLike] = ()) -> Problems:
    """Every problem that would stop ``build``: content, template set, images, fonts, and
    every format rendered in memory, so that what ``build`` refuses, ``check`` refuses.
    Nothing is written.

    ``templates``: folders of template sets searched first, as for ``build``.
    """
    from hearing_docs import pipeline

    options = pipeline.BuildOptions(formats=FORMATS, template_dirs=_paths(templates))
    try:
        rendered = pipeline.render_all(Path(path), options)
    except HearingDocsError as error:
        return Problems(error.problems)
    found = Problems()
    found.templates = rendered.templates
    return found


def build(
    path: PathLike,
    output_dir: PathLike,
    formats: Sequence[str] = FORMATS,
    *,
    templates: Sequence[PathLike] = (),
    strict: bool = False,
    pdf_variant: str = DEFAULT_VARIANT,
    attach_source: bool | None = None,
    manifest: bool = False,
    force: bool = False,
) -> Written:
    """Build one content file into ``output_dir/<name>.<format>``; return the paths written.

    ``formats``: any of ``FORMATS``. ``templates``: folders of template sets
    searched before the ones beside the content and the packaged ones.
    ``strict``: fail when WeasyPrint warns. ``pdf_variant``: one of
    ``PDF_VARIANTS``. ``attach_source``: attach the content file to the PDF
    (by default, for the archival variants). Every format is rendered before
    any is written: on an error (a ``HearingDocsError``) nothing is written.
    ``manifest``: keep ``output_dir/.hearing-docs-manifest.json``, what each
    build read, and when nothing the files are built from has changed since
    they were written, write nothing and return them with ``unchanged`` set;
    ``force``: build and record even then.
    """
    from hearing_docs import pipeline

    options = _options(formats, templates, strict, pdf_variant, attach_source, manifest, force)
    built = pipeline.build_documents(Path(path), Path(output_dir), options)
    written = Written(built.files)
    written.templates = built.templates
    written.unchanged = built.unchanged
    return written


def up_to_date(
    path: PathLike,
    output_dir: PathLike,
    formats: Sequence[str] = FORMATS,
    *,
    templates: Sequence[PathLike] = (),
    strict: bool = False,
    pdf_variant: str = DEFAULT_VARIANT,
    attach_source: bool | None = None,
) -> Written | None:
    """The paths ``build(..., manifest=True)`` with these options would find up to date
    and skip (``unchanged`` set), or ``None`` when it would build; builds nothing, and
    reads no content beyond what the manifest hashes."""
    from hearing_docs import pipeline

    options = _options(formats, templates, strict, pdf_variant, attach_source, True, False)
    current = pipeline.up_to_date(Path(path), Path(output_dir), options)
    if current is None:
        return None
    written = Written(current)
    written.unchanged = True
    return written


def _options(
    formats: Sequence[str],
    templates: Sequence[PathLike],
    strict: bool,
    pdf_variant: str,
    attach_source: bool | None,
    manifest: bool,
    force: bool,
) -> pipeline.BuildOptions:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"formats: choose one or more of {', '.join(FORMATS)}, not {unknown}")
    if pdf_variant not in VARIANTS:
        raise ValueError(f"pdf_variant: choose one of {', '.join(VARIANTS)}, not {pdf_variant!r}")
    from hearing_docs import pipeline

    return pipeline.BuildOptions(
        formats=tuple(formats),
        template_dirs=_paths(templates),
        strict=strict,
        pdf_variant=pdf_variant,
        attach_source=pdf_variant in ARCHIVAL if attach_source is None else attach_source,
        manifest=manifest,
        force=force,
    )


def _paths(folders: Sequence[PathLike]) -> tuple[Path, ...]:
    return tuple(Path(folder) for folder in folders)
