"""Rehearsal mode: the content file, the marks, the feedback and the actions."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.rehearsal import data
from actions.rehearsal.actions import (
    ActionArreterEntrainement,
    ActionAskReponseAccompagnant,
    ActionResumeEntrainement,
    ValidateFormulaireEntrainement,
)
from actions.rehearsal.feedback import example_answer, french_number, topic_response
from actions.rehearsal.language import sentences
from actions.rehearsal.scorer import assess, says
from actions.rehearsal.session import objection_count, session_objections
from facilitation.content import KIOSK, answer_name, topic_answer_name
from facilitation.content import facts as content_facts
from tests import content
from tests.content import ROOT

REHEARSAL = data.load()
RESPONSES = content.load_responses()
TOPICS = {t["id"]: t for t in content.load_topics()}
TEST_ANSWERS = yaml.safe_load((Path(__file__).parent / "entrainement_reponses.yml").read_text(encoding="utf-8"))
HIGH, LOW = 7, 3  # marks out of 10
DOMAIN = {"responses": RESPONSES}


def answers(kind):
    return [
        pytest.param(o, a, id=f"{o.id}-{i}")
        for o in REHEARSAL.objections
        for i, a in enumerate(TEST_ANSWERS.get(o.id, {}).get(kind, []))
    ]


# --- the content file ---------------------------------------------------------


def test_every_objection_has_test_answers():
    for objection in REHEARSAL.objections:
        written = TEST_ANSWERS.get(objection.id, {})
        assert len(written.get("bonnes", [])) >= 3 and len(written.get("faibles", [])) >= 3, objection.id
        assert written.get("sigles"), objection.id


def test_every_reassuring_topic_of_the_contract_has_one_objection():
    reassuring = sorted(t["id"] for t in TOPICS.values() if t["group"] == "rassurer")
    assert sorted(o.topic for o in REHEARSAL.objections if o.topic in reassuring) == reassuring
    assert {o.topic for o in REHEARSAL.objections} <= set(TOPICS)


@pytest.mark.parametrize("objection", REHEARSAL.objections, ids=lambda o: o.id)
def test_key_points_come_from_the_facts_of_the_topic(objection):
    facts = sentences(" ".join(content_facts(TOPICS[objection.topic])))
    assert [p.label for p in objection.key_points if not says(facts, p, REHEARSAL)] == []


@pytest.mark.parametrize("objection", REHEARSAL.objections, ids=lambda o: o.id)
def test_the_example_is_the_assistants_answer_and_gets_full_marks(objection):
    response = topic_response(RESPONSES, objection.topic)
    assert response, f"no answer to the topic {objection.topic} in domain.yml"
    example = example_answer(objection, REHEARSAL, response)
    assert all(paragraph in response for paragraph in example.split("\n\n"))
    assert assess(example, objection, REHEARSAL).mark == 10


def test_the_rehearsal_finds_each_answer_by_the_contracts_naming_rule():
    for topic in TOPICS.values():
        if answer_name(topic) in RESPONSES:
            assert topic_answer_name(RESPONSES, topic["id"]) == answer_name(topic)


def test_the_example_is_the_kiosk_wording_when_the_answer_depends_on_the_channel():
    responses = {
        "utter_faq/obligatoire": [
            {"text": "Sur la borne.", "condition": [{"type": "slot", "name": "canal", "value": KIOSK}]},
            {"text": "Ailleurs."},
        ]
    }
    assert topic_response(responses, "obligatoire") == "Sur la borne."
    assert topic_response({"utter_enfants": [{"text": "Un texte."}]}, "enfants") == "Un texte."
    assert topic_response({}, "obligatoire") is None


def test_the_people_include_the_five_hesitant_profiles():
    descriptions = content.fold(" ".join(o.person.description for o in REHEARSAL.objections))
    for words in ("e-mail", "pirates", "enfants", "oblige", "travail"):
        assert words in descriptions


def test_the_objections_are_spoken_in_simple_french():
    for objection in REHEARSAL.objections:
        assert all(s.words <= REHEARSAL.max_words for s in sentences(objection.text)), objection.id


# --- the marks ----------------------------------------------------------------


@pytest.mark.parametrize("objection, answer", answers("bonnes"))
def test_a_good_answer_gets_a_high_mark(objection, answer):
    assert assess(answer, objection, REHEARSAL).mark >= HIGH


@pytest.mark.parametrize("objection, answer", answers("faibles"))
def test_a_poor_or_off_topic_answer_gets_a_low_mark(objection, answer):
    assert assess(answer, objection, REHEARSAL).mark <= LOW


@pytest.mark.parametrize("objection", REHEARSAL.objections, ids=lambda o: o.id)
def test_unexplained_acronyms_are_flagged_and_cost_points(objection):
    assessment = assess(TEST_ANSWERS[objection.id]["sigles"], objection, REHEARSAL)
    assert assessment.missed == ()
    assert len(assessment.unexplained) >= 2
    assert assessment.mark == 10 - len(assessment.unexplained)


def test_an_explained_acronym_is_not_flagged():
    objection = REHEARSAL.objection("donnees_aux_etats_unis")
    answer = "Vos données sont hébergées en France. L'hébergeur est certifié HDS, c'est-à-dire Hébergeur de Données de Santé."
    assert assess(answer, objection, REHEARSAL).unexplained == ()


def test_a_long_sentence_is_flagged_and_costs_a_point():
    objection = REHEARSAL.objection("c_est_obligatoire")
    short = "Non, ce n'est pas obligatoire. Vous pouvez refuser ou fermer votre espace. Ça ne change rien à vos remboursements."
    long = (
        "Non, ce n'est pas obligatoire et vous pouvez refuser ou fermer votre espace quand vous le voulez "
        "sans que cela ne change quoi que ce soit à vos remboursements ni à vos soins habituels."
    )
    assert assess(short, objection, REHEARSAL).longest_sentence == 0
    assessment = assess(long, objection, REHEARSAL)
    assert assessment.longest_sentence == 34 and assessment.mark == 9


def test_synonyms_and_word_forms_count_for_a_key_point():
    point = REHEARSAL.objection("donnees_aux_etats_unis").key_points[0]
    assert says(sentences("Elles sont stockées chez nous en France."), point, REHEARSAL)
    assert not says(sentences("Elles sont stockées. Nous aimons la France."), point, REHEARSAL)  # not in one sentence


def test_marks_are_the_same_in_another_process():
    pairs = [
        (o.id, a) for o in REHEARSAL.objections for kind in ("bonnes", "faibles") for a in TEST_ANSWERS[o.id][kind]
    ]
    script = (
        "import json, sys\n"
        "from actions.rehearsal import data\n"
        "from actions.rehearsal.scorer import assess\n"
        "r = data.load()\n"
        "print(json.dumps([assess(a, r.objection(o), r).mark for o, a in json.load(sys.stdin)]))\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(pairs), cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(other.stdout) == [assess(a, REHEARSAL.objection(o), REHEARSAL).mark for o, a in pairs]


# --- the session ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, count", [("3", 3), ("trois", 3), ("cinq s'il vous plaît", 5), ("vas-y", 5), ("40", 6), ("1", 1)]
)
def test_the_number_of_objections(text, count):
    assert objection_count(text, available=6) == count


def test_a_session_has_distinct_objections_set_by_the_conversation():
    first = session_objections(REHEARSAL, 5, "conversation-a")
    assert len(set(first)) == 5 and first == session_objections(REHEARSAL, 5, "conversation-a")
    starts = {session_objections(REHEARSAL, 1, f"conversation-{n}")[0] for n in range(40)}
    assert len(starts) > 1


@pytest.mark.parametrize("value, text", [(7.0, "7"), (7.25, "7,2"), (6.6667, "6,7"), (10, "10")])
def test_french_numbers(value, text):
    assert french_number(value) == text


# --- the actions ----------------------------------------------------------------


def tracker(slots, text="", intent="faq"):
    latest = {"intent": {"name": intent, "confidence": 0.9}, "text": text}
    return Tracker(
        "conversation-a", slots, latest, [], False, None, {"name": "formulaire_entrainement"}, "action_listen"
    )


def said(dispatcher):
    """The messages sent, once checked that each is a response of ours."""
    assert all(m["response"] in RESPONSES for m in dispatcher.messages)
    return dispatcher.messages


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, DOMAIN)
    return events, said(dispatcher)


def validate_answer(text, objections, results):
    dispatcher = CollectingDispatcher()
    slots = {"objections_entrainement": objections, "resultats_entrainement": results}
    returned = ValidateFormulaireEntrainement().validate_reponse_accompagnant(
        text, dispatcher, tracker(slots, text), DOMAIN
    )
    return returned, said(dispatcher)


def test_choosing_three_objections_starts_a_session():
    returned = ValidateFormulaireEntrainement().validate_nombre_objections(
        "3", CollectingDispatcher(), tracker({}), DOMAIN
    )
    assert returned == {
        "nombre_objections": 3,
        "resultats_entrainement": [],
        "objections_entrainement": session_objections(REHEARSAL, 3, "conversation-a"),
    }


def test_an_objection_is_played_with_its_person():
    events, messages = run(
        ActionAskReponseAccompagnant(),
        tracker(
            {"objections_entrainement": ["piratage", "c_est_obligatoire"], "resultats_entrainement": [{"note": 8}]}
        ),
    )
    objection = REHEARSAL.objection("c_est_obligatoire")
    assert events == []
    assert [(m["response"], m["numero"], m["total"], m["personne"], m["objection"]) for m in messages] == [
        ("utter_entrainement_objection", 2, 2, objection.person.description, objection.text)
    ]


def test_a_good_answer_gets_praise_and_the_next_objection_is_asked():
    answer = TEST_ANSWERS["piratage"]["bonnes"][0]
    returned, messages = validate_answer(answer, ["piratage", "c_est_obligatoire"], [])
    assert returned["reponse_accompagnant"] is None  # the form asks the next objection
    assert returned["resultats_entrainement"] == [{"titre": "M. Benali, peur du piratage", "note": 10, "manques": []}]
    assert [m["response"] for m in messages] == [
        "utter_entrainement_note",
        "utter_entrainement_points_dits",
        "utter_entrainement_tout_dit",
        "utter_entrainement_exemple",
    ]
    assert messages[0]["note"] == 10
    assert messages[-1]["exemple"] in topic_response(RESPONSES, "piratage_fuite")


def test_a_poor_answer_with_jargon_gets_what_is_missing_and_the_acronyms():
    answer = "Pas de panique, c'est du HDS et le NIR est protégé. Ne vous inquiétez pas pour ça, tout le monde l'utilise depuis des années et il n'y a jamais eu le moindre problème avec ce service."
    returned, messages = validate_answer(answer, ["piratage"], [])
    assert returned["reponse_accompagnant"] == "fini"  # the last objection: the form ends
    by_name = {m["response"]: m for m in messages}
    assert list(by_name) == [
        "utter_entrainement_note",
        "utter_entrainement_points_manques",
        "utter_entrainement_sigles",
        "utter_entrainement_phrases_longues",
        "utter_entrainement_exemple",
    ]
    assert by_name["utter_entrainement_note"]["note"] == 0
    assert by_name["utter_entrainement_points_manques"]["points"].count("• ") == 3
    assert by_name["utter_entrainement_sigles"]["sigles"] == (
        "• HDS : Hébergeur de Données de Santé\n• NIR : numéro de sécurité sociale"
    )
    assert by_name["utter_entrainement_phrases_longues"]["maximum"] == REHEARSAL.max_words


SESSION_RESULTS = [
    {"titre": "M. Benali, peur du piratage", "note": 10, "manques": []},
    {"titre": "M. Petit, « c'est obligatoire »", "note": 3, "manques": ["A", "B"]},
    {"titre": "Mme Morel, le patron et la mutuelle", "note": 7, "manques": ["A"]},
]
FORGET = [
    SlotSet(s, None)
    for s in ("nombre_objections", "reponse_accompagnant", "objections_entrainement", "resultats_entrainement")
]


def test_the_summary_gives_the_average_each_mark_and_what_to_work_on():
    events, messages = run(ActionResumeEntrainement(), tracker({"resultats_entrainement": SESSION_RESULTS}))
    assert events == FORGET
    assert [m["response"] for m in messages] == [
        "utter_entrainement_bilan",
        "utter_entrainement_a_revoir",
        "utter_entrainement_fin",
    ]
    assert messages[0]["moyenne"] == "6,7"
    assert messages[0]["notes"].splitlines() == [
        "1. M. Benali, peur du piratage : 10 sur 10",
        "2. M. Petit, « c'est obligatoire » : 3 sur 10",
        "3. Mme Morel, le patron et la mutuelle : 7 sur 10",
    ]
    assert messages[1]["points"] == "• A\n• B"


def test_stopping_leaves_the_mode_with_the_answers_so_far():
    events, messages = run(ActionArreterEntrainement(), tracker({"resultats_entrainement": SESSION_RESULTS[:1]}))
    assert events == [*FORGET, ActiveLoop(None), SlotSet("requested_slot", None)]
    assert [m["response"] for m in messages] == [
        "utter_entrainement_arrete",
        "utter_entrainement_bilan",
        "utter_entrainement_fin",
    ]


def test_stopping_before_any_answer_has_no_summary():
    _, messages = run(ActionArreterEntrainement(), tracker({}))
    assert [m["response"] for m in messages] == ["utter_entrainement_arrete", "utter_entrainement_fin"]


def test_every_rehearsal_response_is_used_by_the_actions():
    used = {name for name in RESPONSES if name.startswith("utter_entrainement_")}
    source = "".join(p.read_text() for p in (ROOT / "actions" / "rehearsal").glob("*.py"))
    assert used and all(f'"{name}"' in source for name in used)
