"""The reception date as people type it, and the 6-week rule."""
from datetime import date, datetime, timezone

import pytest

from actions.dates import DateAnswer, Kind, Reason, parse_reception_date, today_in_paris
from actions.deadline import can_still_refuse, french_long_date, last_day_to_refuse

TODAY = date(2026, 11, 27)  # a Friday


@pytest.mark.parametrize("text, expected", [
    ("le 3 mars", date(2026, 3, 3)),
    ("3/03", date(2026, 3, 3)),
    ("03/03/2026", date(2026, 3, 3)),
    ("le 3 décembre", date(2025, 12, 3)),  # a date without year is in the past
    ("le 1er octobre", date(2026, 10, 1)),
    ("il y a deux semaines", date(2026, 11, 13)),
    ("il y a 10 jours", date(2026, 11, 17)),
    ("hier", date(2026, 11, 26)),
    ("avant-hier", date(2026, 11, 25)),
    ("lundi dernier", date(2026, 11, 23)),
    ("jeudi passé", date(2026, 11, 26)),
    ("je l'ai reçu le 3 mars", date(2026, 3, 3)),
    ("la lettre est arrivée le 5 novembre", date(2026, 11, 5)),
    ("il y a 3 semaines je crois", date(2026, 11, 6)),
    ("Il Y A 10 JOURS", date(2026, 11, 17)),
    ("2026-11-13", date(2026, 11, 13)),  # the value kept in the slot
    ("le 3 mar", date(2026, 3, 3)),  # short month name, not "mardi 3"
    ("12 sept.", date(2026, 9, 12)),
    ("le 1er oct", date(2026, 10, 1)),
    ("reçu le 20 nov 2026", date(2026, 11, 20)),
])
def test_exact_dates(text, expected):
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.DATE, expected)


@pytest.mark.parametrize("text, earliest_day", [
    ("début octobre", date(2026, 10, 1)),
    ("mi-octobre", date(2026, 10, 11)),
    ("fin septembre", date(2026, 9, 21)),
    ("fin décembre", date(2025, 12, 21)),  # December this year is still to come
    ("en octobre", date(2026, 10, 1)),
    ("la semaine dernière", date(2026, 11, 16)),  # Monday of last week
    ("le mois dernier", date(2026, 10, 1)),
])
def test_vague_dates_give_their_earliest_day(text, earliest_day):
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.DATE, earliest_day, approximate=True)


@pytest.mark.parametrize("text", ["je sais plus", "Je ne sais pas", "aucune idée", "je me souviens plus", "jsp", "j'ai oublié", "inconnue"])
def test_unknown(text):
    assert parse_reception_date(text, TODAY).kind is Kind.UNKNOWN


@pytest.mark.parametrize("text, reason", [
    ("le 45 mars", Reason.IMPOSSIBLE),  # dateparser alone reads a year in it
    ("le 31 février", Reason.IMPOSSIBLE),
    ("13/13", Reason.IMPOSSIBLE),
    ("32/01/2026", Reason.IMPOSSIBLE),
    ("2026-02-30", Reason.IMPOSSIBLE),
    ("demain", Reason.FUTURE),
    ("le 12/12/2026", Reason.FUTURE),
    ("le 3 mars 2020", Reason.TOO_OLD),
    ("bonjour", Reason.NOT_UNDERSTOOD),
    ("c'est sécurisé ?", Reason.NOT_UNDERSTOOD),
    ("", Reason.NOT_UNDERSTOOD),
])
def test_invalid_dates_say_why(text, reason):
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.INVALID, reason=reason)


def test_today_is_the_day_in_paris_not_in_utc():
    winter_night = datetime(2026, 11, 26, 23, 30, tzinfo=timezone.utc)  # 00:30 in Paris
    summer_night = datetime(2026, 7, 14, 22, 30, tzinfo=timezone.utc)   # 00:30 in Paris
    assert today_in_paris(winter_night) == date(2026, 11, 27)
    assert today_in_paris(summer_night) == date(2026, 7, 15)
    assert today_in_paris(datetime(2026, 11, 26, 22, 59, tzinfo=timezone.utc)) == date(2026, 11, 26)


def test_yesterday_after_midnight_in_paris():
    today = today_in_paris(datetime(2026, 11, 26, 23, 30, tzinfo=timezone.utc))
    assert parse_reception_date("hier", today).value == date(2026, 11, 26)


RECEIVED = date(2026, 12, 1)


@pytest.mark.parametrize("days_after, allowed", [(0, True), (41, True), (42, True), (43, False)])
def test_six_week_boundary(days_after, allowed):
    assert can_still_refuse(RECEIVED, date.fromordinal(RECEIVED.toordinal() + days_after)) is allowed


def test_last_day_is_six_weeks_later_on_the_same_weekday():
    assert last_day_to_refuse(RECEIVED) == date(2027, 1, 12)
    assert last_day_to_refuse(RECEIVED).weekday() == RECEIVED.weekday()


def test_boundary_around_midnight_in_paris():
    received = date(2026, 10, 16)  # last day: 27 November 2026
    late_evening = datetime(2026, 11, 27, 22, 59, tzinfo=timezone.utc)  # 23:59 in Paris
    after_midnight = datetime(2026, 11, 27, 23, 1, tzinfo=timezone.utc)  # 00:01 on the 28th
    assert can_still_refuse(received, today_in_paris(late_evening))
    assert not can_still_refuse(received, today_in_paris(after_midnight))


@pytest.mark.parametrize("day, text", [
    (date(2027, 1, 12), "mardi 12 janvier 2027"),
    (date(2027, 3, 1), "lundi 1er mars 2027"),
    (date(2026, 8, 15), "samedi 15 août 2026"),
    (date(2026, 12, 27), "dimanche 27 décembre 2026"),
])
def test_french_long_date(day, text):
    assert french_long_date(day) == text
