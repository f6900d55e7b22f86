"""The automatic checks of an answer: what the review page (`make relecture`) shows in green or red.

Pure functions of a text, so that the tests of the answers can call them too:
- missing_mentions(text, patterns): the contract's must_mention patterns the text misses;
- long_sentences(text, rules), long_bubbles(text, rules): what is over the plain-French limits;
- unexplained_acronyms(text, rules): acronyms (HDS, DMP…) the answer does not explain;
- forbidden_claims_in(text, response, channel, claims): the false claims it makes
  (content/affirmations_interdites.yml, read by facilitation/forbidden_claims.py);
- check_answer(variation, response, topic, rules, claims): all of them for one
  variation of the answer to a topic.
The limits and the acronyms are content, in facilitation/francais_simple.yml (load_rules),
shared with the rehearsal mode.
"""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

import yaml

from facilitation import forbidden_claims
from facilitation.content import CHANNEL_SLOT, Variation, bubbles, fold
from facilitation.forbidden_claims import Claim

RULES_FILE = Path(__file__).with_name("francais_simple.yml")
SENTENCE_END = re.compile(r"(?<=[.!?:;…])\s+|\n+")
ACRONYM = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}\b")
# Where a cautious answer (topic with `verify: true`) sends the person.
OFFICIAL_SOURCE = r"3422|monespacesante\.fr"


@dataclass(frozen=True)
class Acronym:
    name: str
    meaning: str
    explanations: Tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    max_sentence_words: int
    max_bubble_words: int
    acronyms: Dict[str, Acronym]
    known_acronyms: FrozenSet[str]   # need no explanation (SMS, PDF…)


@dataclass(frozen=True)
class Finding:
    """One problem found: the pattern, sentence, bubble, acronym or claim (its id) at fault."""
    subject: str
    words: Optional[int] = None     # sentences and bubbles
    note: Optional[str] = None      # the acronym's meaning, or why the claim is false
    source: Optional[str] = None    # the claim's source


@dataclass(frozen=True)
class CheckResult:
    check: str                      # mentions, phrases, bulles, sigles, affirmations, prudence
    findings: Tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


def load_rules(path: Path = RULES_FILE) -> Rules:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    acronyms = {
        name: Acronym(name, a["explication"], (a["explication"], *a["on_accepte"]))
        for name, a in content["sigles"].items()
    }
    return Rules(int(content["mots_par_phrase"]), int(content["mots_par_bulle"]), acronyms,
                 frozenset(content["sigles_connus"]))


def load_forbidden_claims() -> Optional[List[Claim]]:
    """The forbidden claims; None while their file does not exist (nothing to check against)."""
    return forbidden_claims.load_claims() if forbidden_claims.CLAIMS_FILE.exists() else None


def word_count(text: str) -> int:
    """Words with at least one letter or digit: « and – are not words."""
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def split_sentences(text: str) -> List[str]:
    """Sentences end with . ! ? : ; … or a line break."""
    return [piece.strip() for piece in SENTENCE_END.split(text) if piece.strip()]


def matches(pattern: str, text: str) -> bool:
    """A must_mention pattern: a regular expression, without case or accents."""
    return re.search(fold(pattern), fold(text)) is not None


def missing_mentions(text: str, patterns: Sequence[str]) -> List[str]:
    return [pattern for pattern in patterns if not matches(pattern, text)]


def long_sentences(text: str, rules: Rules) -> List[Finding]:
    counted = ((s, word_count(s)) for s in split_sentences(text))
    return [Finding(s, words=n) for s, n in counted if n > rules.max_sentence_words]


def long_bubbles(text: str, rules: Rules) -> List[Finding]:
    counted = ((b, word_count(b)) for b in bubbles(text))
    return [Finding(b, words=n) for b, n in counted if n > rules.max_bubble_words]


def unexplained_acronyms(text: str, rules: Rules) -> List[Finding]:
    """Acronyms the text uses without explaining them anywhere in it; an acronym missing from
    the rules' list has no note (add it, with its explanation, to francais_simple.yml)."""
    folded = fold(text)
    found = []
    for name in dict.fromkeys(ACRONYM.findall(text)):
        if name in rules.known_acronyms:
            continue
        acronym = rules.acronyms.get(name)
        if acronym is None:
            found.append(Finding(name))
        elif not any(fold(e) in folded for e in acronym.explanations):
            found.append(Finding(name, note=acronym.meaning))
    return found


def forbidden_claims_in(text: str, response: str, channel: Optional[str], claims: Sequence[Claim]) -> List[Finding]:
    """The claims a variation (written for `channel`, None for the default) of `response` makes."""
    return [Finding(c.id, note=c.reason, source=c.source) for c in claims
            if c.applies_to(response, channel) and c.found_in(text)]


def check_answer(variation: Variation, response: str, topic: dict, rules: Rules,
                 claims: Optional[Sequence[Claim]]) -> List[CheckResult]:
    """Every check of one variation of the answer to a topic of the contract; the forbidden
    claims only when there is a list of them, the pointer to an official source only
    for the topics to verify."""
    text = variation.text
    results = [
        CheckResult("mentions", tuple(Finding(p) for p in missing_mentions(text, topic.get("must_mention") or []))),
        CheckResult("phrases", tuple(long_sentences(text, rules))),
        CheckResult("bulles", tuple(long_bubbles(text, rules))),
        CheckResult("sigles", tuple(unexplained_acronyms(text, rules))),
    ]
    if claims is not None:
        channel = variation.condition.get(CHANNEL_SLOT)
        results.append(CheckResult("affirmations", tuple(forbidden_claims_in(text, response, channel, claims))))
    if topic.get("verify"):
        results.append(CheckResult("prudence", tuple(Finding(p) for p in missing_mentions(text, [OFFICIAL_SOURCE]))))
    return results
