"""The import command: a DOCX in, a content file updated or made out.

In: the path of a DOCX and either the content file it was built from
(``into``) or the path of a new content file (``start``).
Out: an ``Outcome``: the unified diff of the content file, the files
written, and the lines to show (what was recognised, notes, warnings).
Nothing is written when the DOCX cannot be mapped, when the result would
not be valid content, or with ``dry_run``; the content file is replaced
atomically (``output.files``), and left byte-identical when the DOCX says
what it already says.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hearing_docs.content import defaults, loading, yamlsource
from hearing_docs.content.model import Hearing
from hearing_docs.content.validation import validate
from hearing_docs.errors import ContentError, Problem, shown_path
from hearing_docs.importer import blocks, edited, parts, typed_letter, yamlfile
from hearing_docs.output import files
from hearing_docs.pipeline import BuildOptions, render_all
from hearing_docs.templateset import sets

MAX_DOCX_BYTES = 50 * 1024 * 1024


@dataclass
class Outcome:
    diff: str = ""
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Lines for the person: what was read where, accepted changes, comments."""
    warnings: list[str] = field(default_factory=list)
    """Guesses, and text that is not in the content file (each quoted)."""
    unchanged: bool = False


class NotImported(ContentError):
    """The typed letter gives no content that builds; ``outcome`` says what was found."""

    def __init__(self, error: ContentError, outcome: Outcome) -> None:
        super().__init__(error.problems)
        self.outcome = outcome


def into(
    docx_path: Path, content_path: Path, dry_run: bool = False, template_dirs: Sequence[Path] = ()
) -> Outcome:
    """Bring the text of ``docx_path``, built from ``content_path`` and edited, back into it."""
    shown = shown_path(docx_path)
    reading = edited.canonical(blocks.read(_read_docx(docx_path, shown), shown))
    if not edited.made_by_hearing_docs(reading):
        raise ContentError(
            Problem(
                shown,
                "was not made by hearing-docs (its paragraphs lack hearing-docs' styles); "
                f"to start a content file from it: hearing-docs import {shown} -o NEW.yaml",
            )
        )
    hearing = loading.load(content_path)
    options = BuildOptions(formats=("docx",), template_dirs=template_dirs)
    expected = edited.canonical(
        blocks.read(dict(render_all(content_path, options).documents)["docx"], "built")
    )
    edited.refusals(reading, expected, shown)
    template_set = sets.resolve(hearing.template, sets.roots_for(content_path, list(template_dirs)))
    words = template_set.catalogue(hearing.language)
    content, notes = edited.content(reading, words, hearing.language, shown, expected)
    built_from = edited.content(expected, words, hearing.language, shown, expected)[0]
    _leave_defaults(content, built_from, loading.read_source(content_path))
    outcome = Outcome(notes=notes)
    if reading.tracked_changes:
        outcome.notes.insert(0, f"{reading.tracked_changes} tracked changes read as accepted")
    old_text = yamlsource.read_text(content_path, shown_path(content_path))
    new_text = yamlfile.update(old_text, content, _owned)
    if new_text == old_text:
        outcome.unchanged = True
        return outcome
    _check(new_text, content_path)
    outcome.diff = yamlfile.diff(old_text, new_text, shown_path(content_path))
    if not dry_run:
        outcome.written = [files.write(content_path, new_text.encode("utf-8"))]
    return outcome


def start(docx_path: Path, target: Path, dry_run: bool = False, language: str = "en") -> Outcome:
    """Make ``target``, a new content file, from a letter typed in Word."""
    shown = shown_path(docx_path)
    reading = blocks.read(_read_docx(docx_path, shown), shown)
    letterhead = sets.resolve("un-pga", sets.roots_for(target)).letterhead_lines(language)
    found = typed_letter.recognise(reading, language, letterhead)
    outcome = Outcome(notes=list(found.recognised), warnings=list(found.warnings))
    if reading.tracked_changes:
        outcome.notes.insert(0, f"{reading.tracked_changes} tracked changes read as accepted")
    outcome.notes += [
        comment.replace("{place}", block.place())
        for block in reading.blocks
        for comment in block.comments
    ]
    extra = _signature(found, target, outcome)
    header = f"Imported from {docx_path.name} by hearing-docs import."
    text = yamlfile.new_text(found.content, header)
    try:
        check_new(text, extra, target)
    except ContentError as error:
        raise NotImported(error, outcome) from None
    outcome.diff = yamlfile.diff("", text, shown_path(target))
    if not dry_run:
        outcome.written = files.write_all(
            [(target, text.encode("utf-8")), *[(target.parent / n, d) for n, d in extra]]
        )
    return outcome


def _signature(found: typed_letter.Recognition, target: Path, outcome: Outcome) -> list:
    """The signature picture as a file beside the content, when it is a PNG or JPEG."""
    picture = found.signature
    letter = found.content.get("letter", {})
    signer = letter.get("signatory")
    if picture is None or picture.data is None or signer is None:
        return []
    suffix = {"image/png": ".png", "image/jpeg": ".jpg"}.get(picture.content_type)
    if suffix is None:
        outcome.warnings.append(
            f"the signature picture is {picture.content_type}, not PNG or JPEG: not kept"
        )
        return []
    name = f"{target.stem}-signature{suffix}"
    signer["signature"] = name
    if picture.description:
        signer["signature_alt"] = picture.description
    else:
        signer["signature_alt"] = f"Signature of {signer['name']}"
        outcome.warnings.append(
            f'the signature picture had no description: "Signature of {signer["name"]}" '
            "is a guess, read by screen readers only"
        )
    outcome.notes.append(f"signature: written to {name}")
    return [(name, picture.data)]


def _leave_defaults(
    content: dict[str, Any], built_from: dict[str, Any], source: yamlsource.Source
) -> None:
    """Leave out of ``content`` what the defaults file gives and the DOCX did not change,
    so that it stays in the defaults file alone. An edited default goes into the content
    file, where it wins whole: a group of fields (a signatory) keeps the fields the
    import does not read (its signature) from the default. A default the editor deleted
    is written as null, which sets it aside."""
    for path in sorted(source.from_defaults, key=len, reverse=True):
        *groups, name = path
        found: Any = content
        unchanged: Any = built_from
        default: Any = source.data
        for group in groups:
            if not all(isinstance(part, dict) for part in (found, unchanged, default)):
                break
            found, unchanged, default = found.get(group), unchanged.get(group), default.get(group)
        if not all(isinstance(part, dict) for part in (found, unchanged, default)):
            continue
        if name not in found:
            if name in unchanged and _owned(tuple(map(str, path))):
                found[name] = None  # deleted in the DOCX: null in the content file
        elif found[name] == unchanged.get(name):
            del found[name]
        elif isinstance(found[name], dict) and isinstance(default.get(name), dict):
            for key, value in default[name].items():
                if key not in found[name] and not _owned((*map(str, path), key)):
                    found[name][key] = value


def _owned(path: tuple[str, ...]) -> bool:
    return ".".join(path) in parts.OWNED_FIELDS


def _read_docx(path: Path, shown: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCX_BYTES:
            message = f"is {size:,} bytes; the limit is {MAX_DOCX_BYTES:,}"
            raise ContentError(Problem(shown, message))
        return path.read_bytes()
    except OSError as error:
        raise ContentError(Problem(shown, f"cannot be read: {error.strerror}")) from None


def _check(text: str, content_path: Path) -> None:
    """Refuse a result that is not valid content, naming its line in the new text."""
    shown = shown_path(content_path)
    try:
        source = yamlsource.parse(text, content_path, shown)
    except yamlsource.YamlProblems as error:
        raise ContentError(error.problems) from None
    shared = defaults.read(content_path)
    validate(source if shared is None else defaults.merged(source, shared), Hearing, shown)


def check_new(text: str, extra: Sequence[tuple[str, bytes]], target: Path) -> None:
    """Build a new content file (and the files beside it) in a scratch folder, writing nothing."""
    with tempfile.TemporaryDirectory(prefix="hearing-docs-import-") as folder:
        scratch = Path(folder) / target.name
        scratch.write_text(text, encoding="utf-8")
        for name, data in extra:
            (Path(folder) / name).write_bytes(data)
        try:
            render_all(scratch, BuildOptions(formats=("html",)))
        except ContentError as error:
            shown = shown_path(target)
            raise ContentError(
                [Problem(shown, p.message, p.line, p.column, p.field) for p in error.problems]
            ) from None
