"""The commands beside ``build`` and ``check``: ``new`` (a working folder), ``watch``
(rebuild on every save, with a live preview) and ``import`` (``importing``: a DOCX
back into content). ``cli.py`` parses their arguments and prints what they
report; they print nothing themselves. ``watch`` builds through the public API
(``hearing_docs.build``), as a script would; ``importing`` renders the DOCX a
content file gives in memory, to compare it with the edited one, so it calls
``pipeline.render_all``, which writes nothing."""
