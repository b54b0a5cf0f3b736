"""The glyph check's cache: what a font covers and which file fontconfig gives,
kept in the user's cache and never trusted past a change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from hearing_docs.errors import RenderError
from hearing_docs.fonts import coverage, fontconfig, metrics


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "hearing-docs" / "fonts"


def make_font(path: Path, characters: str) -> Path:
    """A tiny TrueType font with a square glyph for each of ``characters``."""
    names = [".notdef", *(f"g{ord(c)}" for c in characters)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"g{ord(c)}" for c in characters})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 500))
    pen.closePath()
    square = pen.glyph()
    builder.setupGlyf({name: square for name in names})
    builder.setupHorizontalMetrics({name: (600, 0) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Cache Test", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path


def entries(folder: Path, kind: type = list) -> list[Path]:
    """The kept coverages (lists of ranges) or metrics (lists of five)."""
    found = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name != "matches.json" and (len(data) == 5 and type(data[0]) is int) == (
            kind is tuple
        ):
            found.append(path)
    return found


def test_coverage_is_the_character_map_and_is_kept(tmp_path: Path, own_cache: Path) -> None:
    font = make_font(tmp_path / "f.ttf", "AB€")
    assert coverage.coverage(font) == {ord("A"), ord("B"), ord("€")}
    assert len(entries(own_cache)) == 1


def test_a_kept_coverage_is_read_instead_of_the_font(tmp_path: Path, own_cache: Path) -> None:
    font = make_font(tmp_path / "f.ttf", "AB")
    coverage.coverage(font)
    [entry] = entries(own_cache)
    entry.write_text("[[67, 68]]", encoding="utf-8")  # a different answer, well formed
    assert coverage.coverage(font) == {67, 68}


@pytest.mark.parametrize(
    "damage", [b"", b"{not json", b"[[1]]", b'[["A", "B"]]', b"[[5, 2]]", b"\x00\xff"]
)
def test_a_corrupt_entry_is_ignored_and_rewritten(
    tmp_path: Path, own_cache: Path, damage: bytes
) -> None:
    font = make_font(tmp_path / "f.ttf", "AB")
    coverage.coverage(font)
    [entry] = entries(own_cache)
    entry.write_bytes(damage)
    assert coverage.coverage(font) == {ord("A"), ord("B")}
    assert entry.read_text(encoding="utf-8") == "[[65,66]]"


def test_a_changed_font_file_is_read_again(tmp_path: Path, own_cache: Path) -> None:
    font = make_font(tmp_path / "f.ttf", "AB")
    assert coverage.coverage(font) == {ord("A"), ord("B")}
    before = font.stat().st_mtime_ns
    make_font(font, "XYZ")
    os.utime(font, ns=(before + 10**9, before + 10**9))
    assert coverage.coverage(font) == {ord("X"), ord("Y"), ord("Z")}
    assert len(entries(own_cache)) == 2


def test_a_cache_that_cannot_be_written_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    font = make_font(tmp_path / "f.ttf", "AB")
    assert coverage.coverage(font) == {ord("A"), ord("B")}


def fc_match(pattern: str) -> Path:
    tool = shutil.which("fc-match")
    assert tool, "fc-match is missing: apt-get install fontconfig"
    out = subprocess.run([tool, "--format=%{file}", pattern], capture_output=True, text=True)
    return Path(out.stdout)


def test_match_is_what_fc_match_gives() -> None:
    found = fontconfig.match("Times New Roman", bold=True, italic=False)
    assert found is not None
    assert found[0] == fc_match("Times New Roman:weight=200:slant=0")


def test_a_kept_match_runs_no_fc_match(monkeypatch: pytest.MonkeyPatch) -> None:
    first = fontconfig.match("Liberation Serif", bold=False, italic=True)
    monkeypatch.setenv("PATH", "")  # no fc-match to run: only the cache can answer
    assert fontconfig.match("Liberation Serif", bold=False, italic=True) == first
    with pytest.raises(RenderError, match="fc-match not found"):
        fontconfig.match("Liberation Serif", bold=True, italic=True)  # never asked before


def test_new_fonts_ask_fontconfig_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    fontconfig.match("Liberation Serif", bold=False, italic=False)
    fonts = tmp_path / "data" / "fonts"
    fonts.mkdir(parents=True)
    make_font(fonts / "new.ttf", "A")  # a font the user installs
    monkeypatch.setenv("PATH", "")
    with pytest.raises(RenderError, match="fc-match not found"):
        fontconfig.match("Liberation Serif", bold=False, italic=False)


def test_one_build_looks_at_the_fonts_once_and_the_next_looks_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    fonts = tmp_path / "data" / "fonts"
    with fontconfig.one_state():
        first = fontconfig.match("Liberation Serif", bold=False, italic=False)
        fonts.mkdir(parents=True)
        make_font(fonts / "new.ttf", "A")  # installed while the build runs
        monkeypatch.setenv("PATH", "")  # fc-match would fail: only the state may answer
        assert fontconfig.match("Liberation Serif", bold=False, italic=False) == first
        with fontconfig.one_state():  # a build inside a build: the same look
            assert fontconfig.match("Liberation Serif", bold=False, italic=False) == first
    with pytest.raises(RenderError, match="fc-match not found"):  # the next build looks again
        fontconfig.match("Liberation Serif", bold=False, italic=False)


def test_a_corrupt_match_file_is_ignored(own_cache: Path) -> None:
    expected = fontconfig.match("Liberation Serif", bold=False, italic=False)
    kept = json.loads((own_cache / "matches.json").read_text(encoding="utf-8"))
    for answer in (["/no/such/font.ttf", 0], "text", [1, 2], ["/", "0"]):
        damaged = {**kept, "matches": dict.fromkeys(kept["matches"], answer)}
        (own_cache / "matches.json").write_text(json.dumps(damaged), encoding="utf-8")
        assert fontconfig.match("Liberation Serif", bold=False, italic=False) == expected
    (own_cache / "matches.json").write_text('{"state": 1, "matches": [', encoding="utf-8")
    assert fontconfig.match("Liberation Serif", bold=False, italic=False) == expected
    (own_cache / "matches.json").write_text('{"state": 1, "matches": 7}', encoding="utf-8")
    assert fontconfig.match("Liberation Serif", bold=False, italic=False) == expected


def test_metrics_are_the_fonts_and_are_kept(tmp_path: Path, own_cache: Path) -> None:
    font = make_font(tmp_path / "f.ttf", "AB")
    assert metrics.metrics(font) == (1000, {ord("A"): 600, ord("B"): 600}, 600, 1000, 800)
    [entry] = entries(own_cache, tuple)
    entry.write_text("[2048, [[65, 7]], 9, 3, 2]", encoding="utf-8")  # well formed, different
    assert metrics.metrics(font) == (2048, {65: 7}, 9, 3, 2)


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "[1, 2]",
        "[0, [], 1]",
        "[1000, [[65]], 600]",
        "[1000, [], 600, 1000]",
        "{",
        "[0, [[65, 7]], 9, 3, 2]",
        '[1000, [[65, "7"]], 600, 1000, 800]',
        "[1000, [[65, 7, 8]], 600, 1000, 800]",
        "[1000, [65], 600, 1000, 800]",
        "[1000, [[65, true]], 600, 1000, 800]",
        "[1000, [[65, 7.5]], 600, 1000, 800]",
        "[1000, [[65, 7]], 600, 1000, null]",
        "[1000, {}, 600, 1000, 800]",
    ],
)
def test_damaged_metrics_are_read_again(tmp_path: Path, own_cache: Path, damage: str) -> None:
    font = make_font(tmp_path / "f.ttf", "AB")
    expected = metrics.metrics(font)
    [entry] = entries(own_cache, tuple)
    entry.write_text(damage, encoding="utf-8")
    assert metrics.metrics(font) == expected


def test_metrics_of_a_changed_font_are_read_again(tmp_path: Path) -> None:
    font = make_font(tmp_path / "f.ttf", "AB")
    metrics.metrics(font)
    before = font.stat().st_mtime_ns
    make_font(font, "XYZ")
    os.utime(font, ns=(before + 10**9, before + 10**9))
    assert set(metrics.metrics(font)[1]) == {ord("X"), ord("Y"), ord("Z")}


def test_a_file_digest_is_its_sha256_and_follows_every_change(tmp_path: Path) -> None:
    import hashlib

    from hearing_docs import cache

    font = tmp_path / "face.ttf"
    font.write_bytes(b"first version")
    assert cache.digest(font) == hashlib.sha256(b"first version").hexdigest()
    assert cache.digest(font) == hashlib.sha256(b"first version").hexdigest()  # kept
    # The same size, another time: a new entry, read from the file again.
    font.write_bytes(b"other version")
    os.utime(font, ns=(1_000_000_000, 1_000_000_000))
    assert cache.digest(font) == hashlib.sha256(b"other version").hexdigest()
    with pytest.raises(OSError):
        cache.digest(tmp_path / "missing.ttf")
