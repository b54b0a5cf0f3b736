"""Document: what every renderer prints the same way, derived once from the hearing.

``facts`` gives the document's title, author, subject, keywords, kind,
language and time stamps (read by base.html, the PDF writer and the Word
package); ``dates`` writes a date as correspondence does ("22 July 2016");
``titles`` breaks the summary's title into balanced lines.
"""
