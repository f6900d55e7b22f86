"""Procedure "Créer mon espace": a checklist, then the activation steps.

The form formulaire_creation asks its required slots one at a time (Oui / Non,
slots prerequis_*). Each "non" gets its own way forward, utter_manque_<slot>.
Then the steps of procedure "creation" start: at step 1 if everything is
there, else at step 0 (what to do, "Commencer quand même", or stop).
"""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.steps import start_steps

PROCEDURE = "creation"
FORM = "formulaire_creation"


def checklist(domain: Dict[Text, Any]) -> List[Text]:
    """The checklist slots, in the order the form asks them (domain.yml)."""
    return list(domain["forms"][FORM]["required_slots"])


def forget_checklist(domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    return [SlotSet(slot, None) for slot in checklist(domain)]


class ValidateFormulaireCreation(FormValidationAction):
    """Keeps each answer; a "non" shows that item's way forward, then the next question comes."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        answers = {slot: value for slot, value in tracker.slots_to_validate().items() if slot in checklist(domain)}
        for slot, has_it in answers.items():
            if has_it is False:
                dispatcher.utter_message(response=f"utter_manque_{slot}")
        return [SlotSet(slot, value) for slot, value in answers.items()]


class ActionBilanCreation(Action):
    """After the checklist: step 1 if everything is there, else step 0 first."""

    def name(self) -> Text:
        return "action_bilan_creation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if all(tracker.get_slot(slot) for slot in checklist(domain)):
            dispatcher.utter_message(response="utter_creation_pret")
            return start_steps(dispatcher, PROCEDURE)
        return start_steps(dispatcher, PROCEDURE, first=0)
