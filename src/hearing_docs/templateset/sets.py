"""Template sets: a set name in, the folders, theme and Jinja environment out.

In: the name a hearing asks for (``template: un-pga``) and the template roots
to search, most specific first: the ``--templates`` folders, the ``templates/``
folder beside the content file, then the packaged sets. No other folder is
searched: a ``templates/`` folder further up (in a shared temporary folder, in
a home folder above the downloads) may belong to someone else.
Out: a ``TemplateSet``: its folders (a file found earlier wins, so a user
overrides the packaged set file by file), the roots searched, its ``Theme``
and the theme files it was read from (for the lines of later errors). The
sandboxed Jinja environment over the folders is made by ``html/page.py``.

Its text in each language (letterhead, notations, date patterns) is a
``catalogue`` read from the set's ``text/<language>.yaml``.

A set whose theme.yaml says ``extends: OTHER`` searches OTHER's folders after
its own, so it may hold only the files (or theme values) it changes; its
templates can extend OTHER's by name, e.g. ``{% extends "un-pga/summary.html" %}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from hearing_docs import groups
from hearing_docs.content import yamlsource
from hearing_docs.content.validation import validate
from hearing_docs.errors import Problem, TemplateError, shown_path
from hearing_docs.templateset import catalogue
from hearing_docs.templateset.roots import packaged_root as packaged_root
from hearing_docs.templateset.roots import roots_for as roots_for
from hearing_docs.templateset.theme import Theme, merge

THEME_FILE = "theme.yaml"
DEFAULT_SET = "un-pga"


@dataclass(frozen=True)
class TemplateSet:
    name: str
    folders: tuple[Path, ...]
    """Every folder of the set and the sets it extends, searched in this order."""
    roots: tuple[Path, ...]
    theme: Theme
    theme_sources: tuple[yamlsource.Source, ...]
    """The theme files read, the set's own first, with the position of every value."""
    _catalogues: dict[str, catalogue.Catalogue] = field(
        default_factory=dict, compare=False, repr=False
    )

    def catalogue(self, language: str) -> catalogue.Catalogue:
        """The set's text in ``language`` (``text/<language>.yaml``), read once per set."""
        if language not in self._catalogues:
            self._catalogues[language] = catalogue.load(self.folders, self.name, language)
        return self._catalogues[language]

    def for_language(self, language: str) -> TemplateSet:
        """The set as a document in ``language`` uses it, its theme's ``languages`` applied."""
        return replace(self, theme=self.theme.for_language(language))

    def letterhead_lines(self, language: str) -> list[str]:
        """The letterhead: the theme's lines when it sets them, else the language's."""
        return self.theme.letterhead.lines or self.catalogue(language).letterhead

    def theme_position(self, where: yamlsource.FieldPath) -> tuple[str, int | None, int | None]:
        """The theme file that sets ``where`` (the most specific one), with line and column.

        Where no theme file sets it (a built-in default), the set's own theme file.
        """
        for source in self.theme_sources:
            if where in source.positions:
                return (shown_path(source.path), *source.position(where))
        return shown_path(self.theme_sources[0].path), None, None

    def origin(self) -> str | None:
        """Where the set's files come from, when not only from the packaged sets.

        ``None`` for a packaged set used as it ships; otherwise the set's name
        and its folders outside the package, in search order, so that a person
        sees which templates decided what the documents say.
        """
        packaged = packaged_root().resolve()
        own = [f for f in self.folders if not f.resolve().is_relative_to(packaged)]
        if not own:
            return None
        shown = ", ".join(f"{shown_path(folder)}/" for folder in own)
        also = " (over the packaged sets)" if len(own) < len(self.folders) else ""
        return f"template set '{self.name}' from {shown}{also}"

    def find(self, relative: str) -> Path | None:
        """The first file named ``relative`` in the set's folders."""
        for folder in self.folders:
            if (folder / relative).is_file():
                return folder
        return None


Origin = tuple[str, int | None, int | None]
"""Where a set was asked for: the shown file, line and column of its name."""


def resolve(name: str, roots: list[Path], origin: Origin = ("template", None, None)) -> TemplateSet:
    """Find set ``name`` and the sets it extends, and read their themes.

    ``origin`` is where the name was written (the content file's ``template:``
    line), so that an unknown name is reported there.
    """
    folders: list[Path] = []
    theme_data: list[dict] = []
    theme_sources: list[yamlsource.Source] = []
    chain: list[str] = []
    current: str | None = name
    field = "template"
    while current is not None:
        shown, line, column = origin
        if current in chain:
            raise TemplateError(
                Problem(shown, f"'extends: {current}' makes a loop", line, column, field)
            )
        chain.append(current)
        own = [root / current for root in roots if (root / current).is_dir()]
        if not own:
            looked = ", ".join(shown_path(root) for root in roots)
            message = f"no template set named '{current}' (looked in {looked})"
            raise TemplateError(Problem(shown, message, line, column, field))
        folders += own
        theme_file = next((f / THEME_FILE for f in own if (f / THEME_FILE).is_file()), None)
        if theme_file is None:
            raise TemplateError(Problem(shown_path(own[0]), f"the set has no {THEME_FILE}"))
        source, current, origin = _read_theme(theme_file)
        field = "extends"
        theme_data.insert(0, source.data)
        theme_sources.append(source)
    merged: dict = {}
    for data in theme_data:
        merged = merge(merged, data)
    merged.pop("extends", None)
    theme = groups.check(Theme, merged)  # each file was checked on its own above
    return TemplateSet(name, tuple(folders), tuple(roots), theme, tuple(theme_sources))


def _read_theme(path: Path) -> tuple[yamlsource.Source, str | None, Origin]:
    """One theme file, checked on its own so that errors name its lines."""
    shown = shown_path(path)
    try:
        source = yamlsource.load(path, shown)
    except yamlsource.YamlProblems as error:
        raise TemplateError(error.problems) from None
    theme = validate(source, Theme, shown, TemplateError)
    line, column = source.position(("extends",))
    return source, theme.extends, (shown, line, column)
