"""New working folder: a folder name in, a folder that builds at once out.

In: the folder to create (it may exist, empty or not) and whether to copy the
default template set into it.
Out: the files written: ``content/`` with the example hearing and its
signature image, ``content/templates/`` with a README on overrides (and, with
``copy_template``, an editable copy of the packaged ``un-pga`` set),
``output/``. The templates sit beside the content files because that is the
only ``templates/`` folder a build searches besides ``--templates``. Nothing
is written when any file would be overwritten: a ``FolderError`` names the
first such file.

The example hearing and the template sets ship inside the wheel
(``hearing_docs/examples`` and ``hearing_docs/templates``); in a source
checkout they are the repository's ``content/`` and ``templates/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from hearing_docs.errors import FolderError, Problem, shown_path
from hearing_docs.templateset.sets import DEFAULT_SET, packaged_root

EXAMPLE = "2016-07-18-refugees-and-migrants.yaml"
EXAMPLE_SIGNATURE = "signatures/mogens-lykketoft.png"

_EXAMPLE_HEADER = """\
# Your first hearing: a copy of the example that ships with hearing-docs.
# Change the text, then run `hearing-docs build` in the folder that holds
# content/; the documents go to output/. To see every save at once:
#   hearing-docs watch content/{name}
#
"""

TEMPLATES_README = """\
Template overrides for the hearings in this folder's parent (content/)

A content file names its template set with `template:` (default: un-pga).
hearing-docs looks for that set in any --templates folder, then here, then
among the sets that ship with it (un-pga: A4, calibrated on the letter of
2016; un-pga-letter: US Letter). No other templates/ folder is searched, and
a build names the set it used when its files come from here. A file here
with the same name as a packaged one replaces it, file by file, for example:

    templates/un-pga/letter.html     replaces the letter's template
    templates/un-pga/emblem.png      replaces the emblem

To change a few theme values only (paper, margins, fonts, letterhead lines),
make a set of your own that extends a packaged one, and name it in the content
file with `template: my-office`:

    templates/my-office/theme.yaml:
        extends: un-pga
        letterhead:
          lines: [THE PRESIDENT, OF THE, GENERAL ASSEMBLY]

`hearing-docs new FOLDER --copy-template` puts an editable copy of the whole
un-pga set here. The template contract (variables, blocks, every theme key)
is in docs/templates.md of hearing-docs.
"""


def examples_root() -> Path:
    """The example hearings that ship with hearing-docs (inside the wheel, or the source tree)."""
    inside = Path(str(resources.files("hearing_docs"))) / "examples"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[3] / "content"


def plan(folder: Path, copy_template: bool = False) -> dict[Path, bytes | None]:
    """Every path ``create`` makes, with its bytes (``None`` for a folder)."""
    examples = examples_root()
    example = (examples / EXAMPLE).read_text(encoding="utf-8")
    files: dict[Path, bytes | None] = {
        folder / "content" / EXAMPLE: (_EXAMPLE_HEADER.format(name=EXAMPLE) + example).encode(),
        folder / "content" / EXAMPLE_SIGNATURE: (examples / EXAMPLE_SIGNATURE).read_bytes(),
        folder / "content" / "templates" / "README.txt": TEMPLATES_README.encode(),
        folder / "output": None,
    }
    if copy_template:
        packaged = packaged_root() / DEFAULT_SET
        for source in sorted(packaged.rglob("*")):
            if source.is_file():
                relative = source.relative_to(packaged)
                target = folder / "content" / "templates" / DEFAULT_SET / relative
                files[target] = source.read_bytes()
    return files


def create(folder: Path, copy_template: bool = False) -> list[Path]:
    """Make the working folder; return the files and folders written, in order."""
    files = plan(folder, copy_template)
    for path, data in files.items():
        clash = _clash(path, data is None)
        if clash is not None:
            raise FolderError(Problem(shown_path(clash), "already exists; nothing was written"))
    written: list[Path] = []
    for path, data in files.items():
        if data is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as stream:  # "x": never replace a file that appeared meanwhile
                stream.write(data)
        written.append(path)
    return written


def _clash(path: Path, is_folder: bool) -> Path | None:
    """The path (or a parent of it) that is in the way, if any."""
    for candidate in [*reversed(path.parents), path]:
        if candidate == path:
            if is_folder and candidate.is_dir():
                return None
            return candidate if candidate.exists() or candidate.is_symlink() else None
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return None
