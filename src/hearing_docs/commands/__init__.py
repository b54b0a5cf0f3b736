"""The commands beside ``build``: ``new`` (a working folder) and ``watch``."""
