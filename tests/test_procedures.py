"""Unit tests of the guided procedures: form validators, actions, and their content."""

import asyncio
import json
import re
from datetime import date

import pytest
from rasa.core.nlg.interpolator import interpolate_text
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.creation import ActionBilanCreation, ValidateFormulaireCreation
from actions.guide import (
    ActionArreterProcedure,
    ActionGuiderProcedure,
    ActionRecommencerProcedure,
    ActionRepondreDigression,
)
from actions.refus_ou_cloture import ARRIVAL_SLOT, DATE_SLOT, ActionRefusOuCloture, ValidateFormulaireRefusOuCloture
from actions.dates import today_in_paris
from actions.steps import ActionEtapeProcedure, step_count
from facilitation.content import read_yaml
from tests import content
from tests.content import ROOT

TODAY = date(2026, 11, 27)
FORM = "formulaire_refus_ou_cloture"
CREATION_FORM = "formulaire_creation"
DOMAIN = content.load_domain()
CHECKLIST = DOMAIN["forms"][CREATION_FORM]["required_slots"]


def tracker(slots=None, intent="informer_date", text="", active_loop=None, events=None, **parse_data):
    latest = {"intent": {"name": intent, "confidence": 0.9}, "text": text, "entities": [], **parse_data}
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("test", slots or {}, latest, events or [], False, None, loop, "action_listen")


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, DOMAIN)
    if asyncio.iscoroutine(events):
        events = asyncio.run(events)
    return events, [m["response"] for m in dispatcher.messages], dispatcher.messages


def validate(text, events=()):
    dispatcher = CollectingDispatcher()
    validator = ValidateFormulaireRefusOuCloture(today=lambda: TODAY)
    slots = validator.validate_date_reception(text, dispatcher, tracker(text=text, events=list(events)), DOMAIN)
    return slots, [m["response"] for m in dispatcher.messages], dispatcher.messages


# --- the date question ------------------------------------------------------


def test_the_date_written_on_the_letter_is_kept_as_iso():
    assert validate("le 3 mars 2022") == ({"date_reception": "2022-03-03", "date_arrivee": False}, [], [])


def test_the_day_the_letter_came_is_kept_and_flagged():
    assert validate("il y a deux semaines") == ({"date_reception": "2026-11-13", "date_arrivee": True}, [], [])


def test_the_question_asks_for_the_date_written_on_the_letter_with_an_example():
    text = DOMAIN["responses"]["utter_ask_date_reception"][0]["text"]
    assert "écrite sur le courrier" in text and "Par exemple : le 3 mars 2022" in text


def test_an_unknown_date_goes_on_with_a_marker():
    assert validate("je sais plus")[:2] == ({"date_reception": "inconnue"}, [])


@pytest.mark.parametrize(
    "text, response",
    [
        ("le 45 mars", "utter_date_impossible"),
        ("demain", "utter_date_future"),
        ("le 3 mars 2020", "utter_date_trop_ancienne"),
        ("euh", "utter_date_incomprise"),
    ],
)
def test_an_invalid_date_is_asked_again_with_the_reason(text, response):
    slots, responses, _ = validate(text)
    assert slots == {"date_reception": None} and responses == [response]
    assert response in DOMAIN["responses"]


def bot(response):
    return {"event": "bot", "text": "…", "metadata": {"utter_action": response}}


DATE_ASKED = {"event": "active_loop", "name": FORM}


def test_after_a_second_refused_date_the_assistant_explains_both_ways():
    slots, responses, _ = validate("le 45 mars", [DATE_ASKED, bot("utter_date_future")])
    assert slots == {"date_reception": "inconnue"} and responses == ["utter_date_impossible"]


def test_a_refused_date_before_a_restart_is_not_counted():
    slots, _, _ = validate("le 45 mars", [bot("utter_date_future"), DATE_ASKED, bot("utter_ask_date_reception")])
    assert slots == {"date_reception": None}


def extract(text, intent, slots=None):
    validator = ValidateFormulaireRefusOuCloture(today=lambda: TODAY)
    found = validator.extract_date_reception(CollectingDispatcher(), tracker(slots, intent=intent, text=text), DOMAIN)
    return asyncio.run(found)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("je veux refuser mon espace, je l'ai reçu il y a 10 jours", "refus_ou_cloture"),
        ("je l'ai eu il y a 3 mois", "informer_date"),
        ("je ne sais plus", "informer_date"),
    ],
)
def test_a_date_given_before_the_question_answers_it(text, intent):
    assert extract(text, intent) == {"date_reception": text}


@pytest.mark.parametrize(
    "text, intent",
    [
        ("je veux refuser mon espace santé", "refus_ou_cloture"),
        ("je ne sais pas si je peux encore refuser", "refus_ou_cloture"),
        ("/refus_ou_cloture", "refus_ou_cloture"),
    ],
)
def test_a_message_without_a_date_lets_the_question_come(text, intent):
    assert extract(text, intent) == {}


def test_once_the_question_is_asked_the_answer_comes_from_the_slot_mapping():
    assert extract("il y a 10 jours", "informer_date", {"requested_slot": "date_reception"}) == {}


def test_a_reset_date_is_not_an_invalid_answer():
    assert validate(None) == ({"date_reception": None}, [], [])


def test_a_vague_date_says_which_day_is_counted():
    slots, responses, messages = validate("début octobre")
    assert slots == {"date_reception": "2026-10-01", "date_arrivee": False}
    assert responses == ["utter_date_approximative"] and messages[0]["debut"] == "jeudi 1er octobre 2026"


def test_the_form_validation_runs_through_rasa_sdk():
    events = [{"event": "slot", "name": "date_reception", "value": "le 45 mars"}]
    form_tracker = tracker(
        {"date_reception": "le 45 mars", "requested_slot": "date_reception"},
        text="le 45 mars",
        active_loop=FORM,
        events=events,
    )
    returned, responses, _ = run(ValidateFormulaireRefusOuCloture(today=lambda: TODAY), form_tracker)
    assert SlotSet("date_reception", None) in returned and responses == ["utter_date_impossible"]


def test_today_defaults_to_today_in_paris():
    assert ValidateFormulaireRefusOuCloture().today is today_in_paris
    assert ActionRefusOuCloture().today is today_in_paris


# --- the verdict -------------------------------------------------------------


def verdict(sent: str, today=TODAY, arrival=False):
    return run(ActionRefusOuCloture(today=lambda: today), tracker({"date_reception": sent, "date_arrivee": arrival}))


FORGET_ARRIVAL = SlotSet(ARRIVAL_SLOT, None)


def test_within_six_weeks_the_opposition_steps_start_with_the_last_day():
    events, responses, messages = verdict("2026-11-13")
    assert responses == ["utter_delai_ok", "utter_etape_opposition_1"]
    assert messages[0]["dernier_jour"] == "vendredi 25 décembre 2026"
    assert events == [FORGET_ARRIVAL, SlotSet("procedure", "opposition"), SlotSet("etape", 1)]


def test_from_the_arrival_date_the_answer_says_the_end_may_come_earlier():
    default, arrival = DOMAIN["responses"]["utter_delai_ok"]
    assert arrival["condition"] == [{"type": "slot", "name": "date_arrivee", "value": True}]
    assert "quelques jours plus tôt" in arrival["text"] and "plus tôt" not in default["text"]
    assert "{dernier_jour}" in arrival["text"] and "l'envoi" in default["text"]
    events, responses, _ = verdict("2026-11-13", arrival=True)
    assert responses[0] == "utter_delai_ok" and events[0] == FORGET_ARRIVAL


def test_a_2022_letter_gets_the_closing_steps_kindly():
    events, responses, messages = verdict("2022-03-03")
    assert responses == ["utter_delai_depasse", "utter_etape_cloture_1"]
    assert messages[0]["dernier_jour"] == "jeudi 14 avril 2022"
    assert "2022" in DOMAIN["responses"]["utter_delai_depasse"][0]["text"]


@pytest.mark.parametrize(
    "days_after, first_step",
    [(41, "utter_etape_opposition_1"), (42, "utter_etape_opposition_1"), (43, "utter_etape_cloture_1")],
)
def test_day_42_is_the_last_day_to_refuse(days_after, first_step):
    received = date(2026, 10, 1)
    today = date.fromordinal(received.toordinal() + days_after)
    assert verdict(received.isoformat(), today)[1][1] == first_step


def test_past_six_weeks_the_closing_steps_start():
    events, responses, messages = verdict("2026-03-03")
    assert responses == ["utter_delai_depasse", "utter_etape_cloture_1"]
    assert messages[0]["dernier_jour"] == "mardi 14 avril 2026"
    assert events == [FORGET_ARRIVAL, SlotSet("procedure", "cloture"), SlotSet("etape", 1)]


def test_unknown_date_explains_both_ways_and_can_be_asked_again():
    events, responses, _ = verdict("inconnue")
    assert responses == ["utter_delai_inconnu"]
    assert events == [SlotSet("date_reception", None), SlotSet("procedure", None), SlotSet("etape", None)]
    found_again = DOMAIN["responses"]["utter_delai_inconnu"][0]["buttons"][0]
    assert found_again == {"title": "J'ai retrouvé la date", "payload": "/refus_ou_cloture"}
    text = DOMAIN["responses"]["utter_delai_inconnu"][0]["text"]
    assert "6 semaines" in text and "3422" in text and "courrier" in text and "fermer" in text


# --- one step at a time --------------------------------------------------------


def step(procedure, number, intent="etape_suivante"):
    return run(ActionEtapeProcedure(), tracker({"procedure": procedure, "etape": number}, intent=intent))


@pytest.mark.parametrize(
    "procedure, count",
    [("opposition", 4), ("cloture", 8), ("creation", 8), ("enfant_ajout", 4), ("enfant_cloture", 5), ("visite", 6)],
)
def test_the_steps_are_read_from_the_responses(procedure, count):
    assert step_count(DOMAIN, procedure) == count
    assert f"utter_fin_{procedure}" in DOMAIN["responses"]


def test_next_step():
    assert step("cloture", 1)[:2] == ([SlotSet("etape", 2)], ["utter_etape_cloture_2"])


def test_after_the_last_step_comes_the_end():
    assert step("cloture", 8)[:2] == ([SlotSet("procedure", None), SlotSet("etape", None)], ["utter_fin_cloture"])
    assert step("opposition", 4)[1] == ["utter_fin_opposition"]


def test_a_problem_gets_the_help_of_that_step_then_the_step_again():
    assert step("opposition", 2, "probleme_etape")[:2] == (
        [],
        ["utter_probleme_opposition_2", "utter_etape_opposition_2"],
    )


def test_a_problem_without_own_help_gets_the_general_help():
    assert step("cloture", 3, "probleme_etape")[:2] == ([], ["utter_probleme_etape", "utter_etape_cloture_3"])


def test_next_step_outside_a_procedure_offers_to_start_one():
    assert run(ActionEtapeProcedure(), tracker(intent="etape_suivante"))[:2] == ([], ["utter_pas_de_procedure"])


def test_from_step_0_the_next_step_is_step_1():
    assert step("creation", 0)[:2] == ([SlotSet("etape", 1)], ["utter_etape_creation_1"])


def test_a_problem_at_step_0_repeats_step_0():
    assert step("creation", 0, "probleme_etape")[1] == ["utter_probleme_etape", "utter_etape_creation_0"]


STEP_BUTTONS = ["/etape_suivante", "/probleme_etape", "/arreter"]
TOUR_BUTTONS = ["/etape_suivante", "/arreter"]


def step_buttons():
    for name, variations in DOMAIN["responses"].items():
        match = re.fullmatch(r"utter_etape_(\w+)_([1-9]\d*)", name)
        if match:
            for variation in variations:
                yield match.group(1), [b["payload"] for b in variation["buttons"]]


def test_every_step_offers_done_problem_and_stop_and_the_tour_next_and_stop():
    buttons = list(step_buttons())
    assert len(buttons) > 30
    for procedure, payloads in buttons:
        assert payloads == (TOUR_BUTTONS if procedure == "visite" else STEP_BUTTONS), procedure
    assert [b["title"] for b in DOMAIN["responses"]["utter_etape_visite_1"][0]["buttons"]] == ["Suivant", "Arrêter"]


def test_closing_ends_with_what_happens_to_the_data():
    text = DOMAIN["responses"]["utter_fin_cloture"][0]["text"]
    assert "10 ans" in text and "3 mois" in text


def test_closing_starts_with_the_children():
    assert "enfants" in DOMAIN["responses"]["utter_etape_cloture_1"][0]["text"]


def test_answers_of_opposition_and_cloture_offer_the_procedure():
    for name in ("utter_opposition", "utter_cloture"):
        assert {"title": "Savoir si je peux encore refuser", "payload": "/refus_ou_cloture"} in DOMAIN["responses"][
            name
        ][0]["buttons"]


@pytest.mark.parametrize(
    "menu, first",
    [
        ("utter_theme_refuser", ("Puis-je encore refuser ?", "/refus_ou_cloture")),
        ("utter_theme_creation", ("Me guider pas à pas", '/guider{"demarche":"creation"}')),
        ("utter_cloture", ("Me guider pas à pas", '/guider{"demarche":"cloture"}')),
        ("utter_opposition", ("Savoir si je peux encore refuser", "/refus_ou_cloture")),
        ("utter_activation_etapes", ("Me guider pas à pas", '/guider{"demarche":"creation"}')),
    ],
)
def test_menus_and_answers_offer_the_procedure_first(menu, first):
    button = DOMAIN["responses"][menu][0]["buttons"][0]
    assert (button["title"], interpolate_text(button["payload"], {})) == first


def guide_payloads():
    """Every /guider{"demarche": ...} button of every response, as sent to the user."""
    for name, variations in DOMAIN["responses"].items():
        for button in variations[0].get("buttons", []):
            payload = interpolate_text(button["payload"], {})
            if payload.startswith("/guider"):
                yield name, json.loads(payload[len("/guider") :])["demarche"]


def test_every_guide_button_names_a_procedure_with_steps():
    procedures = {procedure for _, procedure in guide_payloads()}
    assert procedures == {"creation", "cloture", "enfant_ajout", "enfant_cloture", "visite"}
    assert all(step_count(DOMAIN, procedure) > 0 for procedure in procedures)


@pytest.mark.parametrize(
    "answer, procedures",
    [
        ("utter_creation_prerequis", {"creation"}),
        ("utter_activation_etapes", {"creation"}),
        ("utter_enfants", {"enfant_ajout", "enfant_cloture"}),
        ("utter_cloture", {"cloture"}),
        ("utter_faq/page_accueil", {"visite"}),
        ("utter_fin_creation", {"visite", "enfant_ajout"}),
    ],
)
def test_answers_offer_to_guide_step_by_step(answer, procedures):
    assert {procedure for name, procedure in guide_payloads() if name == answer} == procedures


# --- "Créer mon espace": the checklist ---------------------------------------------


def test_the_checklist_asks_email_then_carte_vitale_then_code():
    assert CHECKLIST == ["prerequis_email", "prerequis_carte_vitale", "prerequis_code"]


@pytest.mark.parametrize("slot", CHECKLIST)
def test_each_checklist_question_has_oui_non_buttons_and_a_way_forward(slot):
    buttons = DOMAIN["responses"][f"utter_ask_{slot}"][0]["buttons"]
    assert [(b["title"], b["payload"]) for b in buttons] == [("Oui", "/oui"), ("Non", "/non")]
    assert f"utter_manque_{slot}" in DOMAIN["responses"]


def validate_checklist(slot, value):
    events = [{"event": "user", "text": "…", "parse_data": {}}, {"event": "slot", "name": slot, "value": value}]
    form_tracker = tracker(
        {slot: value, "requested_slot": slot},
        intent="oui" if value else "non",
        active_loop=CREATION_FORM,
        events=events,
    )
    return run(ValidateFormulaireCreation(), form_tracker)


@pytest.mark.parametrize("slot", CHECKLIST)
def test_a_non_shows_the_way_forward_of_that_item_and_is_kept(slot):
    events, responses, _ = validate_checklist(slot, False)
    assert responses == [f"utter_manque_{slot}"] and SlotSet(slot, False) in events


@pytest.mark.parametrize("slot", CHECKLIST)
def test_a_oui_is_kept_silently(slot):
    events, responses, _ = validate_checklist(slot, True)
    assert responses == [] and SlotSet(slot, True) in events


@pytest.mark.parametrize(
    "item, text",
    [
        ("prerequis_email", "accompagnant"),
        ("prerequis_email", "téléphone"),
        ("prerequis_carte_vitale", "3422"),
        ("prerequis_code", "nouveau code"),
    ],
)
def test_the_ways_forward_say_what_to_do(item, text):
    assert text in DOMAIN["responses"][f"utter_manque_{item}"][0]["text"]


def bilan(**answers):
    return run(ActionBilanCreation(), tracker({**dict.fromkeys(CHECKLIST, True), **answers}, intent="oui"))


def test_with_everything_the_steps_start_at_step_1():
    events, responses, _ = bilan()
    assert responses == ["utter_creation_pret", "utter_etape_creation_1"]
    assert events == [SlotSet("procedure", "creation"), SlotSet("etape", 1)]


@pytest.mark.parametrize("slot", CHECKLIST)
def test_with_something_missing_step_0_offers_to_start_anyway_or_stop(slot):
    events, responses, _ = bilan(**{slot: False})
    assert responses == ["utter_etape_creation_0"]
    assert events == [SlotSet("procedure", "creation"), SlotSet("etape", 0)]
    payloads = [b["payload"] for b in DOMAIN["responses"]["utter_etape_creation_0"][0]["buttons"]]
    assert payloads == ["/etape_suivante", "/recommencer", "/arreter"]


def test_without_a_code_the_recap_page_step_says_how_to_get_a_new_one():
    default, without_code = DOMAIN["responses"]["utter_etape_creation_2"]
    assert without_code["condition"] == [{"type": "slot", "name": "prerequis_code", "value": False}]
    assert "générer un code provisoire" in without_code["text"] and "générer" not in default["text"]


def test_the_creation_steps_follow_the_workshop_sheet():
    texts = [DOMAIN["responses"][f"utter_etape_creation_{n}"][0]["text"] for n in range(1, 9)]
    expected = [
        "Activer mon espace santé",
        "résume",
        "code provisoire",
        "numéro de série",
        "Continuer",
        "poids",
        "allergies",
        "enfants",
    ]
    assert all(word in text for word, text in zip(expected, texts))


# --- starting a procedure ------------------------------------------------------------


def guide(procedure=None, active_loop=None, also=(), intent="guider"):
    entities = [{"entity": "demarche", "value": value} for value in (procedure, *also) if value]
    return run(ActionGuiderProcedure(), tracker(intent=intent, entities=entities, active_loop=active_loop))


WISH_INTENTS = [intent for intent in DOMAIN["intents"] if intent.startswith("guider_")]


def test_there_is_a_wish_for_each_procedure_without_a_date():
    assert sorted(WISH_INTENTS) == sorted(
        f"guider_{p}" for p in ["creation", "cloture", "enfant_ajout", "enfant_cloture", "visite"]
    )


@pytest.mark.parametrize("intent", [i for i in WISH_INTENTS if i != "guider_creation"])
def test_a_wish_starts_the_procedure_its_intent_names(intent):
    procedure = intent.removeprefix("guider_")
    events, responses, _ = guide(intent=intent)
    assert responses == [f"utter_etape_{procedure}_1"]
    assert events == [SlotSet("procedure", procedure), SlotSet("etape", 1)]


def test_the_wish_to_create_starts_the_checklist():
    assert guide(intent="guider_creation")[1] == ["utter_creation_intro"]


def test_a_wish_for_a_child_with_a_creation_word_guides_the_child_procedure():
    # "je veux activer le profil de mon fils": "activer" is a creation word.
    assert guide("creation", intent="guider_enfant_ajout")[1] == ["utter_etape_enfant_ajout_1"]


def all_rules():
    for path in (ROOT / "data" / "rules").glob("*.yml"):
        yield from read_yaml(path)["rules"]


def rule_intents(rule_name):
    return first_intents(next(r for r in all_rules() if r["rule"] == rule_name))


def test_every_wish_and_the_buttons_start_their_procedure():
    rule = 'A wish or a "Me guider" button starts its procedure (the creation activates its checklist form)'
    assert rule_intents(rule) == {"guider", *WISH_INTENTS}


def test_guiding_the_creation_starts_its_checklist():
    events, responses, _ = guide("creation")
    assert responses == ["utter_creation_intro"]
    assert events == [
        SlotSet("procedure", None),
        SlotSet("etape", None),
        ActiveLoop(CREATION_FORM),
        SlotSet("requested_slot", None),
    ]


@pytest.mark.parametrize("procedure", ["cloture", "enfant_ajout", "enfant_cloture", "visite"])
def test_guiding_another_procedure_shows_its_first_step(procedure):
    events, responses, _ = guide(procedure)
    assert responses == [f"utter_etape_{procedure}_1"]
    assert events == [SlotSet("procedure", procedure), SlotSet("etape", 1)]


def test_a_child_named_with_a_creation_word_guides_the_child_procedure():
    # "guidez-moi pour activer le profil de mon enfant": "activer" is a creation word.
    events, responses, _ = guide("creation", also=("enfant_ajout",))
    assert responses == ["utter_etape_enfant_ajout_1"]


def test_guiding_leaves_a_form_in_progress():
    events, _, _ = guide("visite", active_loop=CREATION_FORM)
    assert events[:2] == [ActiveLoop(None), SlotSet("requested_slot", None)]


@pytest.mark.parametrize("procedure", [None, "inconnue"])
def test_guiding_without_a_known_procedure_asks_which(procedure):
    assert guide(procedure)[:2] == ([], ["utter_quelle_demarche"])


# --- stop and restart ------------------------------------------------------------

# Stopping forgets the answers of every form: the date, the checklist, a rehearsal.
ANSWERS = [SlotSet(slot, None) for form in DOMAIN["forms"].values() for slot in form["required_slots"]]
STEPS_FORGOTTEN = [SlotSet("procedure", None), SlotSet("etape", None)]


@pytest.mark.parametrize("form", [FORM, CREATION_FORM])
def test_stop_inside_a_form_leaves_it_and_forgets_the_answers(form):
    events, responses, _ = run(
        ActionArreterProcedure(), tracker({"prerequis_email": False}, intent="arreter", active_loop=form)
    )
    assert responses == ["utter_procedure_arretee"]
    assert sorted(map(str, events)) == sorted(
        map(str, ANSWERS + STEPS_FORGOTTEN + [ActiveLoop(None), SlotSet("requested_slot", None)])
    )


def test_stop_during_the_steps_forgets_them():
    events, responses, _ = run(ActionArreterProcedure(), tracker({"procedure": "visite", "etape": 3}, intent="arreter"))
    assert responses == ["utter_procedure_arretee"]
    assert sorted(map(str, events)) == sorted(map(str, ANSWERS + STEPS_FORGOTTEN))


def restart(slots, active_loop=None):
    return run(ActionRecommencerProcedure(), tracker(slots, intent="recommencer", active_loop=active_loop))


def test_restart_while_the_date_is_asked_asks_it_again():
    events, responses, _ = restart({"date_reception": "2026-11-13"}, active_loop=FORM)
    assert responses == ["utter_procedure_recommencee"]
    assert events == [
        SlotSet("date_reception", None),
        *STEPS_FORGOTTEN,
        ActiveLoop(FORM),
        SlotSet("requested_slot", None),
    ]


def test_restart_during_the_opposition_steps_goes_back_to_the_date():
    events, _, _ = restart({"date_reception": "2026-11-13", "procedure": "opposition", "etape": 2})
    assert events[0] == SlotSet("date_reception", None) and ActiveLoop(FORM) in events


def test_restart_during_the_creation_steps_asks_the_checklist_again():
    events, responses, _ = restart({"prerequis_code": False, "procedure": "creation", "etape": 0})
    assert responses == ["utter_procedure_recommencee"]
    assert events == [
        *[SlotSet(slot, None) for slot in CHECKLIST],
        *STEPS_FORGOTTEN,
        ActiveLoop(CREATION_FORM),
        SlotSet("requested_slot", None),
    ]


@pytest.mark.parametrize("procedure", ["visite", "enfant_ajout", "enfant_cloture", "cloture"])
def test_restart_of_a_procedure_without_questions_shows_step_1_again(procedure):
    events, responses, _ = restart({"procedure": procedure, "etape": 3})
    assert responses == ["utter_procedure_recommencee", f"utter_etape_{procedure}_1"]
    assert events == [SlotSet("procedure", procedure), SlotSet("etape", 1)]


def test_restart_outside_a_procedure_offers_one():
    assert restart({})[:2] == ([], ["utter_pas_de_procedure"])


# --- a question on the way ------------------------------------------------------------

SECURITY_QUESTION = {"response_selector": {"faq": {"response": {"utter_action": "utter_faq/securite_connexion"}}}}


def digression(slots, intent, active_loop=None, **parse_data):
    return run(ActionRepondreDigression(), tracker(slots, intent=intent, active_loop=active_loop, **parse_data))


def test_a_question_during_the_steps_is_answered_then_the_step_comes_again():
    events, responses, _ = digression({"procedure": "creation", "etape": 4}, "faq", **SECURITY_QUESTION)
    assert events == []
    assert responses == ["utter_faq/securite_connexion", "utter_reprise", "utter_etape_creation_4"]


def test_a_procedure_question_during_the_steps_gets_its_own_answer():
    responses = digression({"procedure": "visite", "etape": 2}, "code_provisoire")[1]
    assert responses == ["utter_code_provisoire", "utter_reprise", "utter_etape_visite_2"]


def test_a_question_during_the_checklist_is_only_answered_the_form_asks_again():
    responses = digression({"requested_slot": "prerequis_code"}, "carte_vitale", active_loop=CREATION_FORM)[1]
    assert responses == ["utter_carte_vitale"]


def test_a_question_outside_a_procedure_is_only_answered():
    assert digression({}, "faq", **SECURITY_QUESTION)[1] == ["utter_faq/securite_connexion"]


def test_a_question_without_an_answer_gets_the_honest_one():
    responses = digression({"procedure": "visite", "etape": 1}, "faq")[1]
    assert responses == ["utter_je_ne_sais_pas", "utter_reprise", "utter_etape_visite_1"]


digression_intents = rule_intents


@pytest.mark.parametrize(
    "rule_name",
    [
        "Question during the steps, answer then show the step again",
        "Question during the checklist, answer then ask again",
        "Question while the date is asked, answer then ask again",
    ],
)
def test_every_faq_and_procedure_question_can_be_asked_on_the_way(rule_name):
    procedure_topics = {t["id"] for t in content.load_topics() if t["group"] == "demarches"}
    assert {"faq"} | procedure_topics <= digression_intents(rule_name)
    assert all(f"utter_{intent}" in DOMAIN["responses"] for intent in digression_intents(rule_name) - {"faq"})


def rules_while_the_date_is_asked():
    for rule in all_rules():
        if {c["active_loop"] for c in rule.get("condition", []) if "active_loop" in c} <= {FORM}:
            yield rule


def first_intents(rule):
    first = rule["steps"][0]
    return {step["intent"] for step in first.get("or", [first]) if "intent" in step}


DATE_ANSWER_INTENTS = set(DOMAIN["slots"][DATE_SLOT]["mappings"][0]["intent"])


def test_every_message_while_the_date_is_asked_is_taken_for_the_date_or_answered_by_a_rule():
    answered = set().union(*(first_intents(rule) for rule in rules_while_the_date_is_asked()))
    assert set(DOMAIN["intents"]) - DATE_ANSWER_INTENTS - answered == set()


def test_a_question_a_stop_or_another_wish_while_the_date_is_asked_is_not_taken_for_the_date():
    questions = digression_intents("Question while the date is asked, answer then ask again")
    assert DATE_ANSWER_INTENTS & (questions | {"arreter", "recommencer", "guider", *WISH_INTENTS}) == set()
