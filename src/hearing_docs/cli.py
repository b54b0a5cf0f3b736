"""Command line: the only module that prints or exits.

In: the arguments of ``hearing-docs`` (or ``python -m hearing_docs``).
Out: files written by ``build``, lines on standard output for what was done,
and one ``Error: FILE:LINE:COL: field: message`` line on standard error for
each content file that failed. Exit 0 when everything worked, 1 when any
content or template was bad or a render failed, 2 for bad flags.

Our errors (``HearingDocsError``) become ``Error:`` lines here only: in
``_each`` for every content file of ``build`` and ``check`` (the other files
still run), and in the command group for the rest. Any other exception is a
mistake of ours and keeps its traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

import hearing_docs
from hearing_docs import FORMATS, PDF_VARIANTS, HearingDocsError
from hearing_docs.commands import batch, contentfiles
from hearing_docs.errors import printable, shown_path

OUTPUT_DIR = Path("output")


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"'{value}': choose one or more of {', '.join(FORMATS)}, separated by commas"
        )
    return chosen


# Options that build and watch share.
_output_option = click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=OUTPUT_DIR,
    show_default=True,
    help="Folder to write the documents into.",
)
_format_option = click.option(
    "-f",
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    callback=_formats,
    help="Formats to write, separated by commas.",
)
_templates_option = click.option(
    "-t",
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of template sets searched before templates/ beside the content file "
    "and the packaged sets. May be given more than once.",
)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _content_files(paths: tuple[Path, ...]) -> list[Path]:
    found = contentfiles.named(paths)
    if not found:
        raise click.UsageError(
            f"no content given and no {contentfiles.CONTENT_DIR}/*.yaml here; "
            "name a content file, or run 'hearing-docs new FOLDER' to start one"
        )
    return found


def _say(line: str, err: bool = False) -> None:
    """One line for a person: control characters in it (a file name may hold a line
    break or an escape sequence) are written as escapes, as in error lines."""
    click.echo(printable(line), err=err)


def _echo_error(error: HearingDocsError, every: bool = False) -> None:
    """The error as ``Error:`` lines on standard error: its headline, or ``every`` problem."""
    for problem in error.problems if every else [error.one_line()]:
        click.echo(f"Error: {problem}", err=True)


def _each(paths: list[Path], action: Callable[[Path], None], every: bool = False) -> None:
    """``action`` on every content file; one that fails is reported and the others still
    run; exit 1 when any failed."""
    failed = 0
    for path in paths:
        try:
            action(path)
        except HearingDocsError as error:
            failed += 1
            _echo_error(error, every)
    if failed:
        sys.exit(1)


class _Commands(click.Group):
    """The command group, and the one boundary where our errors become ``Error:`` lines."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except HearingDocsError as error:
            _echo_error(error)
            sys.exit(1)


class _ErrorLines(logging.Handler):
    """Library warnings (such as WeasyPrint's) as 'Warning:' lines on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        _say(f"Warning: {record.getMessage()}", err=True)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(hearing_docs.__version__, "-V", "--version", prog_name="hearing-docs")
def main() -> None:
    """Turn hearing content written in YAML into a cover letter and summary
    in the layout of UN presidential correspondence: a PDF to distribute, an
    editable Word file and an HTML page.

    \b
    Start here:
      hearing-docs build                  build every content/*.yaml into output/
      hearing-docs check content/x.yaml   list every problem of a content file
      hearing-docs new FOLDER             start a working folder with an example hearing
      hearing-docs watch content/x.yaml   rebuild on every save, with a live preview
    """
    handler = _ErrorLines(logging.WARNING)
    package_logger = logging.getLogger("hearing_docs")
    if not any(isinstance(h, _ErrorLines) for h in package_logger.handlers):
        package_logger.addHandler(handler)
        package_logger.propagate = False


@main.command("build")
@click.argument("content", nargs=-1, type=click.Path(readable=False, path_type=Path))
@_output_option
@_format_option
@_templates_option
@click.option(
    "--strict/--no-strict",
    default=False,
    help="Fail when WeasyPrint warns (a font or image it could not use), instead of "
    "printing the warning.",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(list(PDF_VARIANTS)),
    default=PDF_VARIANTS[0],
    show_default=True,
    help="PDF profile. Every variant is tagged for screen readers; pdf/a-3b and "
    "pdf/a-3b+ua-1 are for archiving and carry the content file as an attachment.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=_cores(),
    show_default="the number of cores",
    help="Content files built at the same time.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Build every file, even one whose outputs are up to date.",
)
def build_command(
    content: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    template_dirs: tuple[Path, ...],
    strict: bool,
    pdf_variant: str,
    jobs: int,
    force: bool,
) -> None:
    """Build CONTENT files (default: every content/*.yaml) into PDF, DOCX and HTML.

    Each content file gives OUTPUT/<name>.pdf, .docx and .html. A file with a
    problem is reported on one line and nothing is written for it; the other
    files are still built. A file whose outputs are up to date (nothing it is
    built from has changed) is skipped and said so; --force builds it anyway.
    A folder stands for every .yaml file in it; several files are built JOBS at
    a time, with their lines in the order of the files.
    """
    settings = batch.Settings(
        tuple(formats), tuple(template_dirs), strict, pdf_variant, manifest=True, force=force
    )
    paths, clashes = contentfiles.one_per_output(_content_files(content), out_dir)
    for problem in clashes:
        click.echo(f"Error: {problem}", err=True)
    failed = len(clashes)
    with _progress(len(paths)) as progress:
        for outcome in batch.run(paths, out_dir, settings, jobs, progress):
            for warning in outcome.warnings:
                _say(f"Warning: {warning}", err=True)
            for line in outcome.errors:
                _say(f"Error: {line}", err=True)
            failed += bool(outcome.errors)
            if outcome.unchanged:
                _say(f"unchanged {shown_path(outcome.content)}: its outputs are up to date")
            elif outcome.templates:
                _say(f"using {outcome.templates}")
            for file in [] if outcome.unchanged else outcome.files:
                _say(f"wrote {shown_path(file)}")
    if failed:
        sys.exit(1)


@contextmanager
def _progress(files: int) -> Iterator[Callable[[int, list[Path]], None]]:
    """Files done, the files being built and the time since the start, on a terminal;
    nothing otherwise (the lines of each file say it all)."""
    if files < 2 or not sys.stderr.isatty():
        yield lambda done, running: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), "{task.description}")
    # Lines printed meanwhile go above the display; standard output is only taken over
    # when it is the same terminal, never when it is piped.
    console = Console(stderr=True)
    bar = Progress(*columns, console=console, redirect_stdout=sys.stdout.isatty())
    task = bar.add_task("", total=files)

    def show(done: int, running: list[Path]) -> None:
        # Started at the first news, once the batch's worker processes are forked: the
        # display's thread must not exist when they are.
        if not bar.live.is_started:
            bar.start()
        names = ", ".join(path.name for path in running)
        # Drawn at once: a batch of quick files can end between two of the display's
        # own refreshes, and the files being built would never be shown.
        description = f"building {names}" if names else ""
        bar.update(task, completed=done, description=description, refresh=True)

    try:
        yield show
    finally:
        bar.stop()


@main.command("check")
@click.argument("content", nargs=-1, type=click.Path(readable=False, path_type=Path))
@_templates_option
def check_command(content: tuple[Path, ...], template_dirs: tuple[Path, ...]) -> None:
    """Validate CONTENT files (default: every content/*.yaml) without writing anything.

    Checks the content, then its template set, images and fonts, and renders
    the PDF, the DOCX and the HTML in memory, so that whatever 'build' would
    refuse, 'check' refuses. Every problem is listed, one per line, as
    FILE:LINE:COL: field: message.
    """

    def check_one(path: Path) -> None:
        problems = hearing_docs.check(path, templates=template_dirs)
        if problems:
            raise HearingDocsError(problems)
        if problems.templates:
            _say(f"using {problems.templates}")
        _say(f"ok {shown_path(path)}")

    _each(_content_files(content), check_one, every=True)


@main.command("new")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--copy-template",
    is_flag=True,
    help="Also copy the default template set (un-pga) into FOLDER/content/templates/ for editing.",
)
def new_command(folder: Path, copy_template: bool) -> None:
    """Create FOLDER, a working folder that builds at once.

    \b
    FOLDER/content/            an example hearing, commented, with its signature image
    FOLDER/content/templates/  your template overrides (a README says how they work)
    FOLDER/output/             where 'hearing-docs build' writes the documents

    Existing files are never overwritten: if one is in the way, nothing is written.
    """
    from hearing_docs.commands import new

    for path in new.create(folder, copy_template):
        _say(f"created {shown_path(path)}{'/' if path.is_dir() else ''}")
    _say(f"next: cd {shown_path(folder)} && hearing-docs build")


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of content files, for editors that complete and check YAML.

    \b
    hearing-docs schema > hearing-docs.schema.json
    and start a content file with:
    # yaml-language-server: $schema=hearing-docs.schema.json
    """
    from hearing_docs.content import schema

    click.echo(schema.text(), nl=False)


@main.command("watch")
@click.argument("content", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_output_option
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Port of the preview on 127.0.0.1; 0 picks a free one.",
)
@_format_option
@_templates_option
def watch_command(
    content: Path,
    out_dir: Path,
    port: int,
    formats: tuple[str, ...],
    template_dirs: tuple[Path, ...],
) -> None:
    """Build CONTENT, then rebuild it on every save, with a live preview.

    Saving the content file, a file beside it, or any template, style sheet,
    theme or emblem it may use rebuilds the documents in OUTPUT and reloads
    the preview page (printed as its address). A save that does not build
    prints its Error line and the watch goes on. Stop with Ctrl+C.
    """
    from hearing_docs import console
    from hearing_docs.commands import watch

    console.on_interrupt(console.STOPPED)  # Ctrl+C is how a watch ends: not an error

    def built(paths: list[Path]) -> None:
        for path in paths:
            _say(f"wrote {shown_path(path)}")

    reporter = watch.Reporter(
        serving=lambda url: _say(f"preview at {url} (Ctrl+C to stop)"),
        built=built,
        failed=_echo_error,
    )
    try:
        watch.run(content, out_dir, port, reporter, formats, template_dirs)
    except OSError as error:  # the port is taken, or the folders cannot be watched
        click.echo(f"Error: cannot watch: {error.strerror or error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        pass


@main.command("import")
@click.argument("docx_file", metavar="DOCX", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--into",
    "content",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The content file the DOCX was built from: it is updated with the DOCX's text.",
)
@click.option(
    "-o",
    "--output",
    "new_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A new content file to make from a letter typed in Word.",
)
@click.option("--dry-run", is_flag=True, help="Print the changes; write nothing.")
@_templates_option
def import_command(
    docx_file: Path,
    content: Path | None,
    new_file: Path | None,
    dry_run: bool,
    template_dirs: tuple[Path, ...],
) -> None:
    """Bring a Word file (DOCX) back into YAML content.

    \b
    hearing-docs import EDITED.docx --into CONTENT.yaml   an editor's changes into the content
    hearing-docs import LETTER.docx -o NEW.yaml           a letter typed in Word, as new content

    The changes to the content file are printed as a unified diff. Nothing is
    written when the DOCX holds something the content cannot (a table, a text
    box, a picture, a section break added by hand, a changed letterhead): one
    line names the paragraph. See docs/import.md.
    """
    from hearing_docs.commands import importing

    if (content is None) == (new_file is None):
        raise click.UsageError("give either --into CONTENT.yaml or -o NEW.yaml")
    try:
        if content is not None:
            outcome = importing.into(docx_file, content, dry_run, template_dirs)
        else:
            assert new_file is not None
            outcome = importing.start(docx_file, new_file, dry_run)
    except importing.NotImported as error:  # what was recognised explains what is missing
        _import_lines(error.outcome)
        raise
    _import_lines(outcome)
    if outcome.unchanged:
        target = shown_path(content or docx_file)
        _say(f"unchanged: {target} already holds the text of {shown_path(docx_file)}")
        return
    click.echo(outcome.diff, nl=False)
    for path in outcome.written:
        _say(f"wrote {shown_path(path)}")
    if dry_run:
        click.echo("dry run: nothing written")


def _import_lines(outcome) -> None:
    for line in outcome.notes:
        click.echo(line)
    for line in outcome.warnings:
        _say(f"Warning: {line}", err=True)
