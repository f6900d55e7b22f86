"""How content keys are named: a topic's intent, and the response that answers an intent.

Topics of the FAQ groups share one retrieval intent: topic `hebergement_france`
is intent `faq/hebergement_france`, answered by `utter_faq/hebergement_france`.
Any other topic is an intent of its own: `cloture`, answered by `utter_cloture`.
"""

from typing import Tuple

RETRIEVAL_INTENT = "faq"
FAQ_GROUPS = ("rassurer", "decouvrir")


def intent_name(topic: dict) -> str:
    """The intent a topic of the contract (topics.yml) is trained as."""
    return f"{RETRIEVAL_INTENT}/{topic['id']}" if topic["group"] in FAQ_GROUPS else topic["id"]


def response_name(intent: str) -> str:
    """The response that answers an intent (a retrieval intent with its key: faq/<key>)."""
    return f"utter_{intent}"


def answer_name(topic: dict) -> str:
    """The response that answers a topic of the contract."""
    return response_name(intent_name(topic))


def possible_answer_names(topic_id: str) -> Tuple[str, str]:
    """The names a topic's answer has, as an FAQ topic or not, where its group is unknown."""
    return response_name(f"{RETRIEVAL_INTENT}/{topic_id}"), response_name(topic_id)
