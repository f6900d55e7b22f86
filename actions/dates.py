"""Understands the date of the information letter or e-mail, as people type it in French.

`parse_reception_date("il y a deux semaines", today)` returns a `DateAnswer`:
a date, "unknown" ("je ne sais plus"), or invalid with a reason. Vague answers
("début octobre", "la semaine dernière") give the earliest day they can mean,
flagged approximate: a deadline computed from it is never later than the real one.
A date said as the day the letter came ("je l'ai reçu…", "il y a 3 mois") is
flagged `arrival`: the law counts from the sending, a few days earlier.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Optional
from zoneinfo import ZoneInfo

import dateparser
from dateparser.search import search_dates

from common.french import fold

PARIS = ZoneInfo("Europe/Paris")
# No letter was sent before 2021; a 2022 letter is the commonest case, not a mistake.
EARLIEST_LETTER = date(2021, 1, 1)

MONTHS = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
]
MONTH = "(" + "|".join(MONTHS) + ")"
PART_OF_MONTH_FIRST_DAY = {"debut": 1, "mi": 11, "milieu": 11, "fin": 21}
# Short month names after a day ("le 3 mar", "12 sept."); dateparser reads "mar" as mardi.
SHORT_MONTHS = {
    "janv": "janvier",
    "jan": "janvier",
    "fev": "fevrier",
    "fevr": "fevrier",
    "mar": "mars",
    "avr": "avril",
    "juil": "juillet",
    "sep": "septembre",
    "sept": "septembre",
    "oct": "octobre",
    "nov": "novembre",
    "dec": "decembre",
}
DAY_SHORT_MONTH = re.compile(r"\b(\d{1,2}(?:er)?) (" + "|".join(SHORT_MONTHS) + r")\b\.?")

UNKNOWN = re.compile(
    r"\b(sais (pas|plus|pu)|sai pa|souviens (pas|plus)|rappelle (pas|plus)"
    r"|aucune idee|ne sais|oublie|j ?sais pas|jsp|inconnue?)\b"
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # as kept in the slot
DAY_MONTH_WORDS = re.compile(r"\b(\d{1,3})(?:er)?\s+" + MONTH + r"(?:\s+(\d{4}))?\b")
DAY_MONTH_NUMBERS = re.compile(r"\b(\d{1,3})\s*[/.-]\s*(\d{1,3})(?:\s*[/.-]\s*(\d{2,4}))?\b")
PART_OF_MONTH = re.compile(
    r"\b(debut|mi|milieu|fin)\b(?:[\s-]+(?:du mois )?(?:de |d ))?[\s-]*" + MONTH + r"(?:\s+(\d{4}))?\b"
)
MONTH_ONLY = re.compile(r"^(?:en |au mois de |au mois d |courant )?" + MONTH + r"(?:\s+(\d{4}))?$")
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
LAST_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r") (dernier|passe)\b")
LAST_WEEK = re.compile(r"\bsemaine (derniere|passee)\b")
LAST_MONTH = re.compile(r"\bmois (dernier|passe)\b")
# Words that tell the date is the day the letter came, not the one written on it.
ARRIVAL = re.compile(r"\b(recue?|arrivee?|parvenue?|eu|trouvee?|il y a|hier|avant-hier|derniere?|passee?)\b")
# What a date found inside a longer sentence must contain ("je" alone is no "jeudi").
DATE_WORDS = re.compile(r"\d|\b(hier|avant-hier|jours?|semaines?|mois|ans?|annees?|" + "|".join(MONTHS) + r")\b")
FILLER = re.compile(
    r"\b(je (l ?ai|les ai|lai) recu|je crois|je pense|recu|environ|a peu pres|vers|c etait"
    r"|ca fait|le courrier|la lettre|le mail|l e-?mail)\b"
)

DATEPARSER_SETTINGS = {
    "TIMEZONE": "Europe/Paris",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
}


class Kind(Enum):
    DATE = "date"
    UNKNOWN = "unknown"
    INVALID = "invalid"


class Reason(Enum):
    """Why a date is refused; the value names the response utter_date_<value>."""

    NOT_UNDERSTOOD = "incomprise"
    IMPOSSIBLE = "impossible"  # no such day: "le 45 mars", "31/02"
    FUTURE = "future"
    TOO_OLD = "trop_ancienne"


@dataclass(frozen=True)
class DateAnswer:
    kind: Kind
    value: Optional[date] = None
    reason: Optional[Reason] = None
    approximate: bool = False
    arrival: bool = False


def today_in_paris(now: Optional[datetime] = None) -> date:
    """The calendar day in Paris at `now` (an aware datetime; default: now)."""
    return (now or datetime.now(PARIS)).astimezone(PARIS).date()


def normalised(text: str) -> str:
    """Folded (lower case, no accents), apostrophes and spaces made single spaces."""
    return " ".join(re.sub(r"[’'`]", " ", fold(text)).split())


def parse_reception_date(text: str, today: Optional[date] = None) -> DateAnswer:
    """Reads the date of the letter or e-mail; `today` defaults to today in Paris."""
    today = today or today_in_paris()
    folded = DAY_SHORT_MONTH.sub(lambda m: f"{m[1]} {SHORT_MONTHS[m[2]]}", normalised(text))
    if UNKNOWN.search(folded):
        return DateAnswer(Kind.UNKNOWN)
    if ISO_DATE.match(folded):
        return iso_date(folded, today)
    if has_impossible_day(folded):
        return invalid(Reason.IMPOSSIBLE)
    arrival = bool(ARRIVAL.search(folded))
    weekday = last_weekday(folded, today)
    if weekday:
        return checked(weekday, today, arrival=arrival)
    written = written_date(folded, today)
    if written:
        return checked(written, today, arrival=arrival)
    approximate = vague_date(folded, today)
    if approximate:
        return checked(approximate, today, approximate=True, arrival=arrival)
    found = dateparser_date(folded, today)
    return checked(found, today, arrival=arrival) if found else invalid(Reason.NOT_UNDERSTOOD)


def invalid(reason: Reason) -> DateAnswer:
    return DateAnswer(Kind.INVALID, reason=reason)


def iso_date(text: str, today: date) -> DateAnswer:
    try:
        return checked(date.fromisoformat(text), today)
    except ValueError:
        return invalid(Reason.IMPOSSIBLE)


def checked(value: date, today: date, approximate: bool = False, arrival: bool = False) -> DateAnswer:
    if value > today:
        return invalid(Reason.FUTURE)
    if value < EARLIEST_LETTER:
        return invalid(Reason.TOO_OLD)
    return DateAnswer(Kind.DATE, value, approximate=approximate, arrival=arrival)


def has_impossible_day(folded: str) -> bool:
    """True when the text names a day that no calendar has (dateparser would guess)."""
    for day, month_name, year in DAY_MONTH_WORDS.findall(folded):
        if not is_real_day(int(day), MONTHS.index(month_name) + 1, year):
            return True
    for day, month, year in DAY_MONTH_NUMBERS.findall(folded):
        if not is_real_day(int(day), int(month), year):
            return True
    return False


def is_real_day(day: int, month: int, year: str) -> bool:
    if not 1 <= month <= 12:
        return False
    leap_year = 2024  # without a year, 29 February may exist
    full_year = (2000 + int(year) if len(year) == 2 else int(year)) if year else leap_year
    return 1 <= day <= calendar.monthrange(full_year, month)[1]


def written_date(folded: str, today: date) -> Optional[date]:
    """ "le 1er mars 2022", "3 octobre": a day and a month's name, read without guessing.

    Without a year, the latest such day not in the future. None when the year
    has no such day (29 February): dateparser then decides.
    """
    found = DAY_MONTH_WORDS.search(folded)
    if not found:
        return None
    day, month, year = int(found[1]), MONTHS.index(found[2]) + 1, found[3]
    try:
        if year:
            return date(int(year), month, day)
        this_year = date(today.year, month, day)
        return this_year if this_year <= today else date(today.year - 1, month, day)
    except ValueError:
        return None


def last_weekday(folded: str, today: date) -> Optional[date]:
    """ "lundi dernier": the latest Monday before today (dateparser does not read it)."""
    found = LAST_WEEKDAY.search(folded)
    if not found:
        return None
    days_back = (today.weekday() - WEEKDAYS.index(found.group(1)) - 1) % 7 + 1
    return today - timedelta(days=days_back)


def vague_date(folded: str, today: date) -> Optional[date]:
    """The earliest day meant by "début octobre", "octobre", "la semaine dernière"..."""
    part = PART_OF_MONTH.search(folded)
    if part:
        return latest_past_month(MONTHS.index(part.group(2)) + 1, part.group(3), today).replace(
            day=PART_OF_MONTH_FIRST_DAY[part.group(1)]
        )
    month_only = MONTH_ONLY.match(without_filler(folded))
    if month_only:
        return latest_past_month(MONTHS.index(month_only.group(1)) + 1, month_only.group(2), today)
    if LAST_WEEK.search(folded):
        return today - timedelta(days=today.weekday() + 7)
    if LAST_MONTH.search(folded):
        return (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return None


def latest_past_month(month: int, year: str, today: date) -> date:
    """First day of that month: in the given year, else the latest one not in the future."""
    if year:
        return date(int(year), month, 1)
    return date(today.year if month <= today.month else today.year - 1, month, 1)


def without_filler(folded: str) -> str:
    return " ".join(FILLER.sub(" ", folded).split())


def dateparser_date(folded: str, today: date) -> Optional[date]:
    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=datetime.combine(today, datetime.min.time()))
    parsed = dateparser.parse(without_filler(folded), languages=["fr"], settings=settings)
    if parsed is None:
        found = search_dates(folded, languages=["fr"], settings=settings) or []
        dates = [d for words, d in found if DATE_WORDS.search(words)]
        parsed = min(dates, default=None)  # the earliest: never a late deadline
    return parsed.astimezone(PARIS).date() if parsed else None
