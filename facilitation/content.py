"""Reads the content contract (shared/knowledge/topics.yml) and the bot's answers.

Shared by the product (the sheet, the report) and the tests.
"""
import os
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from common.french import fold  # noqa: F401 (for the tools and tests that read content)
from common.naming import answer_name, intent_name  # noqa: F401 (likewise)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MES_SHARED_DIR", ROOT.parent / "shared"))
TOPICS_FILE = SHARED / "knowledge" / "topics.yml"
DOMAIN_FILE = ROOT / "domain.yml"

# Answered with the polite redirect or the honest "je ne sais pas encore".
REJECTED = {"hors_sujet", "hors_liste", "nlu_fallback"}

# Where the assistant runs (kiosque, site): answers may have a variation per place.
CHANNEL_SLOT = "canal"


def load_topics() -> List[dict]:
    return yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))["topics"]


def load_domain() -> dict:
    return yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))


def load_responses() -> Dict[str, List[dict]]:
    return load_domain()["responses"]


def variation_channel(variation: dict) -> Optional[str]:
    """The channel a response variation is written for (None: the default variation)."""
    return next(
        (c.get("value") for c in variation.get("condition", [])
         if c.get("type") == "slot" and c.get("name") == CHANNEL_SLOT),
        None,
    )


def topic_of(parse: dict) -> str:
    """The topic id of a parse result: the intent, or the key after the slash."""
    intent = parse["intent"]["name"]
    selected = parse.get("response_selector", {}).get(intent)
    if selected:
        return selected["response"]["intent_response_key"].split("/", 1)[1]
    return intent

