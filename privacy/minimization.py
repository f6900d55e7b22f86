"""What is kept of a message: in the conversation database, and in the logs."""

from typing import Text

from privacy.health import health_spans, mentions_health
from privacy.redaction import redact, replace_spans

# The text of a user message that is not kept; its intent and entities are.
NOT_KEPT = "[message non conservé]"
HEALTH_PLACEHOLDER = "[santé masqué]"


def stored_text(text: Text, answered: bool) -> Text:
    """A message is kept only if the assistant could not answer it (for `make rapport`),
    masked, and never when it holds health details."""
    if answered or mentions_health(text):
        return NOT_KEPT
    return redact(text).text


def log_text(text: Text) -> Text:
    """A log line with personal data and health details masked."""
    masked = redact(text).text
    return replace_spans(masked, list(health_spans(masked)), HEALTH_PLACEHOLDER)
