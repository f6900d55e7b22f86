"""Reads the content contract (shared/knowledge/topics.yml), our answers and the test set."""

from typing import List

import yaml

from facilitation.content import (
    ROOT,
    SHARED,
    answer_name,
    fold,
    intent_name,
    load_domain,
    load_responses,
    load_topics,
)

# What the tests read through this module, besides the test set.
__all__ = [
    "ROOT",
    "SHARED",
    "answer_name",
    "fold",
    "intent_name",
    "load_domain",
    "load_responses",
    "load_topics",
    "THEME_GROUPS",
    "load_test_set",
]

TEST_SET_FILE = SHARED / "eval" / "public.yml"

THEME_GROUPS = {"rassurer": "rassurer", "decouvrir": "decouvrir", "creation": "demarches", "refuser": "demarches"}


def load_test_set() -> List[dict]:
    return yaml.safe_load(TEST_SET_FILE.read_text(encoding="utf-8"))["messages"]
