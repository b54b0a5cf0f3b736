"""hearing-docs: cover letters and hearing summaries from YAML, as PDF, Word and HTML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hearing-docs")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
