"""hearing-docs: cover letters and hearing summaries from YAML, as PDF, Word and HTML.

The Python API (docs/api.md)::

    import hearing_docs

    hearing = hearing_docs.load("content/x.yaml")          # or raises ContentError
    problems = hearing_docs.check("content/x.yaml")        # [] when it builds
    paths = hearing_docs.build("content/x.yaml", "output", formats=["pdf", "docx"])

Importing the package is cheap: the stages are imported by the first call.
"""

from __future__ import annotations

from hearing_docs.api import (
    FORMATS,
    PDF_VARIANTS,
    Problems,
    Written,
    build,
    check,
    load,
    up_to_date,
)
from hearing_docs.errors import (
    ContentError,
    FolderError,
    HearingDocsError,
    Problem,
    RenderError,
    TemplateError,
)
from hearing_docs.version import __version__

__all__ = [
    "FORMATS",
    "PDF_VARIANTS",
    "ContentError",
    "FolderError",
    "HearingDocsError",
    "Problem",
    "Problems",
    "RenderError",
    "TemplateError",
    "Written",
    "__version__",
    "build",
    "check",
    "load",
    "up_to_date",
]
