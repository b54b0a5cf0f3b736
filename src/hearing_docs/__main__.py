"""Lets ``python -m hearing_docs`` run the command line."""

from hearing_docs.cli import main

main()
