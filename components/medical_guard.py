"""Safety net: a request for medical advice is never answered with a topic.

A message that matches one of the NLU data's patterns named after the guarded
intent (`regex: conseil_medical` in data/nlu/regex.yml: a dosage, a symptom,
a test result, mixing medicines) gets that intent, whatever the classifier
said. Patterns are written for the message in lower case without accents. They
are part of the training data, so changing them retrains.
"""

import re
from typing import Any, Dict, List, Optional, Text

import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import RESPONSE_SELECTOR_PROPERTY_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from common.french import fold
from components.model_files import read_trained

PATTERNS_FILE = "patterns.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class MedicalAdviceGuard(GraphComponent):
    """Sets the guarded intent on messages that match its patterns."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"intent": "conseil_medical"}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        patterns: Optional[List[Text]] = None,
    ) -> None:
        self._intent = config["intent"]
        self._model_storage = model_storage
        self._resource = resource
        self._patterns = [re.compile(p) for p in patterns or []]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MedicalAdviceGuard":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        patterns = [p["pattern"] for p in training_data.regex_features if p["name"] == self._intent]
        self._patterns = [re.compile(p) for p in patterns]
        with self._model_storage.write_to(self._resource) as directory:
            rasa.shared.utils.io.dump_obj_as_json_to_file(directory / PATTERNS_FILE, patterns)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "MedicalAdviceGuard":
        patterns = read_trained(
            model_storage, resource, lambda directory: rasa.shared.utils.io.read_json_file(directory / PATTERNS_FILE)
        )
        return cls(config, model_storage, resource, patterns)

    def asks_for_advice(self, text: Text) -> bool:
        folded = fold(text)
        return any(p.search(folded) for p in self._patterns)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if message.get(TEXT) and self.asks_for_advice(message.get(TEXT)):
                guarded = {INTENT_NAME_KEY: self._intent, PREDICTED_CONFIDENCE_KEY: 1.0}
                others = [i for i in message.get(INTENT_RANKING_KEY) or [] if i[INTENT_NAME_KEY] != self._intent]
                message.set(INTENT, guarded, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [guarded, *others], add_to_output=True)
                message.set(RESPONSE_SELECTOR_PROPERTY_NAME, {}, add_to_output=True)
        return messages
