"""`make relecture`: the page the content team reviews and signs off, reports/relecture/index.html.

One card per topic of the contract (shared/knowledge/topics.yml): its question,
its facts with their sources and `verify` flag, the assistant's answer as the
person sees it (bubbles and buttons; each channel's variation when the response
has some), and the automatic checks of facilitation/checks.py in green or red.
The page is self-contained: no script, no font or image from elsewhere.
"""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from jinja2 import Environment, FileSystemLoader

from common.french import MAX_WORDS_PER_BUBBLE, MAX_WORDS_PER_SENTENCE
from facilitation import checks, forbidden_claims
from facilitation.content import (
    CHANNEL_SLOT,
    ROOT,
    Variation,
    answer_name,
    facts,
    load_responses,
    load_topics,
    variations,
)

OUTPUT = ROOT / "reports" / "relecture" / "index.html"
TEMPLATES = Path(__file__).with_name("templates")


@dataclass
class Shown:
    """One variation of the answer, with its checks."""

    variation: Variation
    checks: List[checks.CheckResult]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


@dataclass
class Card:
    topic: dict
    response: str
    shown: List[Shown]  # empty while the topic has no answer

    @property
    def ok(self) -> bool:
        return bool(self.shown) and all(s.ok for s in self.shown)


def card(
    topic: dict, responses: Dict[str, List[dict]], acronyms: checks.Acronyms, claims: Optional[Sequence[checks.Claim]]
) -> Card:
    name = answer_name(topic)
    shown = [
        Shown(v, checks.check_answer(v, name, topic, acronyms, claims)) for v in variations(responses.get(name) or [])
    ]
    return Card(topic, name, shown)


def cards(
    topics: List[dict],
    responses: Dict[str, List[dict]],
    acronyms: checks.Acronyms,
    claims: Optional[Sequence[checks.Claim]],
) -> List[Card]:
    return [card(t, responses, acronyms, claims) for t in topics]


def render_html(page_cards: List[Card], claims: Optional[Sequence[checks.Claim]], today: datetime.date) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("relecture.html").render(
        cards=page_cards,
        facts=facts,
        claims=claims,
        channel_slot=CHANNEL_SLOT,
        max_sentence_words=MAX_WORDS_PER_SENTENCE,
        max_bubble_words=MAX_WORDS_PER_BUBBLE,
        acronyms_file=os.path.relpath(checks.ACRONYMS_FILE, ROOT),
        claims_file=os.path.relpath(forbidden_claims.CLAIMS_FILE, ROOT),
        today=today,
    )


def build(output: Path = OUTPUT, responses: Optional[Dict[str, List[dict]]] = None) -> List[Card]:
    """Writes the page from the domain's responses (or the ones given); returns its cards."""
    acronyms, claims = checks.load_acronyms(), checks.load_forbidden_claims()
    page_cards = cards(load_topics(), load_responses() if responses is None else responses, acronyms, claims)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_html(page_cards, claims, datetime.date.today()), encoding="utf-8")
    return page_cards


def main() -> None:
    page_cards = build()
    red = [c.topic["id"] for c in page_cards if not c.ok]
    print(
        f"Page de relecture : {OUTPUT.relative_to(ROOT)} ({len(page_cards)} sujets, "
        f"{len(page_cards) - len(red)} sans problème)"
    )
    if red:
        print("À revoir : " + ", ".join(red))


if __name__ == "__main__":
    main()
