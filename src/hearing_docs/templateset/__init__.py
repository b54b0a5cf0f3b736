"""Template sets: a set's name and the content file's folder in, a ``TemplateSet`` out.

``sets`` finds and resolves a set (with ``extends:``); ``theme`` validates its
``theme.yaml``; ``assets`` and ``images`` load and check the pictures that the
content and the set name.
"""
