"""Reads the rehearsal content, entrainement/objections.yml, edited by facilitators, and the
acronyms it shares with the review page (facilitation/sigles.yml).

The files are read again when they change: no restart needed after an edit.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

import yaml

from common.french import MAX_WORDS_PER_SENTENCE, fold
from facilitation.checks import ACRONYMS_FILE, Acronym, Acronyms, load_acronyms

REHEARSAL_FILE = Path(__file__).resolve().parents[2] / "entrainement" / "objections.yml"
FORMULA_SEPARATOR = "+"  # "héberger + France": both words in the same sentence


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class KeyPoint:
    label: str
    formulas: Tuple[Tuple[str, ...], ...]  # any formula; every part of it in one sentence


@dataclass(frozen=True)
class Objection:
    id: str
    person: Person
    topic: str
    title: str
    text: str
    key_points: Tuple[KeyPoint, ...]


@dataclass(frozen=True)
class Rehearsal:
    objections: Tuple[Objection, ...]
    synonyms: Dict[str, Tuple[str, ...]]  # folded word -> the word and its synonyms
    acronyms: Tuple[Acronym, ...]
    max_words: int

    def objection(self, objection_id: str) -> Objection:
        return next(o for o in self.objections if o.id == objection_id)

    def variants(self, word: str) -> Tuple[str, ...]:
        """A word of a formula and the synonyms it stands for."""
        return self.synonyms.get(fold(word), (word,))


def _formula(text: str) -> Tuple[str, ...]:
    return tuple(part.strip() for part in text.split(FORMULA_SEPARATOR) if part.strip())


def parse(content: dict, acronyms: Acronyms) -> Rehearsal:
    people = {p["id"]: Person(p["id"], p["nom"], p["description"]) for p in content["personnes"]}
    objections = tuple(
        Objection(
            id=o["id"],
            person=people[o["personne"]],
            topic=o["sujet"],
            title=o["titre"],
            text=o["objection"],
            key_points=tuple(
                KeyPoint(k["point"], tuple(_formula(f) for f in k["on_accepte"])) for k in o["points_cles"]
            ),
        )
        for o in content["objections"]
    )
    synonyms = {fold(word): (word, *others) for word, others in content["synonymes"].items()}
    return Rehearsal(objections, synonyms, tuple(acronyms.explained.values()), MAX_WORDS_PER_SENTENCE)


@lru_cache(maxsize=4)
def _load(path: Path, modified: float, acronyms_modified: float) -> Rehearsal:
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")), load_acronyms())


def load(path: Path = REHEARSAL_FILE) -> Rehearsal:
    return _load(path, os.stat(path).st_mtime, os.stat(ACRONYMS_FILE).st_mtime)
