"""Shows a procedure one step per message; the steps are responses in the domain.

A procedure `p` has the responses utter_etape_<p>_1, utter_etape_<p>_2, ... (in
domain/responses/procedures.yml) and utter_fin_<p> after the last one. Help for
"J'ai un problème" is utter_probleme_<p>_<n> when written, else utter_probleme_etape.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

PROCEDURE_SLOT = "procedure"
STEP_SLOT = "etape"
PROBLEM_INTENT = "probleme_etape"


def step_response(procedure: Text, number: int) -> Text:
    return f"utter_etape_{procedure}_{number}"


def step_count(domain: Dict[Text, Any], procedure: Text) -> int:
    responses = domain.get("responses", {})
    count = 0
    while step_response(procedure, count + 1) in responses:
        count += 1
    return count


def start_steps(dispatcher: CollectingDispatcher, procedure: Text) -> List[Dict[Text, Any]]:
    """Shows the first step of `procedure`; returns the events that remember it."""
    dispatcher.utter_message(response=step_response(procedure, 1))
    return [SlotSet(PROCEDURE_SLOT, procedure), SlotSet(STEP_SLOT, 1)]


def forget_steps() -> List[Dict[Text, Any]]:
    return [SlotSet(PROCEDURE_SLOT, None), SlotSet(STEP_SLOT, None)]


class ActionEtapeProcedure(Action):
    """"C'est fait, étape suivante" shows the next step; "J'ai un problème" helps, then repeats the step."""

    def name(self) -> Text:
        return "action_etape_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        procedure: Optional[Text] = tracker.get_slot(PROCEDURE_SLOT)
        step = int(tracker.get_slot(STEP_SLOT) or 0)
        if not procedure or step < 1:
            dispatcher.utter_message(response="utter_pas_de_procedure")
            return []
        if tracker.latest_message.get("intent", {}).get("name") == PROBLEM_INTENT:
            help_response = f"utter_probleme_{procedure}_{step}"
            has_own_help = help_response in domain.get("responses", {})
            dispatcher.utter_message(response=help_response if has_own_help else "utter_probleme_etape")
            dispatcher.utter_message(response=step_response(procedure, step))
            return []
        if step >= step_count(domain, procedure):
            dispatcher.utter_message(response=f"utter_fin_{procedure}")
            return forget_steps()
        dispatcher.utter_message(response=step_response(procedure, step + 1))
        return [SlotSet(STEP_SLOT, step + 1)]
