"""Same content, same bytes: on another day, in another time zone, or with SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest

from hearing_docs.output import reproducible
from hearing_docs.pipeline import BuildOptions, build
from support import SEED_CONTENT

pytestmark = pytest.mark.slow

STEM = SEED_CONTENT.stem
YEAR = 400 * 24 * 3600  # seconds: a little more than a year

# Runs a build with the clock moved by argv[1] seconds: time.time, datetime.now,
# datetime.utcnow, date.today. It prints the SHA-256 of every file written and
# the time the process saw, so the test can check that the clocks did differ.
SHIFTED_BUILD = r"""
import datetime, hashlib, json, sys, time
from pathlib import Path

shift = float(sys.argv[1])
real_time = time.time
time.time = lambda: real_time() + shift
real_datetime, real_date = datetime.datetime, datetime.date

class ShiftedDateTime(real_datetime):
    @classmethod
    def now(cls, tz=None):
        return real_datetime.now(tz) + datetime.timedelta(seconds=shift)

    @classmethod
    def utcnow(cls):
        return real_datetime.utcnow() + datetime.timedelta(seconds=shift)

    @classmethod
    def today(cls):
        return cls.now()

class ShiftedDate(real_date):
    @classmethod
    def today(cls):
        return ShiftedDateTime.now().date()

datetime.datetime, datetime.date = ShiftedDateTime, ShiftedDate

from hearing_docs.pipeline import BuildOptions, build

out, content = Path(sys.argv[2]), Path(sys.argv[3])
digests = {}
for variant in ("pdf/ua-1", "pdf/a-3b+ua-1"):
    options = BuildOptions(strict=True, pdf_variant=variant, attach_source="a-3" in variant)
    for path in build(content, out / variant.replace("/", "-"), options):
        digests[f"{variant} {path.suffix}"] = hashlib.sha256(path.read_bytes()).hexdigest()
print(json.dumps({"now": datetime.datetime.now().isoformat(), "digests": digests}))
"""


def shifted_build(shift: int, out: Path, zone: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["TZ"] = zone
    result = subprocess.run(
        [sys.executable, "-c", SHIFTED_BUILD, str(shift), str(out), str(SEED_CONTENT)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_two_builds_a_year_apart_in_two_time_zones_give_the_same_bytes(tmp_path: Path) -> None:
    today = shifted_build(0, tmp_path / "today", "UTC")
    next_year = shifted_build(YEAR, tmp_path / "next-year", "Asia/Tokyo")
    seen = [dt.datetime.fromisoformat(run["now"]) for run in (today, next_year)]
    assert (seen[1] - seen[0]).days >= 399, seen  # the clock really moved
    assert sorted(today["digests"]) == [
        "pdf/a-3b+ua-1 .docx",
        "pdf/a-3b+ua-1 .html",
        "pdf/a-3b+ua-1 .pdf",
        "pdf/ua-1 .docx",
        "pdf/ua-1 .html",
        "pdf/ua-1 .pdf",
    ]
    assert today["digests"] == next_year["digests"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_pdf_identifier_depends_on_the_content_only(seed_outputs: dict[str, Path]) -> None:
    html = seed_outputs["html"].read_text(encoding="utf-8")
    with pikepdf.open(seed_outputs["pdf"]) as pdf:
        permanent = bytes(pdf.trailer.ID[0])
    assert permanent == reproducible.identifier(html, "pdf/ua-1")


@pytest.fixture(scope="module")
def epoch_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("epoch")
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"  # 2023-11-14 22:13:20 UTC
    try:
        options = BuildOptions(
            formats=("pdf", "docx"), strict=True, pdf_variant="pdf/a-3b+ua-1", attach_source=True
        )
        written = build(SEED_CONTENT, out, options)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return {path.suffix[1:]: path for path in written}


def test_source_date_epoch_sets_every_date_of_the_pdf(epoch_build: dict[str, Path]) -> None:
    with pikepdf.open(epoch_build["pdf"]) as pdf:
        info = pdf.docinfo
        assert (str(info.CreationDate), str(info.ModDate)) == ("D:20231114221320Z",) * 2
        xmp = pdf.open_metadata()
        assert (xmp["xmp:CreateDate"], xmp["xmp:ModifyDate"]) == ("2023-11-14T22:13:20Z",) * 2
        params = pdf.attachments[SEED_CONTENT.name].obj.EF.F.Params
        assert (str(params.CreationDate), str(params.ModDate)) == ("D:20231114221320Z",) * 2


def test_source_date_epoch_sets_every_date_of_the_docx(epoch_build: dict[str, Path]) -> None:
    properties = docx.Document(str(epoch_build["docx"])).core_properties
    when = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    assert (properties.created, properties.modified) == (when,) * 2
    assert properties.last_printed is None  # never printed
    with zipfile.ZipFile(epoch_build["docx"]) as archive:
        stamps = {entry.date_time for entry in archive.infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}


def test_without_source_date_epoch_the_dates_are_the_letters(
    seed_outputs: dict[str, Path], epoch_build: dict[str, Path]
) -> None:
    with zipfile.ZipFile(seed_outputs["docx"]) as archive:
        stamps = {entry.date_time for entry in archive.infolist()}
        names = [entry.filename for entry in archive.infolist()]
    assert stamps == {(2016, 7, 22, 12, 0, 0)}
    assert names[0] == "[Content_Types].xml"
    assert _sha256(seed_outputs["docx"]) != _sha256(epoch_build["docx"])
