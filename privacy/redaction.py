"""Replaces each piece of personal data found in a message with a placeholder."""

from typing import List, NamedTuple, Text, Tuple

from privacy.detectors import (
    Detector,
    address_spans,
    birth_date_spans,
    code_spans,
    email_spans,
    iban_spans,
    name_spans,
    nir_spans,
    phone_spans,
)

# Order matters: an earlier detector's placeholder hides its digits from the next.
DETECTORS: List[Tuple[Detector, Text]] = [
    (email_spans, "[e-mail masqué]"),
    (iban_spans, "[IBAN masqué]"),
    (nir_spans, "[numéro masqué]"),
    (phone_spans, "[téléphone masqué]"),
    (address_spans, "[adresse masquée]"),
    (birth_date_spans, "[date masquée]"),
    (code_spans, "[code masqué]"),
    (name_spans, "[nom masqué]"),
]


class Redaction(NamedTuple):
    text: Text
    masked: bool


def replace_spans(text: Text, spans: List[Tuple[int, int]], placeholder: Text) -> Text:
    """Each span (overlapping ones merged) replaced with the placeholder."""
    merged: List[List[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + placeholder + text[end:]
    return text


def redact(text: Text) -> Redaction:
    """Returns the text with each piece of personal data replaced by a placeholder."""
    masked = False
    for find, placeholder in DETECTORS:
        spans = list(find(text))
        text = replace_spans(text, spans, placeholder)
        masked = masked or bool(spans)
    return Redaction(text, masked)
