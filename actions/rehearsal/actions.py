"""Rasa actions of the rehearsal mode (form formulaire_entrainement).

The form asks how many objections (slot nombre_objections), then asks each
objection in turn with the slot reponse_accompagnant: the validation marks the
answer, says the result, and empties the slot until the last objection.
"""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.rehearsal import data, language
from actions.rehearsal.feedback import example_answer, result, send_assessment, send_summary, topic_response
from actions.rehearsal.scorer import assess
from actions.rehearsal.session import objection_count, session_objections

FORM = "formulaire_entrainement"
COUNT_SLOT = "nombre_objections"
ANSWER_SLOT = "reponse_accompagnant"
OBJECTIONS_SLOT = "objections_entrainement"
RESULTS_SLOT = "resultats_entrainement"
FINISHED = "fini"  # fills the answer slot after the last objection, so the form ends

# Custom actions get 5 seconds (rasa_patches.py) and loading spaCy
# takes a few: start loading it when the action server loads the actions.
language.warm_up()


class ValidateFormulaireEntrainement(FormValidationAction):
    def name(self) -> Text:
        return f"validate_{FORM}"

    def validate_nombre_objections(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value is None:
            return {COUNT_SLOT: None}
        rehearsal = data.load()
        count = objection_count(str(slot_value), len(rehearsal.objections))
        return {
            COUNT_SLOT: count,
            OBJECTIONS_SLOT: session_objections(rehearsal, count, tracker.sender_id),
            RESULTS_SLOT: [],
        }

    def validate_reponse_accompagnant(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value is None:
            return {ANSWER_SLOT: None}
        rehearsal = data.load()
        ids = tracker.get_slot(OBJECTIONS_SLOT) or []
        results = list(tracker.get_slot(RESULTS_SLOT) or [])
        objection = rehearsal.objection(ids[len(results)])
        assessment = assess(str(slot_value), objection, rehearsal)
        response = topic_response(domain.get("responses", {}), objection.topic)
        example = example_answer(objection, rehearsal, response) if response else None
        send_assessment(dispatcher, assessment, example, rehearsal.max_words)
        results.append(result(objection, assessment))
        return {ANSWER_SLOT: FINISHED if len(results) >= len(ids) else None, RESULTS_SLOT: results}


class ActionAskReponseAccompagnant(Action):
    """Plays the next objection: who speaks, and what they say."""

    def name(self) -> Text:
        return f"action_ask_{ANSWER_SLOT}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        ids = tracker.get_slot(OBJECTIONS_SLOT) or []
        number = len(tracker.get_slot(RESULTS_SLOT) or []) + 1
        objection = data.load().objection(ids[number - 1])
        dispatcher.utter_message(
            response="utter_entrainement_objection",
            numero=number,
            total=len(ids),
            personne=objection.person.description,
            objection=objection.text,
        )
        return []


def end_session(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Sums up the answers given, if any, and forgets the session."""
    results = tracker.get_slot(RESULTS_SLOT) or []
    if results:
        send_summary(dispatcher, results)
    dispatcher.utter_message(response="utter_entrainement_fin")
    return [SlotSet(slot, None) for slot in (COUNT_SLOT, ANSWER_SLOT, OBJECTIONS_SLOT, RESULTS_SLOT)]


class ActionResumeEntrainement(Action):
    """After the last objection: the average mark, each mark, the points to work on."""

    def name(self) -> Text:
        return "action_resume_entrainement"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return end_session(dispatcher, tracker)


class ActionArreterEntrainement(Action):
    """ "Arrêter" during the rehearsal: leaves the mode, with the summary of the answers so far."""

    def name(self) -> Text:
        return "action_arreter_entrainement"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_entrainement_arrete")
        return [*end_session(dispatcher, tracker), ActiveLoop(None), SlotSet("requested_slot", None)]
