"""Content stage: a YAML content file in, a validated ``Hearing`` out.

``yamlsource`` reads YAML with the position of every value (``yamlnodes``
composes its node tree, through libyaml when that gives the same); ``defaults``
merges in the defaults file of the content file's folder, each value keeping
its own file and place; ``validation`` checks it against ``model`` (whose
text fields are the types of ``text`` and event dates those of ``dates``) and
maps each problem back to its line;
``loading`` ties them together; ``markup`` parses the inline markup that
paragraphs may carry.
"""
