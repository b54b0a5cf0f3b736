"""PDF stage: HTML in, PDF bytes out, through WeasyPrint.

In: the HTML of ``render_html.py``, the folders WeasyPrint may read from
(the content folder and the template set), and the PDF options.
Out: the PDF as bytes, nothing written to disk.

WeasyPrint logs problems instead of raising them (a missing image still gives
a PDF). Every warning it logs is collected; with ``strict`` the build fails on
the first one, otherwise they are passed on to our own logger. WeasyPrint is
imported here only, and only when a PDF is asked for: the import costs more
than half of a one-page render.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from hearing_docs.errors import Problem, RenderError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfOptions:
    variant: str | None = "pdf/ua-1"
    identifier: bytes | None = None
    strict: bool = False
    attachment: Path | None = None
    """A file to attach to the PDF as its source (the content YAML)."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collect_weasyprint_warnings() -> Iterator[_Collector]:
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    propagate = logger.propagate
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def fetcher(allowed: list[Path]):  # type: ignore[no-untyped-def]
    """A WeasyPrint URL fetcher that reads data: URLs and files inside ``allowed`` only.

    No network (http, https, ftp), no file outside the folders, no symbolic link
    that leads out of them: the path is resolved before it is checked. A refused
    or missing URL stops the render (``fail_on_errors``: WeasyPrint raises
    ``FatalURLFetchingError`` from our ``ValueError``) instead of giving a PDF
    without the resource; ``build.py`` turns that into a one-line error.
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


def render(html: str, base: Path, allowed: list[Path], options: PdfOptions) -> bytes:
    """Lay out ``html`` and return the PDF."""
    import weasyprint

    with _collect_weasyprint_warnings() as collector:
        try:
            document = weasyprint.HTML(
                string=html, base_url=str(base) + "/", url_fetcher=fetcher(allowed)
            )
            attachments = []
            if options.attachment is not None:
                attachments.append(
                    weasyprint.Attachment(
                        string=options.attachment.read_bytes(),
                        name=options.attachment.name,
                        description="Source of this document (hearing-docs content)",
                        relationship="Source",
                    )
                )
            pdf = document.write_pdf(
                pdf_variant=options.variant,
                pdf_identifier=options.identifier,
                custom_metadata=True,
                attachments=attachments,
            )
        except Exception as error:  # WeasyPrint raises many kinds; all mean the same here
            raise RenderError(Problem("PDF", f"WeasyPrint failed: {error}")) from error
    for message in collector.messages:
        if options.strict:
            raise RenderError(Problem("PDF", f"WeasyPrint warned: {message}"))
        log.warning("WeasyPrint: %s", message)
    return pdf
