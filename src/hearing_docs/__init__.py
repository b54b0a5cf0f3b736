"""hearing-docs: cover letters and hearing summaries from YAML, as PDF, Word and HTML."""

from hearing_docs.version import __version__

__all__ = ["__version__"]
