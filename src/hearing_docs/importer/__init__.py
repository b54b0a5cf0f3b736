"""Import: a DOCX in (one hearing-docs made and an editor changed, or a letter
typed in Word), content YAML out."""
