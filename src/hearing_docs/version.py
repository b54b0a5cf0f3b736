"""The version of hearing-docs: the one place it is written.

pyproject.toml reads it from here when the package is built (hatch's
``[tool.hatch.version]``), so the installed metadata and ``__version__`` never
differ, and no run pays for ``importlib.metadata`` to find it.
"""

__version__ = "0.1.0"
