"""Unit tests of the custom actions: a Tracker from a dict, a CollectingDispatcher."""

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.misunderstanding import ActionMisunderstood


def user(intent: str) -> dict:
    return {"event": "user", "text": "...", "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}


def bot(response: str) -> dict:
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


def run(events):
    latest = events[-1]["parse_data"]
    tracker = Tracker("test", {}, latest, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    returned = ActionMisunderstood().run(dispatcher, tracker, {})
    return returned, [m["response"] for m in dispatcher.messages]


def test_first_unclear_message_gets_the_honest_answer():
    assert run([user("bonjour"), bot("utter_bonjour"), user("nlu_fallback")]) == ([], ["utter_je_ne_sais_pas"])


def test_off_topic_message_gets_the_off_topic_answer():
    assert run([user("faq"), user("hors_sujet")]) == ([], ["utter_hors_sujet"])


def test_second_misunderstanding_in_a_row_offers_a_human():
    events = [user("nlu_fallback"), bot("utter_je_ne_sais_pas"), user("hors_sujet")]
    assert run(events) == ([], ["utter_fallback_humain"])


def test_an_understood_message_resets_the_count():
    events = [user("nlu_fallback"), user("merci"), user("nlu_fallback")]
    assert run(events) == ([], ["utter_je_ne_sais_pas"])
