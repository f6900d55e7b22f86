"""How many objections a session has, and which ones, in which order.

No randomness: the first objection depends on the conversation id, so two
facilitators (or two sessions on two pages) do not always start the same way,
and the same conversation always gets the same objections.
"""

import hashlib
import re
from typing import List

from actions.rehearsal.data import Rehearsal
from common.french import fold

DEFAULT_COUNT = 5
NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
}


def objection_count(text: str, available: int) -> int:
    """The first number in the text ("3", "trois"), else 5; at least 1, at most what is available."""
    for word in re.findall(r"\w+", fold(text)):
        number = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        if number:
            return max(1, min(number, available))
    return min(DEFAULT_COUNT, available)


def session_objections(rehearsal: Rehearsal, count: int, conversation_id: str) -> List[str]:
    """`count` objection ids, in the file's order, starting at a place set by the conversation id."""
    ids = [o.id for o in rehearsal.objections]
    start = int(hashlib.sha256(conversation_id.encode("utf-8")).hexdigest(), 16) % len(ids)
    return (ids[start:] + ids[:start])[:count]
