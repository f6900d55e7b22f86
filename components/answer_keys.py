"""Training data importer: the NLU learns which FAQ answer fits, not its wording.

Rasa copies the texts of the FAQ answers (responses `utter_faq/<key>`) from
the domain into the NLU training data, so rewording one answer changed the NLU
fingerprint and retrained every NLU component (RasaHQ/rasa#10751). Our
classifier learns the keys (components/linear_intent.py) and the dialogue
takes the answer's text from the domain, so the NLU needs the keys only.
"""

from typing import Any, Dict, List, Text

from rasa.shared.core.domain import Domain
from rasa.shared.importers.rasa import RasaFileImporter


class AnswerKeysDomain(Domain):
    """A domain whose FAQ answers reach the NLU as their keys only."""

    @property
    def retrieval_intent_responses(self) -> Dict[Text, List[Dict[Text, Any]]]:
        return {key: [{"text": key}] for key in super().retrieval_intent_responses}


class AnswerKeysImporter(RasaFileImporter):
    """Rasa's file importer, whose domain hands the NLU the FAQ answers' keys.

    Rasa merges this domain with the retrieval intents found in the NLU data
    into a plain Domain, so the trained model keeps every answer's text.
    """

    def get_domain(self) -> Domain:
        domain = super().get_domain()
        return domain if domain.is_empty() else AnswerKeysDomain.from_dict(domain.as_dict())
