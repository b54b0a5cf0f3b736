"""Shared fixtures: the seed hearing built once per session, a guard that fails
any test in which WeasyPrint logs a warning it did not expect, and a user cache
of the session's own (never the cache of the person running the tests)."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import hearing_docs
from support import SEED_CONTENT, libreoffice_pdf


def pytest_configure(config: pytest.Config) -> None:
    # Every build of the session, in this process and in the commands it runs, keeps
    # its font coverage and compiled templates here, starting empty.
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="hearing-docs-test-cache-")
    config.addinivalue_line(
        "markers", "weasyprint_warnings: the test expects WeasyPrint to log warnings"
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.get("XDG_CACHE_HOME", "")
    if Path(folder).name.startswith("hearing-docs-test-cache-"):
        shutil.rmtree(folder, ignore_errors=True)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(request: pytest.FixtureRequest):
    """Any warning logged by WeasyPrint (or passed on by hearing_docs) fails the test."""
    handler = _Records()
    loggers = [logging.getLogger("weasyprint"), logging.getLogger("hearing_docs")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)
    if request.node.get_closest_marker("weasyprint_warnings") is None and handler.records:
        messages = "; ".join(record.getMessage() for record in handler.records[:3])
        pytest.fail(f"unexpected warnings were logged: {messages}")


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed hearing built into PDF, DOCX and HTML, strictly (any warning fails)."""
    out = tmp_path_factory.mktemp("seed")
    written = hearing_docs.build(SEED_CONTENT, out, strict=True)
    return {path.suffix[1:]: path for path in written}


@pytest.fixture(scope="session")
def seed_libreoffice_pdf(seed_outputs: dict[str, Path], tmp_path_factory) -> Path:
    """The seed's DOCX converted to PDF by LibreOffice."""
    return libreoffice_pdf(seed_outputs["docx"], tmp_path_factory.mktemp("libreoffice"))
