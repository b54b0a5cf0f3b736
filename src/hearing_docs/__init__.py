"""hearing-docs: cover letters and hearing summaries from YAML, as PDF, Word and HTML."""

from typing import Any


def __getattr__(name: str) -> Any:
    # ``__version__`` is looked up on first use: importing importlib.metadata costs a
    # good part of a second on a busy machine, before ``hearing-docs`` can take Ctrl+C.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("hearing-docs")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return "0.0.0"
    raise AttributeError(f"module 'hearing_docs' has no attribute {name!r}")
