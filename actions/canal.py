"""Fills the slot `canal` from the message metadata the web page sends.

The kiosk page sends {"canal": "kiosque"}, the website widget {"canal": "site"}
(web/chat-core.js, checked by webchat/channel.py). Rasa runs this action after
every user message, as the custom mapping of the slot (domain.yml); answers
that depend on the place use conditional response variations on the slot.
"""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

CHANNEL_SLOT = "canal"


def known_channels(domain: Dict[Text, Any]) -> List[Text]:
    return domain["slots"][CHANNEL_SLOT]["values"]


class ActionLireCanal(Action):
    def name(self) -> Text:
        return "action_lire_canal"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        metadata = tracker.latest_message.get("metadata") or {}
        canal = metadata.get(CHANNEL_SLOT)
        if canal in known_channels(domain) and canal != tracker.get_slot(CHANNEL_SLOT):
            return [SlotSet(CHANNEL_SLOT, canal)]
        return []
