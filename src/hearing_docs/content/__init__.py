"""Content stage: a YAML content file in, a validated ``Hearing`` out.

``yamlsource`` reads YAML with the position of every value; ``validation``
checks it against ``model`` and maps each problem back to its line;
``loading`` ties the two together; ``markup`` parses the inline markup that
paragraphs may carry.
"""
