"""Conversation tests (tests/conversations/*.yml), run by `rasa test core`."""

import os
import subprocess

import yaml

from tests import content
from tests.content import ROOT

CONVERSATIONS = ROOT / "tests" / "conversations"


def conversation_tests() -> list:
    return [
        story
        for path in CONVERSATIONS.glob("*.yml")
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]
    ]


def intents_in_conversation_tests() -> set:
    return {step["intent"] for story in conversation_tests() for step in story["steps"] if "intent" in step}


def test_rasa_reads_every_conversation_test_file():
    # Rasa only evaluates story files whose name starts with "test_".
    assert all(path.name.startswith("test_") for path in CONVERSATIONS.glob("*.yml"))


def test_every_topic_has_a_conversation_test():
    missing = {content.intent_name(t) for t in content.load_topics()} - intents_in_conversation_tests()
    assert not missing


def test_conversations_go_as_written(trained_model):
    result = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "rasa"),
            "test",
            "core",
            "--e2e",
            "--stories",
            str(CONVERSATIONS),
            "--model",
            str(trained_model),
            "--out",
            str(ROOT / "reports" / "conversations"),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Loading the agent in-process sets LOG_LEVEL; the story count is logged at INFO.
        env=dict(os.environ, LOG_LEVEL="INFO"),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-10000:]
    assert f"Evaluating {len(conversation_tests())} stories" in output, output[-10000:]
