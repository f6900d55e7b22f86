"""Conversation tests (tests/conversations/*.yml), run by `rasa test core`."""
import subprocess

import yaml

from tests import content, evaluation
from tests.content import ROOT

CONVERSATIONS = ROOT / "tests" / "conversations"


def intents_in_conversation_tests() -> set:
    intents = set()
    for path in CONVERSATIONS.glob("*.yml"):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            intents |= {step["intent"] for step in story["steps"] if "intent" in step}
    return intents


def test_every_topic_has_a_conversation_test():
    missing = {content.intent_name(t) for t in content.load_topics()} - intents_in_conversation_tests()
    assert not missing


def test_conversations_go_as_written():
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "rasa"), "test", "core", "--e2e", "--stories", str(CONVERSATIONS),
         "--model", str(evaluation.MODEL), "--out", str(ROOT / "reports" / "conversations"),
         "--fail-on-prediction-errors"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
