"""Material for facilitators: the printable sheet (make fiche) and the report on
unanswered questions (make rapport)."""
