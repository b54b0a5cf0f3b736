"""The command line against a stubbed build and check: what it passes on, what it prints,
and its exit codes, without rendering anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import hearing_docs
from hearing_docs.cli import main
from hearing_docs.errors import ContentError, Problem, RenderError, TemplateError


class StubBuild:
    """Stands in for ``hearing_docs.build``: records its calls; fails for named files."""

    def __init__(self, failures: dict[str, Exception] | None = None) -> None:
        self.calls: list[tuple[Path, Path, tuple[str, ...], dict[str, object]]] = []
        self.failures = failures or {}

    def __call__(self, path, output_dir, formats, **options) -> hearing_docs.Written:
        self.calls.append((Path(path), Path(output_dir), tuple(formats), options))
        if Path(path).name in self.failures:
            raise self.failures[Path(path).name]
        written = hearing_docs.Written(Path(output_dir) / f"{Path(path).stem}.{f}" for f in formats)
        written.templates = "template set 'x' from t/x/" if "templated" in str(path) else None
        return written


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> StubBuild:
    built = StubBuild(
        {
            "bad.yaml": ContentError(
                [
                    Problem("bad.yaml", "required field is missing", 3, 1, "letter.salutation"),
                    Problem("bad.yaml", "unknown field 'salutaton'", 4, 3, "letter.salutaton"),
                ]
            ),
            "theme.yaml": TemplateError(Problem("t/x/theme.yaml", "'large' is not a length", 2)),
            "engine.yaml": RenderError(Problem("PDF", "WeasyPrint failed: boom")),
        }
    )
    monkeypatch.setattr(hearing_docs, "build", built)
    return built


def run(*args: str):
    # One file at a time (-j 1): the stub records its calls in this process, and a
    # worker process of a parallel batch would record them in its own.
    extra = ["-j", "1"] if args[:1] == ("build",) else []
    return CliRunner().invoke(main, [*args, *extra])


def test_build_passes_its_options_on_and_prints_each_file(stub: StubBuild) -> None:
    result = run(
        "build", "a.yaml", "templated.yaml", "-o", "out", "-f", "pdf,html",
        "-t", ".", "--strict", "--pdf-variant", "pdf/a-3b",
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "wrote out/a.pdf",
        "wrote out/a.html",
        "using template set 'x' from t/x/",
        "wrote out/templated.pdf",
        "wrote out/templated.html",
    ]
    options = {
        "templates": (Path("."),),
        "strict": True,
        "pdf_variant": "pdf/a-3b",
        "manifest": True,
        "force": False,
    }
    assert stub.calls == [
        (Path("a.yaml"), Path("out"), ("pdf", "html"), options),
        (Path("templated.yaml"), Path("out"), ("pdf", "html"), options),
    ]


def test_a_failing_file_is_one_line_the_others_are_built_and_the_exit_is_1(
    stub: StubBuild,
) -> None:
    result = run("build", "bad.yaml", "a.yaml", "theme.yaml", "engine.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        # The unknown key is the cause of the missing field: it is the line shown.
        "Error: bad.yaml:4:3: letter.salutaton: unknown field 'salutaton' (and 1 more problem)",
        "Error: t/x/theme.yaml:2: 'large' is not a length",
        "Error: PDF: WeasyPrint failed: boom",
    ]
    assert result.stdout.splitlines() == ["wrote out/a.pdf", "wrote out/a.docx", "wrote out/a.html"]
    assert [call[0].name for call in stub.calls] == [
        "bad.yaml",
        "a.yaml",
        "theme.yaml",
        "engine.yaml",
    ]


def test_a_mistake_of_ours_is_not_turned_into_an_error_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def bug(*_: object, **__: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(hearing_docs, "build", bug)
    result = run("build", "a.yaml")
    assert isinstance(result.exception, KeyError)
    assert "Error:" not in result.output


def test_bad_flags_exit_2_before_anything_is_built(stub: StubBuild) -> None:
    result = run("build", "a.yaml", "-f", "odt")
    assert result.exit_code == 2
    assert "'odt': choose one or more of pdf, docx, html" in result.stderr
    assert run("build", "a.yaml", "--pdf-variant", "pdf/x").exit_code == 2
    assert stub.calls == []


def test_check_lists_every_problem_and_says_ok_for_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def check(path, templates=()) -> hearing_docs.Problems:
        if Path(path).name == "bad.yaml":
            return hearing_docs.Problems(
                [
                    Problem("bad.yaml", "required field is missing", 3, 1, "letter.salutation"),
                    Problem("bad.yaml", "is not a date", 5, 9, "letter.date"),
                ]
            )
        found = hearing_docs.Problems()
        found.templates = "template set 'x' from t/x/" if templates else None
        return found

    monkeypatch.setattr(hearing_docs, "check", check)
    result = run("check", "bad.yaml", "good.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: bad.yaml:3:1: letter.salutation: required field is missing",
        "Error: bad.yaml:5:9: letter.date: is not a date",
    ]
    assert result.stdout.splitlines() == ["ok good.yaml"]
    templated = run("check", "good.yaml", "-t", ".")
    assert (templated.exit_code, templated.stdout.splitlines()) == (
        0,
        ["using template set 'x' from t/x/", "ok good.yaml"],
    )
