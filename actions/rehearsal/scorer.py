"""Marks a facilitator's answer to an objection, out of 10. Same answer, same mark.

Mark = 10 x (key points said / key points), rounded, minus 1 per acronym the
answer does not explain, minus 1 if a sentence is longer than the simple-French
limit; never below 0.
"""

from dataclasses import dataclass
from typing import List, Sequence, Tuple

from actions.rehearsal import language
from actions.rehearsal.data import KeyPoint, Objection, Rehearsal
from actions.rehearsal.language import Sentence
from facilitation.checks import Acronym
from common.french import fold

MAX_MARK = 10


@dataclass(frozen=True)
class Assessment:
    said: Tuple[str, ...]  # key points said
    missed: Tuple[str, ...]  # key points missed
    unexplained: Tuple[Acronym, ...]
    longest_sentence: int  # words, when over the limit; else 0
    mark: int


def _formula_in(sentence: Sentence, formula: Sequence[str], rehearsal: Rehearsal) -> bool:
    return all(
        any(language.contains(sentence.tokens, language.phrase(variant)) for variant in rehearsal.variants(part))
        for part in formula
    )


def says(sentences: List[Sentence], point: KeyPoint, rehearsal: Rehearsal) -> bool:
    """True if one of the point's formulas is in one sentence."""
    return any(_formula_in(s, formula, rehearsal) for s in sentences for formula in point.formulas)


def _explained(sentences: List[Sentence], acronym: Acronym) -> bool:
    return any(language.contains(s.tokens, language.phrase(e)) for s in sentences for e in acronym.explanations)


def unexplained_acronyms(sentences: List[Sentence], rehearsal: Rehearsal) -> Tuple[Acronym, ...]:
    used = {form for s in sentences for token in s.tokens for form in token}
    return tuple(a for a in rehearsal.acronyms if fold(a.name) in used and not _explained(sentences, a))


def assess(answer: str, objection: Objection, rehearsal: Rehearsal) -> Assessment:
    sentences = language.sentences(answer)
    said = tuple(p.label for p in objection.key_points if says(sentences, p, rehearsal))
    missed = tuple(p.label for p in objection.key_points if p.label not in said)
    unexplained = unexplained_acronyms(sentences, rehearsal)
    longest = max((s.words for s in sentences), default=0)
    too_long = longest > rehearsal.max_words
    mark = round(MAX_MARK * len(said) / len(objection.key_points)) - len(unexplained) - int(too_long)
    return Assessment(said, missed, unexplained, longest if too_long else 0, max(mark, 0))
