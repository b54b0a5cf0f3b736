"""HTML stage: the hearing, its template set and its facts in, the HTML page out.

``page`` renders the set's templates in Jinja2's sandbox; ``compiled`` keeps
their compiled code in the user's cache.
"""
