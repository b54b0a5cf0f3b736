"""HTML stage: the hearing and its template set in, the HTML page out (Jinja2)."""
