"""Import stage: a DOCX in, content YAML out (the way back from Word).

``blocks`` reads a DOCX into neutral paragraphs (style, alignment, bold and
italic runs, breaks, pictures, tracked changes, comments). For a DOCX that
hearing-docs made: ``parts`` maps its style names to content fields (the
mapping as data), ``fields`` reads from the model which fields take markup,
and ``edited`` turns the paragraphs into content and refuses what cannot map
back. For a letter typed in Word: ``typed`` gives its lines with their cues,
``letter_parts`` and ``summary_parts`` recognise the parts, and
``typed_letter`` fits them to the model. ``inline`` writes bold and italic
as markup, ``dates`` reads dates back, and ``yamlfile`` updates the content
file with ruamel.yaml's round-trip mode and makes the diff.
"""
