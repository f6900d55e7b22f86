"""The training data stays clean: no copy of the public test set, no empty topic, one value per entity text."""

import difflib
import json
import re
from collections import defaultdict


from facilitation.content import read_yaml
from tests import content
from tests.content import ROOT

MIN_EXAMPLES_PER_TOPIC = 15
NEAR_COPY_RATIO = 0.8


ANNOTATION = re.compile(r"\[([^\]]*)\](\{[^}]*\})")


def block_lines(kind: str) -> dict:
    """{name: non-blank lines, as written} of the `intent`, `synonym`, `lookup` or `regex` blocks in data/nlu."""
    blocks = {}
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in read_yaml(path)["nlu"]:
            if kind in block:
                blocks[block[kind]] = [line.strip() for line in block["examples"].splitlines() if line.strip()]
    return blocks


def nlu_blocks(kind: str) -> dict:
    """{name: examples} of the `intent` or `synonym` blocks in data/nlu."""
    return {name: [line[2:] for line in lines] for name, lines in block_lines(kind).items()}


def test_every_line_of_an_examples_block_is_one_example():
    # Rasa skips, with a mere warning, a line without "- " (a comment inside the block, say);
    # a line read as a YAML mapping ({'text': 'value'}) is no message anyone types.
    odd = [
        (name, line)
        for kind in ("intent", "synonym", "lookup", "regex")
        for name, lines in block_lines(kind).items()
        for line in lines
        if not line.startswith("- ") or line[2:].startswith("{")
    ]
    assert odd == []


def training_examples() -> dict:
    return nlu_blocks("intent")


def normalise(text: str) -> str:
    """Folded text without entity annotations or punctuation."""
    text = ANNOTATION.sub(r"\1", text)
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
            if (
                matcher.real_quick_ratio() >= NEAR_COPY_RATIO
                and matcher.quick_ratio() >= NEAR_COPY_RATIO
                and matcher.ratio() >= NEAR_COPY_RATIO
            ):
                near_copies.append((intent, line, message["text"]))
    assert near_copies == []


def test_an_entity_text_has_one_value():
    """Rasa's EntitySynonymMapper maps a text to one value, whatever the entity."""
    values = defaultdict(set)
    for value, texts in nlu_blocks("synonym").items():
        for text in texts:
            values[text.lower()].add(value)
    for lines in training_examples().values():
        for line in lines:
            for text, annotation in ANNOTATION.findall(line):
                values[text.lower()].add(json.loads(annotation).get("value", text))
    assert {text: found for text, found in values.items() if len(found) > 1} == {}
