"""Groups of fields: declared once as typed classes, checked against plain data.

In: a class deriving from ``Group`` whose annotations declare its fields (types
wrapped in ``Annotated`` with the markers of ``markers.py``: checks, limits, the
key a file writes, the choice between kinds), and plain data read from YAML.
Out: ``check``: an immutable instance of the class, or ``Invalid`` listing every
problem at once, each an ``Error`` with its path in the data as written, its
kind, the value found and what a message about it needs (``content/validation.py``
words the messages); ``fields``: the declared fields of a class, which the JSON
Schema, the import and the documentation tests read.

Content, theme and catalogue are checked here and not by a general validation
library: importing one and building its validators cost a cold command more
CPU than python-docx needs for a whole DOCX (docs/performance.md). The types
are the few the files use: text, true/false, numbers, dates, fixed choices,
lists, mappings, groups, "or nothing" and a choice of kinds by a function.

``markers.py`` says what a field may be, ``group.py`` what a group is and which
fields it declares, ``checking.py`` how data is checked against them.
"""

from hearing_docs.groups.checking import Error, Invalid, check
from hearing_docs.groups.group import REQUIRED, Field, Group, bare, fields, is_group
from hearing_docs.groups.markers import (
    AtLeast,
    Before,
    Check,
    Choose,
    Entries,
    JsonSchema,
    Key,
    Pattern,
    Tag,
)

__all__ = [
    "REQUIRED",
    "AtLeast",
    "Before",
    "Check",
    "Choose",
    "Entries",
    "Error",
    "Field",
    "Group",
    "Invalid",
    "JsonSchema",
    "Key",
    "Pattern",
    "Tag",
    "bare",
    "check",
    "fields",
    "is_group",
]
