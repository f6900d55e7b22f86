"""Unit tests of the "Refuse or close?" form validator and actions."""
import asyncio
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.refus_ou_cloture import (ActionArreterProcedure, ActionRecommencerProcedure,
                                      ActionRefusOuCloture, ValidateFormulaireRefusOuCloture)
from actions.dates import today_in_paris
from actions.steps import ActionEtapeProcedure, step_count
from tests import content

TODAY = date(2026, 11, 27)
FORM = "formulaire_refus_ou_cloture"
DOMAIN = {
    "responses": content.load_responses(),
    "forms": {FORM: {"required_slots": ["date_reception"]}},
    "slots": {"date_reception": {"type": "text"}, "procedure": {"type": "text"}, "etape": {"type": "float"}},
}


def tracker(slots=None, intent="informer_date", text="", active_loop=None, events=None):
    latest = {"intent": {"name": intent, "confidence": 0.9}, "text": text}
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("test", slots or {}, latest, events or [], False, None, loop, "action_listen")


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, DOMAIN)
    if asyncio.iscoroutine(events):
        events = asyncio.run(events)
    return events, [m["response"] for m in dispatcher.messages], dispatcher.messages


def validate(text):
    dispatcher = CollectingDispatcher()
    validator = ValidateFormulaireRefusOuCloture(today=lambda: TODAY)
    slots = validator.validate_date_reception(text, dispatcher, tracker(text=text), DOMAIN)
    return slots, [m["response"] for m in dispatcher.messages], dispatcher.messages


# --- the date question ------------------------------------------------------

def test_a_valid_date_is_kept_as_iso():
    assert validate("il y a deux semaines") == ({"date_reception": "2026-11-13"}, [], [])


def test_an_unknown_date_goes_on_with_a_marker():
    assert validate("je sais plus")[:2] == ({"date_reception": "inconnue"}, [])


@pytest.mark.parametrize("text, response", [
    ("le 45 mars", "utter_date_impossible"),
    ("demain", "utter_date_future"),
    ("le 3 mars 2020", "utter_date_trop_ancienne"),
    ("euh", "utter_date_incomprise"),
])
def test_an_invalid_date_is_asked_again_with_the_reason(text, response):
    slots, responses, _ = validate(text)
    assert slots == {"date_reception": None} and responses == [response]
    assert response in DOMAIN["responses"]


def test_a_reset_date_is_not_an_invalid_answer():
    assert validate(None) == ({"date_reception": None}, [], [])


def test_a_vague_date_says_which_day_is_counted():
    slots, responses, messages = validate("début octobre")
    assert slots == {"date_reception": "2026-10-01"}
    assert responses == ["utter_date_approximative"] and messages[0]["debut"] == "jeudi 1er octobre 2026"


def test_the_form_validation_runs_through_rasa_sdk():
    events = [{"event": "slot", "name": "date_reception", "value": "le 45 mars"}]
    form_tracker = tracker({"date_reception": "le 45 mars", "requested_slot": "date_reception"},
                           text="le 45 mars", active_loop=FORM, events=events)
    returned, responses, _ = run(ValidateFormulaireRefusOuCloture(today=lambda: TODAY), form_tracker)
    assert SlotSet("date_reception", None) in returned and responses == ["utter_date_impossible"]


def test_today_defaults_to_today_in_paris():
    assert ValidateFormulaireRefusOuCloture().today is today_in_paris
    assert ActionRefusOuCloture().today is today_in_paris


# --- the verdict -------------------------------------------------------------

def verdict(received: str, today=TODAY):
    return run(ActionRefusOuCloture(today=lambda: today), tracker({"date_reception": received}))


def test_within_six_weeks_the_opposition_steps_start_with_the_last_day():
    events, responses, messages = verdict("2026-11-13")
    assert responses == ["utter_delai_ok", "utter_etape_opposition_1"]
    assert messages[0]["dernier_jour"] == "vendredi 25 décembre 2026"
    assert events == [SlotSet("procedure", "opposition"), SlotSet("etape", 1)]


@pytest.mark.parametrize("days_after, first_step", [
    (41, "utter_etape_opposition_1"), (42, "utter_etape_opposition_1"), (43, "utter_etape_cloture_1")])
def test_day_42_is_the_last_day_to_refuse(days_after, first_step):
    received = date(2026, 10, 1)
    today = date.fromordinal(received.toordinal() + days_after)
    assert verdict(received.isoformat(), today)[1][1] == first_step


def test_past_six_weeks_the_closing_steps_start():
    events, responses, messages = verdict("2026-03-03")
    assert responses == ["utter_delai_depasse", "utter_etape_cloture_1"]
    assert messages[0]["dernier_jour"] == "mardi 14 avril 2026"
    assert events == [SlotSet("procedure", "cloture"), SlotSet("etape", 1)]


def test_unknown_date_explains_both_ways():
    events, responses, _ = verdict("inconnue")
    assert responses == ["utter_delai_inconnu"]
    assert events == [SlotSet("procedure", None), SlotSet("etape", None)]
    text = DOMAIN["responses"]["utter_delai_inconnu"][0]["text"]
    assert "6 semaines" in text and "3422" in text and "courrier" in text


# --- one step at a time --------------------------------------------------------

def step(procedure, number, intent="etape_suivante"):
    return run(ActionEtapeProcedure(), tracker({"procedure": procedure, "etape": number}, intent=intent))


def test_the_steps_are_read_from_the_responses():
    assert step_count(DOMAIN, "cloture") == 8 and step_count(DOMAIN, "opposition") == 4


def test_next_step():
    assert step("cloture", 1)[:2] == ([SlotSet("etape", 2)], ["utter_etape_cloture_2"])


def test_after_the_last_step_comes_the_end():
    assert step("cloture", 8)[:2] == ([SlotSet("procedure", None), SlotSet("etape", None)], ["utter_fin_cloture"])
    assert step("opposition", 4)[1] == ["utter_fin_opposition"]


def test_a_problem_gets_the_help_of_that_step_then_the_step_again():
    assert step("opposition", 2, "probleme_etape")[:2] == ([], ["utter_probleme_opposition_2", "utter_etape_opposition_2"])


def test_a_problem_without_own_help_gets_the_general_help():
    assert step("cloture", 3, "probleme_etape")[:2] == ([], ["utter_probleme_etape", "utter_etape_cloture_3"])


def test_next_step_outside_a_procedure_offers_to_start_one():
    assert run(ActionEtapeProcedure(), tracker(intent="etape_suivante"))[:2] == ([], ["utter_pas_de_procedure"])


def test_every_step_offers_the_three_buttons():
    for name, variations in DOMAIN["responses"].items():
        if name.startswith("utter_etape_"):
            assert [b["payload"] for b in variations[0]["buttons"]] == ["/etape_suivante", "/probleme_etape", "/arreter"]


def test_closing_ends_with_what_happens_to_the_data():
    text = DOMAIN["responses"]["utter_fin_cloture"][0]["text"]
    assert "10 ans" in text and "3 mois" in text


def test_closing_starts_with_the_children():
    assert "enfants" in DOMAIN["responses"]["utter_etape_cloture_1"][0]["text"]


# --- stop and restart ------------------------------------------------------------

RESET = [SlotSet("date_reception", None), SlotSet("procedure", None), SlotSet("etape", None)]


def test_stop_inside_the_form_leaves_it():
    events, responses, _ = run(ActionArreterProcedure(), tracker({"requested_slot": "date_reception"},
                                                               intent="arreter", active_loop=FORM))
    assert responses == ["utter_procedure_arretee"]
    assert events == RESET + [ActiveLoop(None), SlotSet("requested_slot", None)]


def test_stop_during_the_steps_forgets_them():
    events, responses, _ = run(ActionArreterProcedure(), tracker({"procedure": "cloture", "etape": 3}, intent="arreter"))
    assert (events, responses) == (RESET, ["utter_procedure_arretee"])


def test_restart_forgets_the_date_and_the_steps():
    events, responses, _ = run(ActionRecommencerProcedure(), tracker({"date_reception": "2026-11-13"}, intent="recommencer"))
    assert (events, responses) == (RESET, ["utter_procedure_recommencee"])


def test_answers_of_opposition_and_cloture_offer_the_procedure():
    for name in ("utter_opposition", "utter_cloture"):
        assert {"title": "Savoir si je peux encore refuser", "payload": "/refus_ou_cloture"} in DOMAIN["responses"][name][0]["buttons"]
