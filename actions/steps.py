"""Shows a procedure one step per message; the steps are responses in the domain.

A procedure `p` has the responses utter_etape_<p>_1, utter_etape_<p>_2, ... (in
domain.yml) and utter_fin_<p> after the last one. An optional
utter_etape_<p>_0 comes before step 1 when the procedure is started at step 0.
Help for "J'ai un problème" is utter_probleme_<p>_<n> when written, else
utter_probleme_etape.
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


def start_steps(dispatcher: CollectingDispatcher, procedure: Text, first: int = 1) -> List[Dict[Text, Any]]:
    """Shows step `first` of `procedure`; returns the events that remember it."""
    dispatcher.utter_message(response=step_response(procedure, first))
    return [SlotSet(PROCEDURE_SLOT, procedure), SlotSet(STEP_SLOT, first)]


def forget_steps() -> List[Dict[Text, Any]]:
    return [SlotSet(PROCEDURE_SLOT, None), SlotSet(STEP_SLOT, None)]


def current_step(tracker: Tracker) -> Optional[int]:
    """The number of the step shown last, None outside a procedure."""
    step = tracker.get_slot(STEP_SLOT)
    if not tracker.get_slot(PROCEDURE_SLOT) or step is None:
        return None
    return int(step)


def show_step_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After a digression: "Reprenons…" and the step shown last, if any."""
    step = current_step(tracker)
    if step is not None:
        dispatcher.utter_message(response="utter_reprise")
        dispatcher.utter_message(response=step_response(tracker.get_slot(PROCEDURE_SLOT), step))


class ActionEtapeProcedure(Action):
    """ "C'est fait, étape suivante" shows the next step; "J'ai un problème" helps, then repeats the step."""

    def name(self) -> Text:
        return "action_etape_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        procedure: Optional[Text] = tracker.get_slot(PROCEDURE_SLOT)
        step = current_step(tracker)
        if step is None:
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
