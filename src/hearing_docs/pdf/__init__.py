"""PDF stage: the HTML page and the document's facts in, the PDF out (WeasyPrint).

``writer`` drives WeasyPrint and owns its errors; ``variants`` names the PDF
profiles; ``libraries`` finds WeasyPrint's system libraries once per machine.
"""
