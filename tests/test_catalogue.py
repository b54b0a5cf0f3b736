"""The template set's text in each language: dates against a hand-checked table,
every key in every language, and one line naming set, language and key when one lacks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.document import dates
from hearing_docs.errors import shown_path
from hearing_docs.templateset import catalogue, sets
from support import ROOT, seed_copy

PACKAGED = ROOT / "templates"
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
D = dt.date

# Checked by hand against the United Nations' usage in each language: one day, the first
# day of a month, days in one month, days across months, days across years, a month alone.
TABLE = {
    "en": (
        "22 July 2016",
        "1 July 2016",
        "8–10 June 2016",
        "30 June–2 July 2016",
        "30 December 2016–2 January 2017",
        "July 2016",
    ),
    "fr": (
        "22 juillet 2016",
        "1er juillet 2016",
        "8-10 juin 2016",
        "30 juin-2 juillet 2016",
        "30 décembre 2016-2 janvier 2017",
        "juillet 2016",
    ),
    "es": (
        "22 de julio de 2016",
        "1 de julio de 2016",
        "8 a 10 de junio de 2016",
        "30 de junio a 2 de julio de 2016",
        "30 de diciembre de 2016 a 2 de enero de 2017",
        "julio de 2016",
    ),
    "ru": (
        "22 июля 2016 года",
        "1 июля 2016 года",
        "8–10 июня 2016 года",
        "30 июня – 2 июля 2016 года",
        "30 декабря 2016 года – 2 января 2017 года",
        "июль 2016 года",
    ),
    "zh": (
        "2016年7月22日",
        "2016年7月1日",
        "2016年6月8日至10日",
        "2016年6月30日至7月2日",
        "2016年12月30日至2017年1月2日",
        "2016年7月",
    ),
    "ar": (
        "22 تموز/يوليه 2016",
        "1 تموز/يوليه 2016",
        "8-10 حزيران/يونيه 2016",
        "30 حزيران/يونيه - 2 تموز/يوليه 2016",
        "30 كانون الأول/ديسمبر 2016 - 2 كانون الثاني/يناير 2017",
        "تموز/يوليه 2016",
    ),
}

# Lists of days, checked by hand likewise: two days of a month, two days across months,
# three days of a month.
LISTS = {
    "en": (
        "11 and 12 September 2014",
        "30 September and 1 October 2014",
        "11, 12 and 15 September 2014",
    ),
    "fr": (
        "11 et 12 septembre 2014",
        "30 septembre et 1er octobre 2014",
        "11, 12 et 15 septembre 2014",
    ),
    "es": (
        "11 y 12 de septiembre de 2014",
        "30 de septiembre y 1 de octubre de 2014",
        "11, 12 y 15 de septiembre de 2014",
    ),
    "ru": (
        "11 и 12 сентября 2014 года",
        "30 сентября и 1 октября 2014 года",
        "11, 12 и 15 сентября 2014 года",
    ),
    "zh": ("2014年9月11日和12日", "2014年9月30日和10月1日", "2014年9月11日、12日和15日"),
    "ar": (
        "11 و12 أيلول/سبتمبر 2014",
        "30 أيلول/سبتمبر و1 تشرين الأول/أكتوبر 2014",
        "11، 12 و15 أيلول/سبتمبر 2014",
    ),
}

# The United Nations' Arabic month names: the Levantine name, then the Egyptian one.
ARABIC_MONTHS = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
]


def text_of(language: str) -> catalogue.Catalogue:
    return sets.resolve("un-pga", [PACKAGED]).catalogue(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_read_as_the_table_says(language: str) -> None:
    text = text_of(language)
    printed = (
        dates.day(D(2016, 7, 22), text),
        dates.day(D(2016, 7, 1), text),
        dates.span(D(2016, 6, 8), D(2016, 6, 10), text),
        dates.span(D(2016, 6, 30), D(2016, 7, 2), text),
        dates.span(D(2016, 12, 30), D(2017, 1, 2), text),
        dates.month(2016, 7, text),
    )
    assert printed == TABLE[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_of_days_read_as_the_table_says(language: str) -> None:
    text = text_of(language)
    printed = (
        dates.days([D(2014, 9, 11), D(2014, 9, 12)], text),
        dates.days([D(2014, 9, 30), D(2014, 10, 1)], text),
        dates.days([D(2014, 9, 11), D(2014, 9, 12), D(2014, 9, 15)], text),
    )
    assert printed == LISTS[language]


def test_a_list_across_years_writes_each_year() -> None:
    both = [D(2014, 12, 31), D(2015, 1, 1)]
    assert dates.days(both, text_of("en")) == "31 December 2014 and 1 January 2015"
    assert dates.days(both, text_of("zh")) == "2014年12月31日和2015年1月1日"


def test_a_span_of_one_day_is_that_day_and_a_reversed_span_is_put_in_order() -> None:
    text = text_of("en")
    assert dates.span(D(2016, 7, 22), D(2016, 7, 22), text) == "22 July 2016"
    assert dates.span(D(2016, 6, 10), D(2016, 6, 8), text) == "8–10 June 2016"


def test_arabic_months_are_the_united_nations_pairs() -> None:
    assert text_of("ar").months == ARABIC_MONTHS


def test_a_regional_tag_uses_its_language() -> None:
    assert text_of("es-MX").language == "es"
    assert dates.day(D(2016, 7, 22), text_of("fr-CA")) == "22 juillet 2016"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_packaged_language_has_the_keys_of_english(language: str) -> None:
    def keys(data: dict, prefix: str = "") -> set[str]:
        found = set()
        for key, value in data.items():
            found |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return found

    def read(name: str) -> dict:
        return yaml.safe_load((PACKAGED / "un-pga" / "text" / f"{name}.yaml").read_text("utf-8"))

    optional = {
        "months_alone",
        "dates.first_day",
        "dates.shared_on",
        "nonbreaking_space_before",
        "nonbreaking_space_after",
    }
    assert keys(read(language)) - optional == keys(read("en")) - optional
    assert text_of(language).letterhead


def run_check(tmp_path: Path, language: str = "en") -> tuple[int, list[str]]:
    content = seed_copy(tmp_path / "content", ("language: en", f"language: {language}"))
    result = CliRunner().invoke(main, ["check", str(content)])
    return result.exit_code, result.stderr.splitlines()


def own_text(tmp_path: Path, language: str, text: str) -> Path:
    """A set of the user's own, un-pga extended, with ``text`` as its ``text/LANGUAGE.yaml``."""
    own = tmp_path / "content" / "templates" / "mine"
    (own / "text").mkdir(parents=True)
    (own / "theme.yaml").write_text("extends: un-pga\n", encoding="utf-8")
    path = own / "text" / f"{language}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_set_lacking_the_language_fails_check_in_one_line_naming_set_and_language(
    tmp_path: Path,
) -> None:
    code, lines = run_check(tmp_path, "de")
    assert code == 1
    assert lines == [
        f"Error: {shown_path(PACKAGED / 'un-pga')}: language: the template set 'un-pga' "
        "has no text in language 'de': add text/de.yaml to it"
    ]


def test_a_set_lacking_a_key_fails_check_in_one_line_naming_set_language_and_key(
    tmp_path: Path,
) -> None:
    english = (PACKAGED / "un-pga" / "text" / "en.yaml").read_text(encoding="utf-8")
    # A whole new language file for Italian, copied from English without "cc".
    path = own_text(tmp_path, "it", english.replace('copies: "cc:"\n', ""))
    code, lines = _with_set(tmp_path, "it")
    assert code == 1
    assert lines == [
        f"Error: {shown_path(path)}:1:1: copies: "
        "the template set 'mine' lacks 'copies' in language 'it'"
    ]


def test_a_set_lacking_a_key_of_a_group_names_the_group_and_the_key(tmp_path: Path) -> None:
    english = (PACKAGED / "un-pga" / "text" / "en.yaml").read_text(encoding="utf-8")
    path = own_text(tmp_path, "it", english.replace('  list_and: " and "\n', ""))
    code, lines = _with_set(tmp_path, "it")
    assert code == 1
    line, column = _line_of(path, "dates:")
    assert lines == [
        f"Error: {shown_path(path)}:{line}:{column}: dates.list_and: "
        "the template set 'mine' lacks 'dates.list_and' in language 'it'"
    ]


def test_a_set_may_change_one_key_of_a_language_it_extends(tmp_path: Path) -> None:
    own_text(tmp_path, "fr", "letterhead: [LA PRÉSIDENTE, DE L’ASSEMBLÉE GÉNÉRALE]\n")
    template_set = sets.resolve("mine", [tmp_path / "content" / "templates", PACKAGED])
    french = template_set.catalogue("fr")
    assert french.letterhead == ["LA PRÉSIDENTE", "DE L’ASSEMBLÉE GÉNÉRALE"]
    assert french.months == text_of("fr").months


def test_an_unknown_placeholder_is_named_with_its_line(tmp_path: Path) -> None:
    path = own_text(tmp_path, "en", 'dates:\n  day: "{day} {mnth} {year}"\n')
    code, lines = _with_set(tmp_path, "en")
    assert code == 1
    assert lines == [
        f"Error: {shown_path(path)}:2:8: dates.day: unknown placeholder {{mnth}}; "
        "this pattern knows {day}, {month}, {month_number}, {year}"
    ]


def test_a_character_of_the_catalogue_without_a_glyph_fails_check(tmp_path: Path) -> None:
    path = own_text(tmp_path, "en", "letterhead: [THE PRESIDENT ⸙]\n")
    code, lines = _with_set(tmp_path, "en")
    assert code == 1
    assert lines == [
        f"Error: {shown_path(path)}: character '⸙' (U+2E19) of language 'en' has no glyph "
        "in Times New Roman, Liberation Serif"
    ]


def _with_set(tmp_path: Path, language: str) -> tuple[int, list[str]]:
    content = seed_copy(
        tmp_path / "content",
        ("language: en", f"language: {language}"),
        ("template: un-pga", "template: mine"),
    )
    result = CliRunner().invoke(main, ["check", str(content)])
    return result.exit_code, result.stderr.splitlines()


def _line_of(path: Path, text: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(text):
            return number, 1
    raise AssertionError(text)


def test_a_wrong_name_of_a_kind_and_its_wrong_value_are_both_reported(tmp_path: Path) -> None:
    path = own_text(tmp_path, "en", "kinds:\n  Hearing: 5\n")
    code, lines = _with_set(tmp_path, "en")
    assert code == 1
    assert lines == [
        f"Error: {shown_path(path)}:2:3: kinds.Hearing: 'Hearing' is not one of the choices; "
        "did you mean 'hearing'?",
        f"Error: {shown_path(path)}:2:12: kinds.Hearing: expected text, got a number (5); "
        "put it in quotes if it is text",
    ]


def test_a_value_yaml_refuses_in_a_sets_words_is_reported(tmp_path: Path) -> None:
    path = own_text(tmp_path, "en", "kinds:\n  [a]: x\n")
    code, lines = _with_set(tmp_path, "en")
    assert code == 1
    assert lines == [f"Error: {shown_path(path)}:2:3: kinds: keys must be plain names"]
