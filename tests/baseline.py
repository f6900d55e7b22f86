"""The yardstick: a plain TF-IDF + logistic regression on our own examples.

Never served. `make eval` and tests/test_nlu_public.py retrain it on the
current data/ and score it beside the assistant; tests/crossval.py compares it
with the candidate settings of components/intent_model.py.
"""

from typing import List, Sequence, Tuple

import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union

from components.linear_intent import label_of
from tests.content import ROOT

CLASSIFIER = "components.linear_intent.LinearIntentClassifier"


def training_examples() -> Tuple[List[str], List[str], List[str]]:
    """(texts, labels, regex patterns) of data/nlu, labels as the classifier learns them."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    examples = [e for e in data.intent_examples if e.get("text")]
    return (
        [e.get("text") for e in examples],
        [label_of(e) for e in examples],
        [p["pattern"] for p in data.regex_features],
    )


def pipeline_config() -> dict:
    """The classifier's settings in config.yml."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    (settings,) = [c for c in config["pipeline"] if c["name"] == CLASSIFIER]
    return {k: v for k, v in settings.items() if k != "name"}


class Baseline:
    """TF-IDF of words and of character n-grams (char_wb 1-4), logistic regression."""

    def __init__(self, texts: Sequence[str], labels: Sequence[str]) -> None:
        features = make_union(TfidfVectorizer(), TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4)))
        self._pipeline = make_pipeline(features, LogisticRegression(max_iter=2000))
        self._pipeline.fit(texts, labels)
        self.classes = self._pipeline.classes_

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return self._pipeline.predict_proba(texts)

    def predict(self, texts: Sequence[str]) -> List[str]:
        return [str(self.classes[i]) for i in self.probabilities(texts).argmax(axis=1)]


def fit(texts: Sequence[str], labels: Sequence[str], patterns: Sequence[str] = ()) -> Baseline:
    return Baseline(texts, labels)
