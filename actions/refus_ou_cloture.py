"""Procedure "Refuse or close?": ask when the letter arrived, then guide.

Within 6 weeks of the letter or e-mail the person can still oppose their space
(opposition steps); after that, they can close it (closing steps). The date is
asked by the form formulaire_refus_ou_cloture (slot date_reception).
"""
from datetime import date
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dates import Kind, parse_reception_date, today_in_paris
from actions.deadline import can_still_refuse, french_long_date, last_day_to_refuse
from actions.steps import forget_steps, start_steps

FORM = "formulaire_refus_ou_cloture"
DATE_SLOT = "date_reception"
UNKNOWN_DATE = "inconnue"

Today = Callable[[], date]


class ValidateFormulaireRefusOuCloture(FormValidationAction):
    """Keeps a valid date as ISO text, "inconnue" if unknown; re-asks otherwise."""

    def __init__(self, today: Today = today_in_paris) -> None:
        self.today = today

    def name(self) -> Text:
        return f"validate_{FORM}"

    def validate_date_reception(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value is None:  # just reset (restart): nothing typed yet
            return {DATE_SLOT: None}
        answer = parse_reception_date(str(slot_value), self.today())
        if answer.kind is Kind.UNKNOWN:
            return {DATE_SLOT: UNKNOWN_DATE}
        if answer.kind is Kind.INVALID:
            dispatcher.utter_message(response=f"utter_date_{answer.reason.value}")
            return {DATE_SLOT: None}
        if answer.approximate:
            dispatcher.utter_message(response="utter_date_approximative",
                                     debut=french_long_date(answer.value))
        return {DATE_SLOT: answer.value.isoformat()}


class ActionRefusOuCloture(Action):
    """Says whether the person can still refuse, until when, and starts the right steps."""

    def __init__(self, today: Today = today_in_paris) -> None:
        self.today = today

    def name(self) -> Text:
        return "action_refus_ou_cloture"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        value = tracker.get_slot(DATE_SLOT)
        if not value or value == UNKNOWN_DATE:
            dispatcher.utter_message(response="utter_delai_inconnu")
            return [SlotSet(DATE_SLOT, None), *forget_steps()]  # "J'ai retrouvé la date" asks again
        received = date.fromisoformat(value)
        last_day = french_long_date(last_day_to_refuse(received))
        if can_still_refuse(received, self.today()):
            dispatcher.utter_message(response="utter_delai_ok", dernier_jour=last_day)
            return start_steps(dispatcher, "opposition")
        dispatcher.utter_message(response="utter_delai_depasse", dernier_jour=last_day)
        return start_steps(dispatcher, "cloture")
