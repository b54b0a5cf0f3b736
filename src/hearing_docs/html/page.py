"""HTML stage: a hearing and its template set in, one HTML page out.

In: a ``Hearing``, the ``TemplateSet`` it asks for, its ``Assets`` (emblem
and signature images, already checked) and its document ``Facts`` (title,
author, subject, keywords, dates: what base.html puts in the page's metadata).
Out: an HTML string, self-contained (CSS inline, images as data URLs), that is
both the HTML output and what WeasyPrint lays out for the PDF.

The templates run in Jinja's sandbox with ``StrictUndefined`` and autoescape:
content is always text (``<b>`` in YAML prints as ``<b>``), a misspelt variable
fails instead of printing nothing, and template errors name file and line.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import missing

from hearing_docs.content import markup
from hearing_docs.content.dates import DateRange, Days, Month
from hearing_docs.content.model import Hearing
from hearing_docs.document import dates, notes, titles
from hearing_docs.document.facts import Facts
from hearing_docs.errors import Problem, TemplateError, shown_path
from hearing_docs.fonts import glyphs, metrics
from hearing_docs.groups import Group
from hearing_docs.html import autospace, compiled
from hearing_docs.templateset.assets import Assets
from hearing_docs.templateset.catalogue import Catalogue
from hearing_docs.templateset.sets import TemplateSet

ENTRY_TEMPLATE = "base.html"
CONTEXT_NAMES = (
    "hearing",
    "document",
    "letter",
    "summary",
    "language",
    "title",
    "title_lines",
    "theme",
    "emblem",
    "signature",
    "signatures",
    "words",
    "letterhead",
    "line_height",
)

# How a template reaches an object of each class, for messages about its attributes.
_REACHED_AS = {
    "Hearing": "hearing",
    "Facts": "document",
    "Letter": "letter",
    "Signatory": "signer",
    "DateRange": "summary.date",
    "Days": "summary.date",
    "Month": "summary.date",
    "Summary": "summary",
    "Section": "section",
    "BulletList": "paragraph",
    "NumberedList": "paragraph",
    "Note": "note",
    "Theme": "theme",
    "Page": "theme.page",
    "Text": "theme.text",
    "Letterhead": "theme.letterhead",
    "LetterLayout": "theme.letter",
    "SummaryLayout": "theme.summary",
    "PageNumbers": "theme.page_numbers",
    "Footnotes": "theme.footnotes",
    "Image": "image",
    "Catalogue": "words",
    "Dates": "words.dates",
}


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose message names the object as a template reaches it."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        name = str(self._undefined_name)
        if self._undefined_obj is missing:
            return f"'{name}' is undefined" + _did_you_mean(name, CONTEXT_NAMES)
        owner = type(self._undefined_obj)
        shown = _REACHED_AS.get(owner.__name__, owner.__name__)
        known = [n for n in dir(self._undefined_obj) if not n.startswith(("_", "model_"))]
        return f"'{shown}' has no attribute '{name}'" + _did_you_mean(name, known)


def _did_you_mean(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def environment(template_set: TemplateSet) -> SandboxedEnvironment:
    """The Jinja environment of a set: its folders first, then ``SET/FILE`` names."""
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(f) for f in template_set.folders]),
            jinja2.FileSystemLoader([str(r) for r in template_set.roots]),
        ]
    )
    settings = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
    filters = {
        "inline": markup.to_html,
        "plain": markup.plain,
        "longdate": _long_date,
        "isodate": dates.iso_date,
        "notes": notes.listed,
    }
    env = SandboxedEnvironment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
        undefined=_Undefined,
        finalize=_text_only,
        bytecode_cache=compiled.bytecode_cache(
            "sandboxed", "autoescape html", "finalize", sorted(settings.items()), sorted(filters)
        ),
        **settings,
    )
    env.filters.update(filters)
    return env


@jinja2.pass_context
def _long_date(
    context: jinja2.runtime.Context, value: dates.AnyDate, language: str | None = None
) -> str:
    """``date | longdate``: a date in the document's language, as its catalogue (``words``)
    writes it.

    ``language`` is accepted for the templates written before the catalogue; the
    document's catalogue decides, so every output prints the same words.
    """
    return dates.long_date(value, context["words"])


def _text_only(value: object) -> object:
    """What ``{{ ... }}`` prints, unless it is a part of the hearing or theme printed whole.

    A group of fields (a list of bullets, a section, a signatory) has no printed
    form: a template would print Python's (``bullets=['one', 'two']``). That is a
    template written before the part existed, such as a copy of an older set:
    stop at its line instead."""
    if isinstance(value, Days | Month | DateRange):
        raise jinja2.TemplateRuntimeError(
            f"prints a date whole ({type(value).__name__}), not text: print it with "
            "| longdate (and | isodate in <time datetime>), as docs/templates.md shows"
        )
    if isinstance(value, Group):
        name = type(value).__name__
        raise jinja2.TemplateRuntimeError(
            f"prints a {name} whole, a group of fields and not text: print its fields "
            "(docs/templates.md shows how the packaged set draws each part)"
        )
    return value


def context(
    hearing: Hearing, template_set: TemplateSet, assets: Assets, facts: Facts
) -> dict[str, Any]:
    """What every template receives (docs/templates.md lists it)."""
    hearing = notes.numbered(hearing)  # the links of the footnotes need their numbers
    words = template_set.catalogue(hearing.language)
    return {
        "hearing": hearing,
        "document": facts,
        "letter": hearing.letter,
        "summary": hearing.summary,
        "language": hearing.language,
        "title": facts.title,
        "title_lines": (
            titles.title_lines(hearing.summary, template_set.theme) if hearing.summary else []
        ),
        "theme": template_set.theme,
        "emblem": assets.emblem,
        "signature": assets.signature,
        "signatures": assets.signatures,
        "words": words,
        "letterhead": template_set.letterhead_lines(hearing.language),
        "line_height": _line_height(template_set, words),
    }


def _line_height(template_set: TemplateSet, words: Catalogue) -> float:
    """The style sheet's ``line-height``: the theme's line pitch, less what CSS adds to a
    line where the Latin faces meet those of the language's own script, so the PDF's
    lines are as far apart as Word's (``metrics.shared_line_height``)."""
    theme = template_set.theme
    groups = [theme.text.fonts, glyphs.slot_fonts(glyphs.language_slot(words), theme)]
    if groups[1] == groups[0]:
        groups.pop()
    return metrics.shared_line_height(theme.text.line_height, theme.text.size, groups)


def render(hearing: Hearing, template_set: TemplateSet, assets: Assets, facts: Facts) -> str:
    """The document as one HTML page."""
    env = environment(template_set)
    try:
        page = env.get_template(ENTRY_TEMPLATE)
        return autospace.apply(page.render(context(hearing, template_set, assets, facts)))
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(_problem(error, error.filename, error.lineno, error.message)) from None
    except jinja2.TemplateNotFound as error:
        filename, line = _template_frame(error)
        message = f"template '{error.name}' not found in the set '{template_set.name}'"
        if filename is None:
            filename = str(template_set.folders[0])
        raise TemplateError(_problem(error, filename, line, message)) from None
    except jinja2.TemplateError as error:
        filename, line = _template_frame(error)
        raise TemplateError(_problem(error, filename, line, error.message)) from None
    except Exception as error:  # a sandbox refusal, or Python's own error inside an expression
        filename, line = _template_frame(error)
        message = (
            str(error) if isinstance(error, SecurityError) else f"{type(error).__name__}: {error}"
        )
        raise TemplateError(_problem(error, filename, line, message)) from None


def _problem(
    error: Exception, filename: str | None, line: int | None, message: str | None
) -> Problem:
    shown = shown_path(Path(filename)) if filename else "template"
    return Problem(shown, message or type(error).__name__, line)


def _template_frame(error: BaseException) -> tuple[str | None, int | None]:
    """File and line of the innermost template frame of a render-time error.

    Jinja rewrites the traceback of an error raised while rendering: each
    template frame becomes a frame whose code names the template file and line.
    """
    found: tuple[str | None, int | None] = (None, None)
    traceback = error.__traceback__
    while traceback is not None:
        frame = traceback.tb_frame
        if "__jinja_exception__" in frame.f_globals:
            found = (frame.f_code.co_filename, traceback.tb_lineno)
        elif "__jinja_template__" in frame.f_globals:
            template = frame.f_globals["__jinja_template__"]
            found = (template.filename, template.get_corresponding_lineno(traceback.tb_lineno))
        traceback = traceback.tb_next
    return found
