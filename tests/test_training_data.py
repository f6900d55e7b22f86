"""The training data stays clean: no copy of the public test set, no empty topic."""
import difflib
import re

import yaml

from tests import content
from tests.content import ROOT

MIN_EXAMPLES_PER_TOPIC = 15
NEAR_COPY_RATIO = 0.8


def training_examples() -> dict:
    examples = {}
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in block:
                lines = [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]
                examples[block["intent"]] = lines
    return examples


def normalise(text: str) -> str:
    """Folded text without entity annotations or punctuation."""
    text = re.sub(r"\[([^\]]*)\]\{[^}]*\}", r"\1", text)
    return " ".join(re.findall(r"\w+", content.fold(text)))


def test_every_topic_has_enough_examples():
    examples = training_examples()
    counts = {content.intent_name(t): len(examples.get(content.intent_name(t), [])) for t in content.load_topics()}
    assert {i: n for i, n in counts.items() if n < MIN_EXAMPLES_PER_TOPIC} == {}


def test_no_training_example_copies_the_public_test_set():
    examples = [(intent, line, normalise(line)) for intent, lines in training_examples().items() for line in lines]
    near_copies = []
    for message in content.load_test_set():
        matcher = difflib.SequenceMatcher(b=normalise(message["text"]))
        for intent, line, candidate in examples:
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() >= NEAR_COPY_RATIO and matcher.ratio() >= NEAR_COPY_RATIO:
                near_copies.append((intent, line, message["text"]))
    assert near_copies == []
