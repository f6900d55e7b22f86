"""Finds personal data in a message and replaces it with a placeholder.

Nothing typed into the chat is kept as is: the channels (web chat, REST) pass
user text through `redact` before anything else sees it, and the tracker
store does it again before saving.
"""
import re
from typing import Callable, Iterator, List, NamedTuple, Text, Tuple

import phonenumbers
from stdnum import iban
from stdnum.fr import nir

Span = Tuple[int, int]

SEPARATOR = r"[ .\-]?"
NIR_CANDIDATE = re.compile(
    r"(?<![\w])[1-478]" + SEPARATOR + r"\d{2}" + SEPARATOR + r"\d{2}" + SEPARATOR
    + r"(?:\d{2}|2[ABab])" + SEPARATOR + r"\d{3}" + SEPARATOR + r"\d{3}"
    + SEPARATOR + r"\d{2}(?![\w])"
)
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
IBAN_CANDIDATE = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,30}\b")
# A code is a word with a digit, or four or more capitals or digits.
CODE_WORD = r"(?:[\w\-]*\d[\w\-]*|(?-i:[A-Z0-9]{4,}))"
CODE_IN_CONTEXT = re.compile(
    r"\b(?:num[ée]ro\s+de\s+s[ée]rie|n°\s*de\s+s[ée]rie|codes?|mot\s+de\s+passe|mdp)"
    r"(?:\s+(?:provisoire|unique|à\s+usage\s+unique|a\s+usage\s+unique|de\s+connexion"
    r"|d'activation|secret|reçu|recu|de\s+ma\s+carte(?:\s+vitale)?|vitale))*"
    r"(?:\s*(?:c'est|c\s+est|est|:|=|le|la|du|de|ma\s+carte|carte|vitale))*\s*"
    r"(?P<value>" + CODE_WORD + r"(?:[ \-]" + CODE_WORD + r")*)",
    re.IGNORECASE,
)
MONTHS = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre"
    r"|octobre|novembre|d[ée]cembre)"
)
DATE = (
    r"(?:\d{1,2}[ /.\-]\d{1,2}[ /.\-]\d{2,4}"
    r"|\d{1,2}(?:er)?\s+" + MONTHS + r"(?:\s+\d{2,4})?"
    r"|\d{4})"
)
BIRTH_DATE_IN_CONTEXT = re.compile(
    r"\b(?:n[ée]e?s?\s+(?:le|en)|date\s+de\s+naissance(?:\s*(?::|est|c'est|le))*"
    r"|naissance\s*:)\s*(?:le\s+)?(?P<value>" + DATE + r")\b",
    re.IGNORECASE,
)


def nir_spans(text: Text) -> Iterator[Span]:
    """French social security numbers (NIR) whose key is right."""
    for match in NIR_CANDIDATE.finditer(text):
        if nir.is_valid(re.sub(r"[ .\-]", "", match.group())):
            yield match.span()


def phone_spans(text: Text) -> Iterator[Span]:
    """Phone numbers of a possible length; one without country code is read as French."""
    for match in phonenumbers.PhoneNumberMatcher(text, "FR", leniency=phonenumbers.Leniency.POSSIBLE):
        yield match.start, match.end


def email_spans(text: Text) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        yield match.span()


def iban_spans(text: Text) -> Iterator[Span]:
    """IBANs with a valid check; trailing words caught by the pattern are left out."""
    for match in IBAN_CANDIDATE.finditer(text):
        start, end = match.span()
        while end - start >= 15:
            end = start + len(text[start:end].rstrip(" -"))
            if iban.is_valid(text[start:end]):
                yield start, end
                break
            end -= 1


def _value_spans(pattern: "re.Pattern") -> Callable[[Text], Iterator[Span]]:
    def spans(text: Text) -> Iterator[Span]:
        for match in pattern.finditer(text):
            yield match.span("value")
    return spans


code_spans = _value_spans(CODE_IN_CONTEXT)
code_spans.__doc__ = "Carte Vitale serial numbers, provisional and one-time codes, after words that announce them."
birth_date_spans = _value_spans(BIRTH_DATE_IN_CONTEXT)
birth_date_spans.__doc__ = "Dates after « né le », « date de naissance »…"

# Order matters: an earlier detector's placeholder hides its digits from the next.
DETECTORS: List[Tuple[Callable[[Text], Iterator[Span]], Text]] = [
    (email_spans, "[e-mail masqué]"),
    (iban_spans, "[IBAN masqué]"),
    (nir_spans, "[numéro masqué]"),
    (phone_spans, "[téléphone masqué]"),
    (birth_date_spans, "[date masquée]"),
    (code_spans, "[code masqué]"),
]


class Redaction(NamedTuple):
    text: Text
    masked: bool


def redact(text: Text) -> Redaction:
    """Returns the text with each piece of personal data replaced by a placeholder."""
    masked = False
    for find, placeholder in DETECTORS:
        spans = list(find(text))
        for start, end in reversed(spans):
            text = text[:start] + placeholder + text[end:]
        masked = masked or bool(spans)
    return Redaction(text, masked)
