"""PDF variants: the names ``--pdf-variant`` and ``build(pdf_variant=...)`` accept.

In: nothing; out: ``VARIANTS``, each name with how it is asked of WeasyPrint.
Kept apart from ``writer.py`` so that the command line and ``import
hearing_docs`` can list the names without importing the PDF stage.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    """How one ``--pdf-variant`` is asked of WeasyPrint."""

    weasyprint: str
    claims_ua1: bool = False
    """Add the PDF/UA-1 identification to a variant WeasyPrint writes as PDF/A."""


VARIANTS = {
    "pdf/ua-1": Variant("pdf/ua-1"),
    "pdf/ua-2": Variant("pdf/ua-2"),
    "pdf/a-3b": Variant("pdf/a-3b"),
    "pdf/a-3b+ua-1": Variant("pdf/a-3b", claims_ua1=True),
}
DEFAULT_VARIANT = "pdf/ua-1"
ARCHIVAL = ("pdf/a-3b", "pdf/a-3b+ua-1")
"""The variants for archiving, which carry the content file as an attachment."""
