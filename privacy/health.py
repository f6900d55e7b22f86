"""Finds health details (conditions, treatments, procedures) with the lexicon privacy/sante.yml."""

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List, Text

import yaml

from privacy.detectors import Span, fold

LEXICON_FILE = Path(__file__).with_name("sante.yml")


def lexicon_terms() -> List[Text]:
    """Every term of the lexicon, all groups together, as written."""
    groups = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    return [term for terms in groups.values() for term in terms]


def term_pattern(term: Text) -> Text:
    """« séropositi* » -> a whole-word pattern on folded text; spaces match any blank."""
    words = fold(term.rstrip("*")).split()
    body = r"[\s\-]+".join(re.escape(word) for word in words)
    return r"(?<![\w])" + body + (r"\w*" if term.endswith("*") else r"(?![\w])")


@lru_cache(maxsize=1)
def lexicon() -> "re.Pattern":
    terms = sorted(lexicon_terms(), key=len, reverse=True)
    return re.compile("|".join(term_pattern(term) for term in terms))


def health_spans(text: Text) -> Iterator[Span]:
    """The words of the lexicon in the text, whatever their case and accents."""
    for match in lexicon().finditer(fold(text)):
        yield match.span()


def mentions_health(text: Text) -> bool:
    return next(health_spans(text), None) is not None
