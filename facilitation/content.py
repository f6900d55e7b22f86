"""Reads the content contract (shared/knowledge/topics.yml) and the bot's answers.

Shared by the product (the sheet, the report) and the tests.
"""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

from common.french import fold  # noqa: F401 (for the tools and tests that read content)
from common.naming import answer_name, intent_name, possible_answer_names  # noqa: F401 (likewise)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MES_SHARED_DIR", ROOT.parent / "shared"))
TOPICS_FILE = SHARED / "knowledge" / "topics.yml"
DOMAIN_FILE = ROOT / "domain.yml"

# The slot that tells where the assistant runs, and its values. A response can
# have variations for one channel (condition on this slot) and a default one.
CHANNEL_SLOT = "canal"
KIOSK = "kiosque"  # the help-desk kiosk; the other value is "site", the website widget
BUBBLE_BREAK = "\n\n"  # a blank line in a text starts a new chat bubble

# Answered with the polite redirect or the honest "je ne sais pas encore".
REJECTED = {"hors_sujet", "hors_liste", "nlu_fallback"}


def read_yaml(path: Path) -> Any:
    """A YAML file read safely by libyaml's C parser: the domain is read by many tools and tests."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def load_topics() -> List[dict]:
    return read_yaml(TOPICS_FILE)["topics"]


def facts(topic: dict) -> List[str]:
    """A topic's facts as text. YAML reads an unquoted fact with " : " in it as a mapping
    {before: after}: it is put back together here."""
    return [
        fact if isinstance(fact, str) else " ; ".join(f"{key} : {value}" for key, value in fact.items())
        for fact in topic.get("facts") or []
    ]


def load_domain() -> dict:
    return read_yaml(DOMAIN_FILE)


def load_responses() -> Dict[str, List[dict]]:
    return load_domain()["responses"]


def variation_channel(variation: dict) -> Optional[str]:
    """The channel a response variation is written for (None: the default variation)."""
    return next(
        (
            c.get("value")
            for c in variation.get("condition", [])
            if c.get("type") == "slot" and c.get("name") == CHANNEL_SLOT
        ),
        None,
    )


def topic_answer_name(responses: Dict[str, Any], topic_id: str) -> Optional[str]:
    """The response answering a topic known only by its id (the action server does not
    read the contract): whichever of its possible names the domain has."""
    return next((name for name in possible_answer_names(topic_id) if responses.get(name)), None)


@dataclass(frozen=True)
class Variation:
    """One variation of a response: what the person sees when its condition holds."""

    text: str
    buttons: Tuple[str, ...]  # button titles
    condition: Dict[str, Any]  # slot name -> value; empty for the default variation

    @property
    def bubbles(self) -> List[str]:
        return bubbles(self.text)

    def holds(self, slots: Dict[str, Any]) -> bool:
        return all(slots.get(name) == value for name, value in self.condition.items())


def bubbles(text: str) -> List[str]:
    """The chat bubbles of a text: its paragraphs, as the bot sends them."""
    return [bubble.strip() for bubble in text.split(BUBBLE_BREAK) if bubble.strip()]


def variations(response: List[dict]) -> List[Variation]:
    """Every variation of a response, in the domain's order (Rasa's conditional variations:
    `condition: [{type: slot, name: canal, value: kiosque}]`)."""
    return [
        Variation(
            text=v.get("text", ""),
            buttons=tuple(b["title"] for b in v.get("buttons") or []),
            condition={c["name"]: c["value"] for c in v.get("condition") or [] if c.get("type") == "slot"},
        )
        for v in response
    ]


def variation_for(response: List[dict], channel: Optional[str]) -> Variation:
    """What the person sees on a channel: as Rasa does, the first variation whose condition
    holds, else the first default one. No channel: the default one."""
    every = variations(response)
    slots = {CHANNEL_SLOT: channel} if channel else {}
    conditional = [v for v in every if v.condition and v.holds(slots)]
    return (conditional or [v for v in every if not v.condition] or every)[0]


def topic_of(parse: dict) -> str:
    """The topic id of a parse result: the intent, or the key after the slash."""
    intent = parse["intent"]["name"]
    selected = parse.get("response_selector", {}).get(intent)
    if selected:
        return selected["response"]["intent_response_key"].split("/", 1)[1]
    return intent
