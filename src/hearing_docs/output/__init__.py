"""Output: rendered bytes in, files in place, all or none, reproducibly.

``FORMATS`` are the formats a build writes, in the order it writes them.
"""

FORMATS = ("pdf", "docx", "html")
