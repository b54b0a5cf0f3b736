"""The commands beside ``build`` and ``check``: ``new`` (a working folder), ``watch``
(rebuild on every save, with a live preview) and ``import`` (``importing``: a DOCX
back into content). ``cli.py`` parses their arguments and prints what they
report; they run the stages through ``pipeline`` and print nothing themselves."""
