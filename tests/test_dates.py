"""The reception date as people type it, and the 6-week rule."""

from datetime import date, datetime, timezone

import pytest

from actions.dates import DateAnswer, Kind, Reason, parse_reception_date, today_in_paris
from actions.deadline import can_still_refuse, french_long_date, last_day_to_refuse

TODAY = date(2026, 11, 27)  # a Friday


@pytest.mark.parametrize(
    "text, expected",
    [
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
    ],
)
def test_exact_dates(text, expected):
    answer = parse_reception_date(text, TODAY)
    assert (answer.kind, answer.value, answer.approximate) == (Kind.DATE, expected, False)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("le 3 mars 2022", date(2022, 3, 3)),
        ("03/03/2022", date(2022, 3, 3)),
        ("le courrier est daté du 8 juillet 2022", date(2022, 7, 8)),
        ("c'est écrit 1er mars 2022 en haut de la lettre", date(2022, 3, 1)),  # dateparser alone: today in 2022
        ("le mail a été envoyé le 2 novembre", date(2026, 11, 2)),
    ],
)
def test_the_date_written_on_the_letter_is_the_sending_date(text, expected):
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.DATE, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("je l'ai reçu le 3 mars 2022", date(2022, 3, 3)),
        ("la lettre est arrivée le 5 novembre", date(2026, 11, 5)),
        ("il y a deux semaines", date(2026, 11, 13)),
        ("hier", date(2026, 11, 26)),
        ("il y a 4 ans", date(2022, 11, 27)),
    ],
)
def test_a_date_said_as_the_day_it_came_is_the_arrival(text, expected):
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.DATE, expected, arrival=True)


@pytest.mark.parametrize(
    "text, earliest_day",
    [
        ("en mars 2022", date(2022, 3, 1)),
        ("je l'ai reçu en mars 2022", date(2022, 3, 1)),
        ("début janvier 2021", date(2021, 1, 1)),
    ],
)
def test_a_letter_of_2021_or_2022_is_a_normal_answer(text, earliest_day):
    answer = parse_reception_date(text, TODAY)
    assert (answer.kind, answer.value, answer.approximate) == (Kind.DATE, earliest_day, True)


@pytest.mark.parametrize(
    "text",
    [
        "je veux refuser mon espace santé",
        "je ne veux pas de mon espace santé",
        "montrez-moi la page d'accueil",
        "ma fille a son profil",
    ],
)
def test_a_sentence_without_a_date_has_none(text):
    # dateparser alone reads "je" as jeudi and "ma" as mardi.
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.INVALID, reason=Reason.NOT_UNDERSTOOD)


def test_a_date_inside_a_wish_is_found():
    answer = parse_reception_date("je veux refuser mon espace, j'ai reçu le courrier il y a 10 jours", TODAY)
    assert answer == DateAnswer(Kind.DATE, date(2026, 11, 17), arrival=True)


@pytest.mark.parametrize(
    "text, earliest_day",
    [
        ("début octobre", date(2026, 10, 1)),
        ("mi-octobre", date(2026, 10, 11)),
        ("fin septembre", date(2026, 9, 21)),
        ("fin décembre", date(2025, 12, 21)),  # December this year is still to come
        ("en octobre", date(2026, 10, 1)),
        ("la semaine dernière", date(2026, 11, 16)),  # Monday of last week
        ("le mois dernier", date(2026, 10, 1)),
    ],
)
def test_vague_dates_give_their_earliest_day(text, earliest_day):
    answer = parse_reception_date(text, TODAY)
    assert (answer.kind, answer.value, answer.approximate) == (Kind.DATE, earliest_day, True)


@pytest.mark.parametrize(
    "text", ["je sais plus", "Je ne sais pas", "aucune idée", "je me souviens plus", "jsp", "j'ai oublié", "inconnue"]
)
def test_unknown(text):
    assert parse_reception_date(text, TODAY).kind is Kind.UNKNOWN


@pytest.mark.parametrize(
    "text, reason",
    [
        ("le 45 mars", Reason.IMPOSSIBLE),  # dateparser alone reads a year in it
        ("le 31 février", Reason.IMPOSSIBLE),
        ("13/13", Reason.IMPOSSIBLE),
        ("32/01/2026", Reason.IMPOSSIBLE),
        ("2026-02-30", Reason.IMPOSSIBLE),
        ("demain", Reason.FUTURE),
        ("le 12/12/2026", Reason.FUTURE),
        ("le 3 mars 2020", Reason.TOO_OLD),  # no letter was sent before 2021
        ("le 31 décembre 2020", Reason.TOO_OLD),
        ("il y a 10 ans", Reason.TOO_OLD),
        ("bonjour", Reason.NOT_UNDERSTOOD),
        ("c'est sécurisé ?", Reason.NOT_UNDERSTOOD),
        ("", Reason.NOT_UNDERSTOOD),
    ],
)
def test_invalid_dates_say_why(text, reason):
    assert parse_reception_date(text, TODAY) == DateAnswer(Kind.INVALID, reason=reason)


def test_today_is_the_day_in_paris_not_in_utc():
    winter_night = datetime(2026, 11, 26, 23, 30, tzinfo=timezone.utc)  # 00:30 in Paris
    summer_night = datetime(2026, 7, 14, 22, 30, tzinfo=timezone.utc)  # 00:30 in Paris
    assert today_in_paris(winter_night) == date(2026, 11, 27)
    assert today_in_paris(summer_night) == date(2026, 7, 15)
    assert today_in_paris(datetime(2026, 11, 26, 22, 59, tzinfo=timezone.utc)) == date(2026, 11, 26)


def test_yesterday_after_midnight_in_paris():
    today = today_in_paris(datetime(2026, 11, 26, 23, 30, tzinfo=timezone.utc))
    assert parse_reception_date("hier", today).value == date(2026, 11, 26)


SENT = date(2026, 12, 1)


@pytest.mark.parametrize("days_after, allowed", [(0, True), (41, True), (42, True), (43, False)])
def test_six_week_boundary(days_after, allowed):
    assert can_still_refuse(SENT, date.fromordinal(SENT.toordinal() + days_after)) is allowed


def test_last_day_is_six_weeks_later_on_the_same_weekday():
    assert last_day_to_refuse(SENT) == date(2027, 1, 12)
    assert last_day_to_refuse(SENT).weekday() == SENT.weekday()


@pytest.mark.parametrize(
    "sent, last_day",
    [
        (date(2026, 11, 30), "lundi 11 janvier 2027"),
        (SENT, "mardi 12 janvier 2027"),
        (date(2022, 3, 3), "jeudi 14 avril 2022"),
    ],
)
def test_the_last_day_shown_is_the_sending_plus_42_days_with_its_weekday(sent, last_day):
    assert french_long_date(last_day_to_refuse(sent)) == last_day


def test_boundary_around_midnight_in_paris():
    sent = date(2026, 10, 16)  # last day: 27 November 2026
    late_evening = datetime(2026, 11, 27, 22, 59, tzinfo=timezone.utc)  # 23:59 in Paris
    after_midnight = datetime(2026, 11, 27, 23, 1, tzinfo=timezone.utc)  # 00:01 on the 28th
    assert can_still_refuse(sent, today_in_paris(late_evening))
    assert not can_still_refuse(sent, today_in_paris(after_midnight))


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2027, 1, 12), "mardi 12 janvier 2027"),
        (date(2027, 3, 1), "lundi 1er mars 2027"),
        (date(2026, 8, 15), "samedi 15 août 2026"),
        (date(2026, 12, 27), "dimanche 27 décembre 2026"),
    ],
)
def test_french_long_date(day, text):
    assert french_long_date(day) == text
