"""Fonts: the hearing and the theme in; every character drawable, or an error."""
