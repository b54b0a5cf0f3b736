"""Word stage: the hearing, its template set and its facts in, the DOCX out (python-docx).

``builder`` writes the document and owns python-docx's errors (``letter``
the letter, ``paragraphs`` the text and lists, ``pages`` the paper and page
numbers), ``styles`` defines the named styles from the theme (``template``
clears the starting template's), ``styleids`` gives paragraphs and runs their
style by id, ``numbering`` the lists, and ``package`` writes the properties
(the document's facts) and fixes the parts.
"""
