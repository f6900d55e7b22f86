"""The forbidden claims (content/affirmations_interdites.yml) and the answers that make one.

A claim's pattern is matched like must_mention: lower case, without accents
(facilitation.content.fold). A claim may apply to some responses only
(`reponses`), or be allowed in the variations written for one channel
(`sauf_canal`: the value of the slot `canal` in the variation's condition).
"""

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import yaml

from facilitation.content import ROOT, fold, variation_channel

CLAIMS_FILE = ROOT / "content" / "affirmations_interdites.yml"


@dataclass(frozen=True)
class Claim:
    id: str
    pattern: "re.Pattern[str]"
    reason: str
    source: str
    false_example: str
    correct_example: str
    responses: Tuple[str, ...] = ()
    allowed_channel: Optional[str] = None

    def found_in(self, text: str) -> bool:
        return bool(self.pattern.search(fold(text)))

    def applies_to(self, response: str, channel: Optional[str]) -> bool:
        in_scope = not self.responses or response in self.responses
        return in_scope and (self.allowed_channel is None or channel != self.allowed_channel)


def load_claims() -> List[Claim]:
    entries = yaml.safe_load(CLAIMS_FILE.read_text(encoding="utf-8"))["affirmations"]
    return [
        Claim(
            id=e["id"],
            pattern=re.compile(e["motif"], re.MULTILINE),
            reason=e["raison"],
            source=e["source"],
            false_example=e["exemple_faux"],
            correct_example=e["exemple_juste"],
            responses=tuple(e.get("reponses", ())),
            allowed_channel=e.get("sauf_canal"),
        )
        for e in entries
    ]


def claims_in(response: str, variation: Dict, claims: List[Claim]) -> List[Claim]:
    """The claims a variation of `response` makes."""
    channel = variation_channel(variation)
    return [
        claim for claim in claims if claim.applies_to(response, channel) and claim.found_in(variation.get("text", ""))
    ]
