"""The conversations the bench replays: questions of the public test set,
a few per visitor, and the guided procedure dialogues of our conversation tests."""

from typing import List

import yaml

from tests.content import ROOT, load_test_set

PROCEDURE_DIALOGUES = ROOT / "tests" / "conversations" / "test_refus_ou_cloture.yml"
QUESTIONS_PER_VISITOR = 4
# One procedure dialogue after every this many question-only visitors.
VISITORS_PER_PROCEDURE = 3


def procedure_dialogues() -> List[List[str]]:
    """The user turns (texts and button payloads) of each procedure story."""
    stories = yaml.safe_load(PROCEDURE_DIALOGUES.read_text(encoding="utf-8"))["stories"]
    return [[step["user"] for step in story["steps"] if "user" in step] for story in stories]


def question_visits() -> List[List[str]]:
    """The public test set's messages, cut into visits of a few questions."""
    texts = [message["text"] for message in load_test_set()]
    return [texts[start : start + QUESTIONS_PER_VISITOR] for start in range(0, len(texts), QUESTIONS_PER_VISITOR)]


def conversations() -> List[List[str]]:
    """Question visits with a procedure dialogue every few, in a fixed order."""
    visits, procedures = question_visits(), procedure_dialogues()
    mixed: List[List[str]] = []
    for index, visit in enumerate(visits):
        mixed.append(visit)
        if index % VISITORS_PER_PROCEDURE == VISITORS_PER_PROCEDURE - 1:
            mixed.append(procedures[(index // VISITORS_PER_PROCEDURE) % len(procedures)])
    return mixed
