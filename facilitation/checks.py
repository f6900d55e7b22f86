"""The automatic checks of an answer: what the review page (`make relecture`) shows in green or red.

Functions of a text, so that the tests of the answers can call them too:
- missing_mentions(text, patterns): the contract's must_mention patterns the text misses;
- long_sentences(text), long_bubbles(text): what is over the plain-French limits (common/french.py);
- unexplained_acronyms(text, acronyms): acronyms (HDS, DMP…) the answer does not explain;
- forbidden_claims_in(text, response, channel, claims): the false claims it makes
  (content/affirmations_interdites.yml, read by facilitation/forbidden_claims.py);
- check_answer(variation, response, topic, acronyms, claims): all of them for one
  variation of the answer to a topic.
The acronyms and their explanations are content, in facilitation/sigles.yml
(load_acronyms), shared with the rehearsal mode.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

import yaml

from common.french import MAX_WORDS_PER_BUBBLE, MAX_WORDS_PER_SENTENCE, fold, sentences, word_count
from facilitation import forbidden_claims
from facilitation.content import CHANNEL_SLOT, Variation, bubbles
from facilitation.forbidden_claims import Claim

ACRONYMS_FILE = Path(__file__).with_name("sigles.yml")
ACRONYM = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}\b")
# Where a cautious answer (topic with `verify: true`) sends the person.
OFFICIAL_SOURCE = r"3422|monespacesante\.fr"


@dataclass(frozen=True)
class Acronym:
    name: str
    meaning: str
    explanations: Tuple[str, ...]


@dataclass(frozen=True)
class Acronyms:
    explained: Dict[str, Acronym]  # to explain, with their explanation
    known: FrozenSet[str]  # need no explanation (SMS, PDF…)


@dataclass(frozen=True)
class Finding:
    """One problem found: the pattern, sentence, bubble, acronym or claim (its id) at fault."""

    subject: str
    words: Optional[int] = None  # sentences and bubbles
    note: Optional[str] = None  # the acronym's meaning, or why the claim is false
    source: Optional[str] = None  # the claim's source


@dataclass(frozen=True)
class CheckResult:
    check: str  # mentions, phrases, bulles, sigles, affirmations, prudence
    findings: Tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


def load_acronyms(path: Path = ACRONYMS_FILE) -> Acronyms:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    explained = {
        name: Acronym(name, a["explication"], (a["explication"], *a["on_accepte"]))
        for name, a in content["sigles"].items()
    }
    return Acronyms(explained, frozenset(content["sigles_connus"]))


def load_forbidden_claims() -> Optional[List[Claim]]:
    """The forbidden claims; None while their file does not exist (nothing to check against)."""
    return forbidden_claims.load_claims() if forbidden_claims.CLAIMS_FILE.exists() else None


def matches(pattern: str, text: str) -> bool:
    """A must_mention pattern: a regular expression, without case or accents."""
    return re.search(fold(pattern), fold(text)) is not None


def missing_mentions(text: str, patterns: Sequence[str]) -> List[str]:
    return [pattern for pattern in patterns if not matches(pattern, text)]


def long_sentences(text: str) -> List[Finding]:
    counted = ((s.strip(), word_count(s)) for s in sentences(text))
    return [Finding(s, words=n) for s, n in counted if n > MAX_WORDS_PER_SENTENCE]


def long_bubbles(text: str) -> List[Finding]:
    counted = ((b, word_count(b)) for b in bubbles(text))
    return [Finding(b, words=n) for b, n in counted if n > MAX_WORDS_PER_BUBBLE]


def unexplained_acronyms(text: str, acronyms: Acronyms) -> List[Finding]:
    """Acronyms the text uses without explaining them anywhere in it; an acronym missing from
    the list has no note (add it, with its explanation, to facilitation/sigles.yml)."""
    folded = fold(text)
    found = []
    for name in dict.fromkeys(ACRONYM.findall(text)):
        if name in acronyms.known:
            continue
        acronym = acronyms.explained.get(name)
        if acronym is None:
            found.append(Finding(name))
        elif not any(fold(e) in folded for e in acronym.explanations):
            found.append(Finding(name, note=acronym.meaning))
    return found


def forbidden_claims_in(text: str, response: str, channel: Optional[str], claims: Sequence[Claim]) -> List[Finding]:
    """The claims a variation (written for `channel`, None for the default) of `response` makes."""
    return [
        Finding(c.id, note=c.reason, source=c.source)
        for c in claims
        if c.applies_to(response, channel) and c.found_in(text)
    ]


def check_answer(
    variation: Variation, response: str, topic: dict, acronyms: Acronyms, claims: Optional[Sequence[Claim]]
) -> List[CheckResult]:
    """Every check of one variation of the answer to a topic of the contract; the forbidden
    claims only when there is a list of them, the pointer to an official source only
    for the topics to verify."""
    text = variation.text
    results = [
        CheckResult("mentions", tuple(Finding(p) for p in missing_mentions(text, topic.get("must_mention") or []))),
        CheckResult("phrases", tuple(long_sentences(text))),
        CheckResult("bulles", tuple(long_bubbles(text))),
        CheckResult("sigles", tuple(unexplained_acronyms(text, acronyms))),
    ]
    if claims is not None:
        channel = variation.condition.get(CHANNEL_SLOT)
        results.append(CheckResult("affirmations", tuple(forbidden_claims_in(text, response, channel, claims))))
    if topic.get("verify"):
        results.append(CheckResult("prudence", tuple(Finding(p) for p in missing_mentions(text, [OFFICIAL_SOURCE]))))
    return results
