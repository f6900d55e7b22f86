"""Where the assistant runs: the page's "canal", the slot `canal`, the answers that vary with it."""

import asyncio
import json
import urllib.request
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from facilitation.content import variation_channel
from facilitation.forbidden_claims import load_claims
from tests import content
from webchat.channel import CHANNELS, BadRequest, WebChatInput, read_fields

DOMAIN = content.load_domain()
RESPONSES = DOMAIN["responses"]
KIOSK_WORDING = next(claim for claim in load_claims() if claim.allowed_channel == "kiosque")
SAYS_WHAT_IT_IS = ("assistant automatique", "pas une personne", "me tromper")


def test_the_web_channel_knows_the_slot_values():
    assert set(CHANNELS) == set(DOMAIN["slots"]["canal"]["values"])


def slot_after(agent, messages) -> str:
    """The slot `canal` after each (text, metadata) of a new conversation, as the server handles it."""
    rasa_patches.apply()
    sender = f"test-canal-slot-{abs(hash(str(messages)))}"

    async def converse():
        for text, metadata in messages:
            await agent.handle_message(UserMessage(text, sender_id=sender, metadata=metadata))
        return (await agent.tracker_store.retrieve(sender)).get_slot("canal")

    return asyncio.run(converse())


@pytest.mark.parametrize("canal", ["kiosque", "site"])
def test_the_page_s_channel_fills_the_slot_before_the_first_answer(agent, canal):
    assert slot_after(agent, [("/bonjour", {"canal": canal})]) == canal


@pytest.mark.parametrize("metadata", [None, {}, {"canal": "salle d'attente"}, {"donnees_masquees": True}])
def test_an_unknown_or_missing_channel_leaves_the_slot_alone(agent, metadata):
    assert slot_after(agent, [("bonjour", {"canal": "site"}), ("merci", metadata)]) == "site"


def request_with(body: dict):
    return SimpleNamespace(body=json.dumps(body).encode())


def test_the_web_channel_reads_the_channel_field():
    body = {"sender": "s1", "message": "Bonjour", "canal": "kiosque"}
    assert read_fields(request_with(body), ("sender", "message"))["canal"] == "kiosque"


@pytest.mark.parametrize("canal", ["borne", "", 3, None])
def test_the_web_channel_refuses_an_unknown_channel(canal):
    with pytest.raises(BadRequest, match="« canal »"):
        read_fields(request_with({"sender": "s1", "message": "Bonjour", "canal": canal}), ("sender", "message"))


def sent_metadata(text: str, canal):
    received = []

    async def on_new_message(message: UserMessage):
        received.append(message)

    asyncio.run(WebChatInput().handle_message(on_new_message, "s1", text, canal=canal))
    return received[0].metadata


def test_the_channel_goes_to_the_assistant_as_metadata():
    assert sent_metadata("Bonjour", "site") == {"canal": "site"}


def test_the_channel_goes_with_the_masking_mark():
    assert sent_metadata("mon mail est jean.dupont@example.org", "kiosque") == {
        "donnees_masquees": True,
        "canal": "kiosque",
    }


@pytest.mark.parametrize("name", ["utter_bonjour", "utter_capacites"])
def test_the_assistant_says_it_is_a_program_that_can_be_wrong(name):
    for variation in RESPONSES[name]:
        text = content.fold(variation["text"])
        assert all(words in text for words in SAYS_WHAT_IT_IS), variation
        assert "3422" in text or "accompagnant" in text


@pytest.mark.parametrize(
    "name", sorted(n for n, vs in RESPONSES.items() if len(vs) > 1 and any(variation_channel(v) for v in vs))
)
def test_a_channel_aware_answer_has_a_default_and_a_kiosk_variation(name):
    channels = [variation_channel(v) for v in RESPONSES[name]]
    assert channels.count(None) == 1 and "kiosque" in channels
    website = RESPONSES[name][channels.index(None)]
    assert [v.get("buttons") for v in RESPONSES[name]].count(website.get("buttons")) == len(channels)


def replies_in(agent, canal, text: str) -> str:
    """The assistant's reply to `text`, in a conversation whose slot `canal` is set."""
    sender = f"test-canal-{canal}-{abs(hash(text))}"
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("canal", canal),
        ActionExecuted("action_listen"),
    ]

    async def converse():
        await agent.tracker_store.save(DialogueStateTracker.from_events(sender, events, agent.domain.slots))
        return await agent.handle_text(text, sender_id=sender)

    return content.fold(" ".join(r.get("text", "") for r in asyncio.run(converse())))


@pytest.mark.parametrize("canal", ["kiosque", "site", None])
def test_the_greeting_says_it_is_automatic(agent, canal):
    reply = replies_in(agent, canal, "Bonjour")
    assert all(words in reply for words in SAYS_WHAT_IT_IS)


def test_asking_for_someone_at_the_kiosk_gives_the_help_desk_person(agent):
    reply = replies_in(agent, "kiosque", "Je veux parler à quelqu'un.")
    assert "accompagnant numerique" in reply and "ici, a l'accueil" in reply and "3422" in reply


@pytest.mark.parametrize("canal", ["site", None])
def test_asking_for_someone_on_the_website_gives_france_services_and_the_3422(agent, canal):
    reply = replies_in(agent, canal, "Je veux parler à quelqu'un.")
    assert not KIOSK_WORDING.found_in(reply)
    assert "france services" in reply and "3422" in reply


def chat(web_stack, sender: str, text: str, canal: str) -> str:
    body = json.dumps({"sender": sender, "message": text, "canal": canal}).encode()
    request = urllib.request.Request(
        web_stack.chat_url + "message", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return content.fold(" ".join(reply.get("text", "") for reply in json.loads(response.read())))


def test_the_kiosk_page_gets_the_kiosk_answer_from_the_running_assistant(web_stack):
    assert KIOSK_WORDING.found_in(chat(web_stack, "canal-kiosque", "Je veux parler à quelqu'un.", "kiosque"))


def test_the_website_gets_the_website_answer_from_the_running_assistant(web_stack):
    reply = chat(web_stack, "canal-site", "Je veux parler à quelqu'un.", "site")
    assert "france services" in reply and not KIOSK_WORDING.found_in(reply)
