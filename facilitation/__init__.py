"""Material for facilitators and the content team: the printable sheet (make fiche),
the review page of the answers (make relecture, its checks in checks.py) and the
report on unanswered questions (make rapport)."""
