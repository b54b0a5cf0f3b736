"""PDF stage: the HTML page in, the PDF out (WeasyPrint)."""
