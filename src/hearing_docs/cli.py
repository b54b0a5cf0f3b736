"""Command line: the only module that prints or exits.

In: the arguments of ``hearing-docs`` (or ``python -m hearing_docs``).
Out: files written by ``build``, lines on standard output for what was done,
and one ``Error: FILE:LINE:COL: field: message`` line on standard error for
each content file that failed. Exit 0 when everything worked, 1 when any
content or template was bad or a render failed, 2 for bad flags.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from hearing_docs import __version__
from hearing_docs.build import FORMATS, BuildOptions, build
from hearing_docs.content import shown_path
from hearing_docs.errors import HearingDocsError

CONTENT_DIR = Path("content")
OUTPUT_DIR = Path("output")


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"'{value}': choose one or more of {', '.join(FORMATS)}, separated by commas"
        )
    return chosen


def _content_files(paths: tuple[Path, ...]) -> list[Path]:
    if paths:
        return list(paths)
    found = sorted([*CONTENT_DIR.glob("*.yaml"), *CONTENT_DIR.glob("*.yml")])
    if not found:
        raise click.UsageError(
            f"no content given and no {CONTENT_DIR}/*.yaml here; "
            "name a content file, or run 'hearing-docs new FOLDER' to start one"
        )
    return found


class _ErrorLines(logging.Handler):
    """Library warnings (such as WeasyPrint's) as 'Warning:' lines on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"Warning: {record.getMessage()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="hearing-docs")
def main() -> None:
    """Turn hearing content written in YAML into a cover letter and summary
    in the layout of UN presidential correspondence: a PDF to distribute, an
    editable Word file and an HTML page.

    \b
    Start here:
      hearing-docs build                  build every content/*.yaml into output/
      hearing-docs check content/x.yaml   list every problem of a content file
    """
    handler = _ErrorLines(logging.WARNING)
    package_logger = logging.getLogger("hearing_docs")
    if not any(isinstance(h, _ErrorLines) for h in package_logger.handlers):
        package_logger.addHandler(handler)
        package_logger.propagate = False


@main.command("build")
@click.argument("content", nargs=-1, type=click.Path(readable=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=OUTPUT_DIR,
    show_default=True,
    help="Folder to write the documents into.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    callback=_formats,
    help="Formats to write, separated by commas.",
)
@click.option(
    "-t",
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of template sets searched before templates/ beside the content "
    "and the packaged sets. May be given more than once.",
)
@click.option(
    "--strict/--no-strict",
    default=False,
    help="Fail when WeasyPrint warns (a font or image it could not use), instead of "
    "printing the warning.",
)
def build_command(
    content: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    template_dirs: tuple[Path, ...],
    strict: bool,
) -> None:
    """Build CONTENT files (default: every content/*.yaml) into PDF, DOCX and HTML.

    Each content file gives OUTPUT/<name>.pdf, .docx and .html. A file with a
    problem is reported on one line and nothing is written for it; the other
    files are still built.
    """
    options = BuildOptions(formats=formats, template_dirs=template_dirs, strict=strict)
    failed = 0
    for path in _content_files(content):
        try:
            for written in build(path, out_dir, options):
                click.echo(f"wrote {shown_path(written)}")
        except HearingDocsError as error:
            failed += 1
            click.echo(f"Error: {error.one_line()}", err=True)
    if failed:
        sys.exit(1)


@main.command("check")
@click.argument("content", nargs=-1, type=click.Path(readable=False, path_type=Path))
def check_command(content: tuple[Path, ...]) -> None:
    """Validate CONTENT files (default: every content/*.yaml) without building.

    Every problem is listed, one per line, as FILE:LINE:COL: field: message.
    """
    from hearing_docs import content as content_stage

    failed = 0
    for path in _content_files(content):
        try:
            content_stage.load(path)
            click.echo(f"ok {shown_path(path)}")
        except HearingDocsError as error:
            failed += 1
            for problem in error.problems:
                click.echo(f"Error: {problem}", err=True)
    if failed:
        sys.exit(1)
