"""The 6-week rule: a person can oppose their space within 6 weeks of the letter.

The law counts the 6 weeks from the sending of the information letter or
e-mail (Code de la santé publique, art. R1111-28: « à compter de l'envoi du
courrier d'information »), not from its arrival. Boundary, as French law counts
delays in weeks (Code de procédure civile, art. 641): the delay ends on the same
weekday, 6 weeks later. Sent on day 0, day 42 is the last day allowed, day 43
is too late. (No shift to the next working day: the content contract says
nothing about it, so the assistant never promises it.)
"""

from datetime import date, timedelta

OPPOSITION_DELAY = timedelta(weeks=6)

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def last_day_to_refuse(sent: date) -> date:
    return sent + OPPOSITION_DELAY


def can_still_refuse(sent: date, today: date) -> bool:
    return today <= last_day_to_refuse(sent)


def french_long_date(day: date) -> str:
    """'lundi 1er mars 2027', written out without depending on the machine's locale."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()]} {number} {MONTHS[day.month - 1]} {day.year}"
