"""The speed-ups keep Rasa's behaviour: same action checks, same event classes, conversations kept."""

import asyncio
import json
import os
import tarfile
import time

import jsonschema
import pytest

from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bench import memory
from bench.conversations import conversations, procedure_dialogues
import rasa_patches
from storage.tracker_store import RedactingSQLTrackerStore

rasa_patches.apply()  # RemoteAction's check among them


def test_a_valid_action_response_is_accepted_quickly():
    response = {"events": [{"event": "slot", "name": "etape", "value": 2}], "responses": [{"response": "utter_x"}]}
    started = time.perf_counter()
    for _ in range(100):
        assert RemoteAction("action_x", None)._validate_action_result(response)
    assert time.perf_counter() - started < 1.5  # jsonschema.validate: about 7 s here


@pytest.mark.parametrize("response", [{"events": "x"}, {"responses": [1]}, {"events": [{"event": "slot", "name": 3}]}])
def test_an_invalid_action_response_fails_as_with_rasa(response):
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("action_x", None)._validate_action_result(response)
    with pytest.raises(jsonschema.ValidationError) as rasa:
        jsonschema.validate(response, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(rasa.value.message)


def test_the_bench_replays_questions_and_procedures():
    replayed = conversations()
    assert all(dialogue in replayed for dialogue in procedure_dialogues())
    assert sum(len(c) for c in replayed) > 100


def test_the_bench_reads_resident_memory():
    resident = memory.status_kb(os.getpid(), "VmRSS")
    assert resident > 10_000
    assert memory.status_kb(os.getpid(), "VmHWM") >= resident
    assert memory.status_kb(2**22 + 1, "VmRSS") == 0  # no such process


def test_the_sqlite_conversations_are_written_ahead_and_read_back(tmp_path):
    store = RedactingSQLTrackerStore(db=str(tmp_path / "conversations.db"))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    tracker = DialogueStateTracker.from_events("visitor", [UserUttered("bonjour", {"name": "bonjour"})])
    asyncio.run(store.save(tracker))
    again = RedactingSQLTrackerStore(db=str(tmp_path / "conversations.db"))
    assert asyncio.run(again.retrieve("visitor")).latest_message.intent_name == "bonjour"


def test_event_classes_are_found_by_name_as_rasa_finds_them():
    rasa_patches.apply()
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is rasa_patches._resolve_by_type(cls.type_name)
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")


@pytest.fixture(scope="module")
def rule_lookup(trained_model, tmp_path_factory):
    """The rules the trained model's rule policy learnt (train_RulePolicy*/rule_policy.json)."""
    folder = tmp_path_factory.mktemp("rules")
    with tarfile.open(trained_model) as archive:
        (member,) = [m for m in archive.getmembers() if m.name.endswith("rule_policy.json")]
        archive.extract(member, folder)
    return json.loads((folder / member.name).read_text())["lookup"]


def conversations_around(rule_key: str, intents, actions):
    """The rule's own turns, then the same with another last intent or previous action."""
    states = json.loads(rule_key)
    yield states
    last = states[-1]
    for intent in intents:
        yield states[:-1] + [{**last, "user": {**last.get("user", {}), "intent": intent}}]
    for action in actions:
        yield states[:-1] + [{**last, "prev_action": {"action_name": action}}]


def test_the_rule_policy_finds_the_same_rules_as_rasa(rule_lookup):
    rasa_patches.apply()
    policy = RulePolicy.__new__(RulePolicy)  # the look-up reads no trained state but its argument
    for name in ("rules", "rules_for_loop_unhappy_path"):
        lookup = rule_lookup[name]
        endings = [rasa_patches.rule_ending(key) for key in lookup]
        intents = sorted({intent for _, intent in endings if intent})[:12] + ["hors_sujet"]
        actions = sorted({action for action, _ in endings if action})[:12]
        compared = 0
        for key in lookup:
            for states in conversations_around(key, intents, actions):
                assert policy._get_possible_keys(lookup, states) == rasa_patches._get_possible_keys(
                    policy, lookup, states
                )
                compared += 1
        assert compared > len(lookup) * 10


def test_messages_are_handled_a_few_at_once_in_their_order(monkeypatch):
    rasa_patches.apply()
    in_progress, most, started = [0], [0], []

    async def handle(processor, message):
        started.append(message.sender_id)
        in_progress[0] += 1
        most[0] = max(most[0], in_progress[0])
        await asyncio.sleep(0.01)
        in_progress[0] -= 1

    monkeypatch.setattr(rasa_patches, "_handle_message", handle)
    senders = [f"visitor-{n}" for n in range(12)]

    async def all_at_once():
        await asyncio.gather(*(rasa_patches.handle_message(None, UserMessage("bonjour", sender_id=s)) for s in senders))

    asyncio.run(all_at_once())
    assert most[0] == rasa_patches.MESSAGES_AT_ONCE
    assert started == senders
