"""French text as sentences of tokens, with spaCy's fr_core_news_sm (loaded once, on first use).

Sentences end with . ! ? : ; or a line break, as in the bot's own simple-French
rule (common/french.py). A token is the set of its folded forms (surface
form and lemma, lower case, without accents), so that "stockées" matches
"stocker" and "Hébergées" matches "hébergées". Punctuation is dropped.
"""

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Sequence, Tuple

from common.french import fold, word_count
from common.french import sentences as split_sentences

SPACY_MODEL = "fr_core_news_sm"

Token = FrozenSet[str]
Phrase = Tuple[Token, ...]

_loading = threading.Lock()
_nlp = None


def language():
    """The spaCy pipeline, loaded by the first caller; later callers wait for it."""
    global _nlp
    with _loading:
        if _nlp is None:
            import spacy

            _nlp = spacy.load(SPACY_MODEL)
    return _nlp


def warm_up() -> None:
    """Starts loading spaCy in the background, so that the first answer is marked quickly."""
    threading.Thread(target=language, daemon=True).start()


@dataclass(frozen=True)
class Sentence:
    tokens: Phrase
    words: int


def _tokens(span) -> Phrase:
    return tuple(frozenset({fold(t.text), fold(t.lemma_)}) for t in span if not (t.is_punct or t.is_space))


def sentences(text: str) -> List[Sentence]:
    """The sentences of a text, each with its tokens and its number of words."""
    pieces = split_sentences(text)
    analysed = (Sentence(_tokens(doc), word_count(p)) for p, doc in zip(pieces, language().pipe(pieces)))
    return [s for s in analysed if s.tokens]


@lru_cache(maxsize=None)
def phrase(text: str) -> Phrase:
    """The tokens of a word or phrase written in the rehearsal file."""
    return _tokens(language()(text))


def contains(tokens: Sequence[Token], wanted: Phrase) -> bool:
    """True if the tokens hold the phrase, word after word (each word by form or lemma)."""
    size = len(wanted)
    return size > 0 and any(
        all(tokens[start + i] & wanted[i] for i in range(size)) for start in range(len(tokens) - size + 1)
    )
