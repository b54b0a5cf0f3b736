"""Fonts: the hearing and the theme in; every character drawable, or an error.

``glyphs`` checks each drawn field against the faces ``fontconfig`` matches
and ``coverage`` reads; ``metrics`` gives printed widths (for ``titles``).
"""
