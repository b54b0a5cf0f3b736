"""Word stage: the hearing and its template set in, the DOCX out (python-docx).

``builder`` writes the paragraphs, ``styles`` defines the named styles from the
theme, ``package`` fixes the package's properties and parts.
"""
