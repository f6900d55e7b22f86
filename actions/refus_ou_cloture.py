"""Procedure "Refuse or close?": ask the date of the letter, then guide.

Within 6 weeks of the sending of the letter or e-mail the person can still
oppose their space (opposition steps); after that, they can close it (closing
steps). The date is asked by the form formulaire_refus_ou_cloture (slot
date_reception). A date given with the wish ("je veux refuser, je l'ai reçu il
y a 10 jours") or right after the answer about refusing answers the question
before it is asked. An impossible date is asked again once; after the second,
the assistant explains both ways instead.
"""

from datetime import date
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dates import Kind, Reason, parse_reception_date, today_in_paris
from actions.deadline import can_still_refuse, french_long_date, last_day_to_refuse
from actions.steps import forget_steps, start_steps

FORM = "formulaire_refus_ou_cloture"
DATE_SLOT = "date_reception"
ARRIVAL_SLOT = "date_arrivee"  # true when the date given is the day the letter came
UNKNOWN_DATE = "inconnue"
DATE_INTENT = "informer_date"
REFUSED_DATE_RESPONSES = {f"utter_date_{reason.value}" for reason in Reason}
MAX_REFUSED_DATES = 2

Today = Callable[[], date]


def refused_dates(tracker: Tracker) -> int:
    """How many answers were refused since the date question was (re)started."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            break
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") in REFUSED_DATE_RESPONSES:
            count += 1
    return count


class ValidateFormulaireRefusOuCloture(FormValidationAction):
    """Keeps a valid date as ISO text, "inconnue" if unknown; re-asks once otherwise."""

    def __init__(self, today: Today = today_in_paris) -> None:
        self.today = today

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def extract_date_reception(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Before the question is asked: a date in the message that started the procedure."""
        if tracker.get_slot("requested_slot") == DATE_SLOT:
            return {}  # the answer to the question comes from the slot mapping
        text = tracker.latest_message.get("text") or ""
        answer = parse_reception_date(text, self.today())
        intent = tracker.latest_message.get("intent", {}).get("name")
        said_unknown = answer.kind is Kind.UNKNOWN and intent == DATE_INTENT
        return {DATE_SLOT: text} if answer.kind is Kind.DATE or said_unknown else {}

    def validate_date_reception(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value is None:  # just reset (restart): nothing typed yet
            return {DATE_SLOT: None}
        answer = parse_reception_date(str(slot_value), self.today())
        if answer.kind is Kind.UNKNOWN:
            return {DATE_SLOT: UNKNOWN_DATE}
        if answer.kind is Kind.INVALID:
            dispatcher.utter_message(response=f"utter_date_{answer.reason.value}")
            given_up = refused_dates(tracker) + 1 >= MAX_REFUSED_DATES
            return {DATE_SLOT: UNKNOWN_DATE if given_up else None}
        if answer.approximate:
            dispatcher.utter_message(response="utter_date_approximative", debut=french_long_date(answer.value))
        return {DATE_SLOT: answer.value.isoformat(), ARRIVAL_SLOT: answer.arrival}


class ActionRefusOuCloture(Action):
    """Says whether the person can still refuse, until when, and starts the right steps."""

    def __init__(self, today: Today = today_in_paris) -> None:
        self.today = today

    def name(self) -> Text:
        return "action_refus_ou_cloture"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        value = tracker.get_slot(DATE_SLOT)
        if not value or value == UNKNOWN_DATE:
            dispatcher.utter_message(response="utter_delai_inconnu")
            return [SlotSet(DATE_SLOT, None), *forget_steps()]  # "J'ai retrouvé la date" asks again
        sent = date.fromisoformat(value)
        last_day = french_long_date(last_day_to_refuse(sent))
        # The response variation for an arrival date (domain.yml) warns that the end may come earlier.
        if can_still_refuse(sent, self.today()):
            dispatcher.utter_message(response="utter_delai_ok", dernier_jour=last_day)
            return [SlotSet(ARRIVAL_SLOT, None), *start_steps(dispatcher, "opposition")]
        dispatcher.utter_message(response="utter_delai_depasse", dernier_jour=last_day)
        return [SlotSet(ARRIVAL_SLOT, None), *start_steps(dispatcher, "cloture")]
