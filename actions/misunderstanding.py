"""What to say when the assistant did not understand, or the message is off-topic."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

MISUNDERSTOOD_INTENTS = {"nlu_fallback", "hors_sujet"}
HANDOVER_AFTER = 2  # consecutive misunderstandings before offering a human


def consecutive_misunderstandings(events: List[Dict[Text, Any]]) -> int:
    """Counts the latest user messages in a row that were not understood."""
    count = 0
    for event in reversed(events):
        if event.get("event") != "user":
            continue
        intent = (event.get("parse_data") or {}).get("intent") or {}
        if intent.get("name") not in MISUNDERSTOOD_INTENTS:
            break
        count += 1
    return count


class ActionMisunderstood(Action):
    """Answers off-topic or unclear messages; offers a human after two in a row."""

    def name(self) -> Text:
        return "action_misunderstood"

    def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        if consecutive_misunderstandings(tracker.events) >= HANDOVER_AFTER:
            dispatcher.utter_message(response="utter_fallback_humain")
        elif tracker.latest_message.get("intent", {}).get("name") == "hors_sujet":
            dispatcher.utter_message(response="utter_hors_sujet")
        else:
            dispatcher.utter_message(response="utter_je_ne_sais_pas")
        return []
