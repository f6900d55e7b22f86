"""The assistant's plain-French rules: how texts are compared, how long a sentence and a bubble may be.

Used by the tests of the bot's answers and by the rehearsal's language checks.
"""

import re
import unicodedata
from typing import List

MAX_WORDS_PER_SENTENCE = 20
MAX_WORDS_PER_BUBBLE = 45  # a bubble is a paragraph of an answer: one idea
# A sentence ends with . ! ? : ; … or a line break.
SENTENCE_END = re.compile(r"(?<=[.!?:;…])\s+|\n+")


def fold(text: str) -> str:
    """Lower case without accents: "Hébergées" and "hebergees" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sentences(text: str) -> List[str]:
    return [piece for piece in SENTENCE_END.split(text) if piece.strip()]


def word_count(text: str) -> int:
    """Words are what holds a letter or a digit: "—" and "?" are not words."""
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))
