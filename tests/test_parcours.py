"""Journeys of "Refuser ou clôturer ?" through the running assistant, actions included.

Conversation tests (tests/conversations/) do not run the custom actions; these
check what only a running form does: a date in the message that starts the
form answers its question at once.
"""

import json
import urllib.request
import uuid

import pytest


@pytest.fixture
def say(web_stack):
    """Sends the messages of one new conversation; returns the text of the last answer."""
    sender = str(uuid.uuid4())

    def send(*messages: str) -> str:
        for message in messages:
            body = json.dumps({"sender": sender, "message": message}).encode()
            request = urllib.request.Request(
                web_stack.chat_url + "message", data=body, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                replies = json.loads(response.read())
        return "\n\n".join(reply.get("text") or "" for reply in replies)

    return send


def test_a_date_given_with_the_wish_to_refuse_answers_at_once(say):
    answer = say("je ne veux pas de mon espace santé, la lettre est arrivée il y a 10 jours")
    assert "Bonne nouvelle" in answer and "quelques jours plus tôt" in answer
    assert "Étape 1." in answer and "Quelle date" not in answer


def test_a_date_typed_after_the_answer_about_refusing_is_its_answer(say):
    answer = say("Comment je refuse la création de mon espace ?", "c'est écrit 1er mars 2022 sur la lettre")
    assert "Il a pris fin le mardi 12 avril 2022." in answer and "2022" in answer
    assert "Étape 1. Vos enfants" in answer


def test_two_impossible_dates_end_with_both_ways_and_the_3422(say):
    assert "Quelle date est écrite sur le courrier" in say("/refus_ou_cloture")
    assert "Par exemple : le 3 mars 2022." in say("le 45 mars")
    answer = say("le 30 février")
    assert "6 semaines" in answer and "fermer" in answer and "3422" in answer
    assert "Quelle date" not in answer


def test_a_thank_you_or_a_question_while_the_date_is_asked_is_answered_then_the_date_is_asked_again(say):
    assert "Quelle date est écrite sur le courrier" in say("/refus_ou_cloture")
    answer = say("merci beaucoup")
    assert "Avec plaisir" in answer and "Quelle date est écrite sur le courrier" in answer
    answer = say("qui peut voir mes données de santé ?")
    assert "Quelle date est écrite sur le courrier" in answer and "Je n'ai pas compris cette date" not in answer
    assert "Étape 1. Vos enfants" in say("le 1er mars 2022")


def test_a_message_not_understood_while_the_date_is_asked_gets_the_date_check(say):
    say("/refus_ou_cloture")
    answer = say("qsdfgh")
    assert "Je n'ai pas compris cette date" in answer and "Quelle date est écrite sur le courrier" in answer
