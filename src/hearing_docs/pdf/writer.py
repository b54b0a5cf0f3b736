"""PDF stage: HTML in, PDF bytes out, through WeasyPrint.

In: the HTML of ``html/page.py``, the document's ``Facts``, the folders
WeasyPrint may read from (the content folder and the template set), and the
PDF options.
Out: the PDF as bytes, nothing written to disk, and how many pages the letter
runs over (which the Word file needs: Word cannot say which page is a letter's
last, and the PDF's pages are Word's, as the parity tests hold).

WeasyPrint logs problems instead of raising them (a missing image still gives
a PDF). Every warning it logs is collected; with ``strict`` the build fails on
the first one, otherwise they are passed on to our own logger. WeasyPrint is
imported here only (through ``libraries.load``), and only when a PDF is asked
for: the import costs more than half of a one-page render.

Variants (``variants.VARIANTS``): every one is a tagged PDF (structure tree, language,
title shown by the viewer, outline). ``pdf/ua-1`` is the default;
``pdf/a-3b`` adds the PDF/A-3b archival profile (sRGB output intent, XMP
``pdfaid``, attachments with an ``AFRelationship``); ``pdf/a-3b+ua-1`` claims
both. WeasyPrint takes one variant at a time, so the combination is written
as pdf/a-3b with tags switched on and ``pdfuaid:part=1`` added to the same XMP
description as ``pdfaid:part`` (UA-1 asks nothing else of the file that
WeasyPrint does not already do for a tagged PDF).

Metadata: title, author, subject, keywords and the creation and modification
dates are the document's ``Facts`` (the same the DOCX carries), whatever the
template set's base.html says; the attached source file carries the same
moment, never the clock.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from hearing_docs.document.facts import Facts
from hearing_docs.errors import Problem, RenderError, TemplateError, shown_path
from hearing_docs.logged import Collector
from hearing_docs.output import reproducible
from hearing_docs.pdf import fontmap, libraries
from hearing_docs.pdf.variants import DEFAULT_VARIANT, VARIANTS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfOptions:
    variant: str | None = DEFAULT_VARIANT
    """A key of ``VARIANTS``; ``None`` gives a plain tagged PDF."""
    identifier: bytes | None = None
    """The PDF's /ID; by default a hash of the HTML and the variant, so rebuilds are equal."""
    strict: bool = False
    attachments: tuple[tuple[str, bytes, str], ...] = ()
    """Files attached to the PDF as its source: name, bytes and description (the content
    YAML, and the defaults file it takes fields from)."""


@contextmanager
def _collect_weasyprint_warnings() -> Iterator[Collector]:
    logger = logging.getLogger("weasyprint")
    collector = Collector()
    logger.addHandler(collector)
    propagate = logger.propagate
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def fetcher(allowed: list[Path]):
    """A WeasyPrint URL fetcher that reads data: URLs and files inside ``allowed`` only.

    No network (http, https, ftp), no file outside the folders, no symbolic link
    that leads out of them: the path is resolved before it is checked. A refused
    or missing URL stops the render (``fail_on_errors``: WeasyPrint raises
    ``FatalURLFetchingError`` from our ``ValueError``) instead of giving a PDF
    without the resource; ``render`` turns that into a one-line ``TemplateError``.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    folders = [folder.resolve() for folder in allowed]

    class FolderFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise ValueError(
                    f"{url}: only files in the content folder or the template set are read"
                )
            path = Path(unquote(parsed.path)).resolve()
            if not any(path.is_relative_to(folder) for folder in folders):
                raise ValueError(f"{url}: outside the content folder and the template set")
            if not path.is_file():  # a folder, a device or a pipe (which would never end)
                raise ValueError(f"{url}: no such file")
            return URLFetcherResponse(url, path.read_bytes())

    return FolderFetcher(fail_on_errors=True, allowed_protocols=("data", "file"))


@dataclass(frozen=True)
class Pdf:
    data: bytes
    letter_pages: int
    """How many pages the letter runs over (``letter_pages``)."""


LETTER_END = "notations"
"""The id letter.html gives the letter's last part, its notations: the page it is set
on is the letter's last."""


def letter_pages(document) -> int:
    """How many pages the letter of a laid-out WeasyPrint ``document`` runs over: up to the
    page holding ``LETTER_END`` (1 when there is none: a letter without notations)."""
    for number, page in enumerate(document.pages, start=1):
        if LETTER_END in page.anchors:
            return number
    return 1


def count_letter_pages(
    html: str, content_folder: Path, template_folders: list[Path], strict: bool
) -> int:
    """Lay out ``html`` only to count the letter's pages (for a Word file built alone)."""
    with _collect_weasyprint_warnings() as collector:
        document = _layout(html, content_folder, template_folders)
    _report(collector, strict)
    return letter_pages(document)


def _layout(html: str, content_folder: Path, template_folders: list[Path]):
    weasyprint = libraries.load()
    allowed = [content_folder, *template_folders]
    # The process's font configuration, not a new one for each document: Pango never
    # frees the fontconfig configuration of one (fontmap.py), which ``watch`` felt.
    font_config = fontmap.for_render()
    try:
        with _weasyprint_errors(template_folders):
            return weasyprint.HTML(
                string=html, base_url=str(content_folder) + "/", url_fetcher=fetcher(allowed)
            ).render(font_config=font_config)
    finally:
        fontmap.done(font_config)


def render(
    html: str,
    facts: Facts,
    content_folder: Path,
    template_folders: list[Path],
    options: PdfOptions,
) -> Pdf:
    """Lay out ``html`` and return the PDF.

    Relative URLs are resolved against ``content_folder``; files are read from it
    and from ``template_folders`` only.
    """
    weasyprint = libraries.load()

    variant = VARIANTS.get(options.variant or "")
    if options.variant is not None and variant is None:
        choices = ", ".join(VARIANTS)
        raise RenderError(Problem("PDF", f"unknown PDF variant '{options.variant}': {choices}"))
    identifier = options.identifier or reproducible.identifier(html, options.variant or "")
    with _collect_weasyprint_warnings() as collector:
        document = _layout(html, content_folder, template_folders)
        _metadata(document.metadata, facts)
        if variant is not None and variant.claims_ua1:
            _claim_ua1(document.metadata)
        with _weasyprint_errors(template_folders), warnings.catch_warnings():
            attachments = [
                weasyprint.Attachment(
                    string=data,
                    name=name,
                    description=description,
                    created=facts.created,
                    modified=facts.modified,
                    relationship="Source",
                )
                for name, data, description in options.attachments
            ]
            # WeasyPrint 70 opens the sRGB profile of PDF/A and never closes it; the
            # file is read whole and garbage-collected at once, so nothing leaks.
            warnings.simplefilter("ignore", ResourceWarning)
            pdf = document.write_pdf(
                pdf_variant=variant.weasyprint if variant else None,
                pdf_tags=True,
                pdf_identifier=identifier,
                custom_metadata=False,  # other <meta> names (viewport) are not PDF metadata
                attachments=attachments,
            )
    _report(collector, options.strict)
    return Pdf(pdf, letter_pages(document))


def _report(collector: Collector, strict: bool) -> None:
    """WeasyPrint's warnings: the first one fails a ``strict`` build, else each is logged."""
    for message in collector.messages:
        if strict:
            raise RenderError(Problem("PDF", f"WeasyPrint warned: {message}"))
        log.warning("WeasyPrint: %s", message)


@contextmanager
def _weasyprint_errors(template_folders: list[Path]) -> Iterator[None]:
    """WeasyPrint's errors, and only those, as ours (the code around its calls is not
    wrapped, so a mistake of ours keeps its own traceback).

    A URL that the fetcher refused or could not find comes from the template set:
    content never names a URL (its text is escaped, its images are embedded).
    """
    from weasyprint.urls import FatalURLFetchingError

    try:
        yield
    except FatalURLFetchingError as error:
        reason = str(error.__cause__ or error)
        where = shown_path(template_folders[0]) if template_folders else "templates"
        raise TemplateError(Problem(where, f"the templates ask for {reason}")) from None
    except Exception as error:  # WeasyPrint raises many kinds; all mean the same here
        raise RenderError(Problem("PDF", f"WeasyPrint failed: {error}")) from error


def _metadata(metadata, facts: Facts) -> None:
    """Write the document's facts into WeasyPrint's ``DocumentMetadata``."""
    metadata.title = facts.title
    metadata.authors = [facts.author] if facts.author else []
    metadata.description = facts.subject
    metadata.keywords = list(facts.keywords)
    metadata.created = facts.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    metadata.modified = facts.modified.strftime("%Y-%m-%dT%H:%M:%SZ")


def _claim_ua1(metadata) -> None:
    """Make ``metadata`` write ``pdfuaid:part="1"`` beside the ``pdfaid`` identification."""
    from xml.etree.ElementTree import fromstring, tostring

    from weasyprint.pdf.metadata import NS, DocumentMetadata

    class _PdfAAndUa1(DocumentMetadata):
        def generate_rdf_metadata(self, variant, version, conformance):
            rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))
            identification = rdf.find(f"{{{NS['rdf']}}}Description")
            assert identification is not None  # WeasyPrint writes it first for every PDF/A
            identification.set(f"{{{NS['pdfuaid']}}}part", "1")
            return tostring(rdf, encoding="utf-8")

    metadata.__class__ = _PdfAAndUa1
