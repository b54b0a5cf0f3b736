"""Word stage: the hearing, its template set and its facts in, the DOCX out (python-docx).

``builder`` writes the paragraphs and owns python-docx's errors, ``styles``
defines the named styles from the theme, ``numbering`` the lists, and
``package`` writes the properties (the document's facts) and fixes the parts.
"""
