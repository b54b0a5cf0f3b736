"""Output: rendered bytes in, files in place, all or none, reproducibly.

``files`` writes every format through temporary files renamed together;
``reproducible`` gives a stable PDF identifier and zip entries without the
clock. ``FORMATS`` are the formats a build writes, in the order it writes them.
"""

FORMATS = ("pdf", "docx", "html")
