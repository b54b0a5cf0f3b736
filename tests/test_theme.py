"""The theme, alone: theme.yaml values in, a typed Theme out; sets extend one another."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearing_docs import groups
from hearing_docs.errors import TemplateError
from hearing_docs.templateset import sets
from hearing_docs.templateset.theme import Theme, merge
from support import ROOT


@pytest.mark.parametrize(
    ("written", "points"),
    [("12pt", 12.0), ("1in", 72.0), ("2.54cm", 72.0), ("25.4mm", 72.0), (" 0.5in ", 36.0)],
)
def test_lengths_take_a_unit_and_become_points(written: str, points: float) -> None:
    assert groups.check(Theme, {"text": {"size": written}}).text.size == points


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (12, "'12' needs a unit: write 12pt, 12in, 12cm or 12mm"),
        ("large", "'large' is not a length such as 1in, 2.5cm or 12pt"),
        (True, "expected a length such as 1in, 2.5cm or 12pt"),
    ],
)
def test_a_length_without_a_unit_is_refused(written: object, message: str) -> None:
    with pytest.raises(groups.Invalid, match=message):
        groups.check(Theme, {"text": {"size": written}})


def test_page_sizes_and_the_text_block() -> None:
    page = groups.check(Theme, {"page": {"size": "a4", "margin_left": "2.7cm"}}).page
    assert (page.width, page.height) == (595.28, 841.89)
    assert page.text_width == pytest.approx(595.28 - 2.7 * 72 / 2.54 - 72, abs=0.01)


def test_the_list_indent_puts_the_bullet_half_way() -> None:
    summary = groups.check(Theme, {"summary": {"list_indent": "1in"}}).summary
    assert (summary.list_indent, summary.bullet_indent) == (72.0, 36.0)


def test_merge_lays_values_over_group_by_group_and_replaces_lists() -> None:
    base = {"page": {"size": "a4", "margin_top": "1in"}, "letterhead": {"lines": ["A", "B"]}}
    over = {"page": {"size": "letter"}, "letterhead": {"lines": ["C"]}}
    assert merge(base, over) == {
        "page": {"size": "letter", "margin_top": "1in"},
        "letterhead": {"lines": ["C"]},
    }


def test_a_set_extends_another_and_a_loop_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "theme.yaml").write_text("extends: un-pga\npage:\n  size: letter\n")
    resolved = sets.resolve("mine", [tmp_path, ROOT / "templates"])
    assert resolved.theme.page.size == "letter"
    base = sets.resolve("un-pga", [ROOT / "templates"]).theme
    assert resolved.theme.page.margin_left == base.page.margin_left  # not named: inherited
    assert resolved.theme.text == base.text
    assert resolved.folders == (tmp_path / "mine", ROOT / "templates" / "un-pga")
    for name, other in (("a", "b"), ("b", "a")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "theme.yaml").write_text(f"extends: {other}\n")
    with pytest.raises(TemplateError, match="'extends: a' makes a loop"):
        sets.resolve("a", [tmp_path])
