"""Every topic of the content contract has a simple, correct answer."""

import asyncio
import re

import pytest
from rasa.core.nlg.interpolator import interpolate_text

from common.french import MAX_WORDS_PER_SENTENCE, sentences, word_count
from facilitation.content import variation_channel
from tests import content, evaluation

TOPICS = content.load_topics()
RESPONSES = content.load_responses()
THEME_PAYLOADS = {f'/choisir_theme{{"theme":"{t}"}}' for t in content.THEME_GROUPS}
# The contract describes this topic instead of quoting a message.
SAMPLE_MESSAGES = {"donnees_personnelles": "voici mon numéro de sécu 1 84 12 75 108 123 45"}
# Topics answered by a custom action rather than by a response of their own.
ANSWERED_BY_ACTION = {"hors_sujet": "utter_hors_sujet"}
MAX_WORDS_PER_BUBBLE = 45


def responses_of(topic: dict) -> list:
    """Every variation of the topic's answer (e.g. the website's and the kiosk's)."""
    name = ANSWERED_BY_ACTION.get(topic["id"], content.answer_name(topic))
    return [variation["text"] for variation in RESPONSES[name]]


def matches_all(text: str, patterns) -> bool:
    return all(re.search(content.fold(p), content.fold(text)) for p in patterns)


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t["id"])
def test_answer_mentions_what_the_contract_requires(topic):
    for text in responses_of(topic):
        assert matches_all(text, topic["must_mention"]), text


@pytest.mark.parametrize("topic", [t for t in TOPICS if t.get("verify")], ids=lambda t: t["id"])
def test_unconfirmed_facts_point_to_an_official_source(topic):
    for text in responses_of(topic):
        assert re.search(r"3422|monespacesante\.fr", text)


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_answers_use_short_sentences(name):
    for variation in RESPONSES[name]:
        for sentence in sentences(variation["text"]):
            assert word_count(sentence) <= MAX_WORDS_PER_SENTENCE, sentence


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_answers_keep_each_bubble_short(name):
    for variation in RESPONSES[name]:
        for bubble in variation["text"].split("\n\n"):
            assert word_count(bubble) <= MAX_WORDS_PER_BUBBLE, bubble


@pytest.mark.parametrize("name", ["utter_bonjour", "utter_capacites", "utter_je_ne_sais_pas", "utter_hors_sujet"])
def test_entry_points_offer_the_four_themes(name):
    # As sent to the user: Rasa fills {slot} templates, so the payloads escape their braces.
    assert {interpolate_text(b["payload"], {}) for b in RESPONSES[name][0]["buttons"]} == THEME_PAYLOADS


def test_unknown_question_is_answered_honestly():
    text = content.fold(RESPONSES["utter_je_ne_sais_pas"][0]["text"])
    assert "je ne sais pas encore repondre a cela" in text
    assert "monespacesante.fr" in text and "3422" in text


def test_repeated_misunderstanding_offers_the_3422_and_on_the_kiosk_the_facilitator():
    texts = {variation_channel(v): content.fold(v["text"]) for v in RESPONSES["utter_fallback_humain"]}
    assert all("3422" in text for text in texts.values())
    assert "accompagnant" in texts["kiosque"] and "france services" in texts[None]


def message_for(topic: dict) -> str:
    return SAMPLE_MESSAGES.get(topic["id"], topic["question"])


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t["id"])
def test_contract_question_is_recognised(agent, topic):
    assert evaluation.predict(agent, [message_for(topic)]) == [topic["id"]]


@pytest.mark.parametrize("topic", [t for t in TOPICS if t["must_mention"]], ids=lambda t: t["id"])
def test_agent_reply_mentions_what_the_contract_requires(agent, topic):
    replies = asyncio.run(agent.handle_text(message_for(topic), sender_id=f"test-{topic['id']}"))
    assert matches_all(" ".join(r.get("text", "") for r in replies), topic["must_mention"])


@pytest.mark.parametrize("theme", sorted(content.THEME_GROUPS))
def test_theme_menu_buttons_lead_to_topics_of_that_theme(agent, theme):
    group_of = {t["id"]: t["group"] for t in TOPICS}
    # Payloads starting with "/" start a procedure (tests/test_procedures.py).
    payloads = [
        b["payload"] for b in RESPONSES[f"utter_theme_{theme}"][0]["buttons"] if not b["payload"].startswith("/")
    ]
    predicted = evaluation.predict(agent, payloads)
    assert [group_of.get(p) for p in predicted] == [content.THEME_GROUPS[theme]] * len(payloads)
