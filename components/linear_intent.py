"""Rasa's intent classifier and FAQ answer selector in one linear model.

One label a topic: an intent ("opposition") or a key of the retrieval intent
("faq/hebergement_france"). The message gets the intent and, for a FAQ key,
the `response_selector` entry Rasa's `utter_faq` action reads, as Rasa's
ResponseSelector would write it. The model is components/intent_model.py.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from common.naming import response_name
from components.model_files import read_trained
from components.intent_model import DEFAULTS, IntentModel

ARRAYS_FILE = "intent_model.npz"


def label_of(example: Message) -> Text:
    """An example's label: its retrieval key (faq/<topic>) or its intent."""
    return example.get(INTENT_RESPONSE_KEY) or example.get(INTENT)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Predicts the topic of a message with components.intent_model."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DEFAULTS, "ranking_length": 10}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[IntentModel] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT)]
        patterns = [p["pattern"] for p in training_data.regex_features]
        self._model = IntentModel.fit(
            [e.get(TEXT) for e in examples], [label_of(e) for e in examples], patterns, self._config
        )
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / ARRAYS_FILE, **self._model.arrays())
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        def read(directory: Path) -> IntentModel:
            with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
                return IntentModel.from_arrays(config, dict(arrays))

        model = read_trained(model_storage, resource, read)
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        if self._model is None or not messages:
            return messages
        probabilities = self._model.probabilities([m.get(TEXT) or "" for m in messages])
        for message, row in zip(messages, probabilities):
            self._annotate(message, row)
        return messages

    def _annotate(self, message: Message, row: np.ndarray) -> None:
        order = np.argsort(-row)[: self._config["ranking_length"]]
        ranked = [(str(self._model.classes[i]), float(row[i])) for i in order]
        label, confidence = ranked[0]
        intent = label.split("/", 1)[0]
        # One entry an intent, at its best key's confidence (FAQ keys fold into "faq").
        ranking: Dict[Text, float] = {}
        for name, score in ranked:
            ranking.setdefault(name.split("/", 1)[0], score)
        message.set(INTENT, {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True)
        message.set(
            INTENT_RANKING_KEY,
            [{INTENT_NAME_KEY: n, PREDICTED_CONFIDENCE_KEY: s} for n, s in ranking.items()],
            add_to_output=True,
        )
        if intent != label:
            self._select_answer(message, intent, label, confidence, ranked)

    def _select_answer(self, message: Message, intent: Text, key: Text, confidence: float, ranked: List[tuple]) -> None:
        """The response selector's output, for Rasa's `utter_<retrieval intent>` action."""
        retrieval_intents = sorted({str(c).split("/", 1)[0] for c in self._model.classes if "/" in c})
        message.set(
            RESPONSE_SELECTOR_PROPERTY_NAME,
            {
                RESPONSE_SELECTOR_RETRIEVAL_INTENTS: retrieval_intents,
                intent: {
                    RESPONSE_SELECTOR_PREDICTION_KEY: {
                        RESPONSE_SELECTOR_RESPONSES_KEY: [],
                        PREDICTED_CONFIDENCE_KEY: confidence,
                        INTENT_RESPONSE_KEY: key,
                        RESPONSE_SELECTOR_UTTER_ACTION_KEY: response_name(key),
                    },
                    RESPONSE_SELECTOR_RANKING_KEY: [
                        {INTENT_RESPONSE_KEY: n, PREDICTED_CONFIDENCE_KEY: s}
                        for n, s in ranked
                        if n.startswith(intent + "/")
                    ],
                },
            },
            add_to_output=True,
        )
