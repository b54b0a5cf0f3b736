"""Lets ``python -m hearing_docs`` run the command line."""

from hearing_docs.console import main

main()
