"""Starting, stopping and restarting a guided procedure, and questions asked on the way.

A wish names its procedure in its intent, guider_<procedure> ("je veux fermer
le profil de mon fils": guider_enfant_cloture); "Me guider" buttons send
guider{"demarche": <procedure>}. "creation" starts with its checklist form,
the others with their first step. "Arrêter" leaves cleanly; "Recommencer" goes
back to the first question (the form of the procedure) or to step 1. A
question asked inside a procedure is answered, then the step shown last comes
again.
"""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import creation, refus_ou_cloture
from actions.steps import PROCEDURE_SLOT, forget_steps, show_step_again, start_steps, step_count
from common.naming import RETRIEVAL_INTENT, response_name

PROCEDURE_ENTITY = "demarche"
WISH_PREFIX = "guider_"  # guider_<procedure>: a wish that names its procedure
# Steps reached from the date question: restarting goes back to that question.
DATE_PROCEDURES = ("opposition", "cloture")


def forget_answers(domain: Dict[Text, Any], form: Text) -> List[Dict[Text, Any]]:
    return [SlotSet(slot, None) for slot in domain["forms"][form]["required_slots"]]


def activate(form: Text) -> List[Dict[Text, Any]]:
    """Events that make `form` the active loop: it runs next and asks its first question."""
    return [ActiveLoop(form), SlotSet("requested_slot", None)]


def leave_form(tracker: Tracker) -> List[Dict[Text, Any]]:
    return [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name else []


def form_to_restart(tracker: Tracker) -> Optional[Text]:
    """The form that asks the first question of the procedure in progress, if it has one."""
    if tracker.active_loop_name:
        return tracker.active_loop_name
    procedure = tracker.get_slot(PROCEDURE_SLOT)
    if procedure == creation.PROCEDURE:
        return creation.FORM
    if procedure in DATE_PROCEDURES and tracker.get_slot(refus_ou_cloture.DATE_SLOT):
        return refus_ou_cloture.FORM
    return None


def named_procedure(values: List[Text]) -> Optional[Text]:
    """The procedure the entities name: a specific one ("ajouter mon enfant") before the creation words."""
    specific = [value for value in values if value != creation.PROCEDURE]
    return next(iter(specific or values), None)


def wished_procedure(tracker: Tracker) -> Optional[Text]:
    """The procedure named by the intent (guider_cloture), else by the entity `demarche`."""
    intent = tracker.latest_message.get("intent", {}).get("name") or ""
    if intent.startswith(WISH_PREFIX):
        return intent[len(WISH_PREFIX) :]
    return named_procedure(list(tracker.get_latest_entity_values(PROCEDURE_ENTITY)))


class ActionGuiderProcedure(Action):
    """Starts the procedure the wish or the button names; without one, asks which."""

    def name(self) -> Text:
        return "action_guider_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        procedure = wished_procedure(tracker)
        if procedure == creation.PROCEDURE:
            dispatcher.utter_message(response="utter_creation_intro")
            return [*forget_steps(), *activate(creation.FORM)]
        if procedure and step_count(domain, procedure):
            return [*leave_form(tracker), *start_steps(dispatcher, procedure)]
        dispatcher.utter_message(response="utter_quelle_demarche")
        return []


class ActionArreterProcedure(Action):
    """ "Arrêter" / "stop": leaves the procedure cleanly and forgets its answers."""

    def name(self) -> Text:
        return "action_arreter_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_procedure_arretee")
        answers = [event for form in domain["forms"] for event in forget_answers(domain, form)]
        return [*answers, *forget_steps(), *leave_form(tracker)]


class ActionRecommencerProcedure(Action):
    """ "Recommencer": back to the first question of the procedure, or to its step 1."""

    def name(self) -> Text:
        return "action_recommencer_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        form = form_to_restart(tracker)
        procedure = tracker.get_slot(PROCEDURE_SLOT)
        if not form and not procedure:
            dispatcher.utter_message(response="utter_pas_de_procedure")
            return []
        dispatcher.utter_message(response="utter_procedure_recommencee")
        if form:
            return [*forget_answers(domain, form), *forget_steps(), *activate(form)]
        return start_steps(dispatcher, procedure)


def answer_to(message: Dict[Text, Any], domain: Dict[Text, Any]) -> Text:
    """The response that answers `message`: the selected FAQ answer, or utter_<intent>."""
    intent = message.get("intent", {}).get("name")
    if intent == RETRIEVAL_INTENT:
        selected = message.get("response_selector", {}).get(RETRIEVAL_INTENT, {})
        response = selected.get("response", {}).get("utter_action")
    else:
        response = response_name(intent)
    return response if response in domain.get("responses", {}) else "utter_je_ne_sais_pas"


class ActionRepondreDigression(Action):
    """A question inside a procedure: the answer, then the step shown last (a form asks again itself)."""

    def name(self) -> Text:
        return "action_repondre_digression"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response=answer_to(tracker.latest_message, domain))
        if not tracker.active_loop_name:
            show_step_again(dispatcher, tracker)
        return []
