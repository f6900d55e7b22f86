"""Reads the content contract (shared/knowledge/topics.yml), our answers and the test set."""
from typing import List

import yaml

from facilitation.content import (ROOT, SHARED, answer_name, fold, intent_name, load_domain,  # noqa: F401
                                  load_responses, load_topics)

TEST_SET_FILE = SHARED / "eval" / "public.yml"

THEME_GROUPS = {"rassurer": "rassurer", "decouvrir": "decouvrir", "creation": "demarches", "refuser": "demarches"}


def load_test_set() -> List[dict]:
    return yaml.safe_load(TEST_SET_FILE.read_text(encoding="utf-8"))["messages"]

