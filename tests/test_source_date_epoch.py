"""SOURCE_DATE_EPOCH: a malformed value stops the build, as reproducible-builds.org asks,
with one line naming the variable and the range it accepts; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from support import SEED_CONTENT

pytestmark = pytest.mark.slow  # builds documents or starts programs


@pytest.mark.parametrize(
    "value", ["garbage", "-1", " 1700000000", "1.5", "٣", "99999999999", "253402300800"]
)
def test_a_malformed_source_date_epoch_stops_the_build_with_one_line(
    value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = CliRunner().invoke(main, ["build", str(SEED_CONTENT), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: SOURCE_DATE_EPOCH: '{value}' is not a number of seconds since 1970-01-01 UTC "
        "from 0 to 4354819199 (2107-12-31, the last day a DOCX can carry); set one, or unset it\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert CliRunner().invoke(main, ["check", str(SEED_CONTENT)]).exit_code == 1
