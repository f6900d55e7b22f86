"""Cross-validation on our own examples: which classifier, which threshold.

`python -m tests.crossval` (make crossval) scores candidate settings of
components/intent_model.py, and the plain baseline, by stratified k-fold on
data/nlu (never on the public test set), then picks the fallback thresholds
(confidence and ambiguity) that handle the most held-out examples right: an
in-scope example answered with its own topic, an off-topic one rejected. Among
near ties it takes the highest confidence threshold: « je n'ai pas compris »
serves a person better than a barely recognised topic. The
figures go to reports/crossval/ and docs/comprehension.md quotes them.
"""

import json
import sys
import time
from dataclasses import dataclass
from typing import Callable, Dict, List, Sequence, Tuple

import numpy as np
from sklearn.model_selection import StratifiedKFold

from components.intent_model import IntentModel
from tests import baseline
from tests.content import ROOT

FOLDS = 5
SEED = 7
THRESHOLDS = np.round(np.arange(0.0, 0.61, 0.01), 2)
# Scores closer than this to the best are a tie (0.1 point: 4 of our 3,821 examples).
TIE = 0.001
AMBIGUITIES = (0.0, 0.02, 0.05, 0.1)
REJECTING = {"hors_sujet", "hors_liste"}  # labels answered with "je ne sais pas" or a redirect
REPORT = ROOT / "reports" / "crossval" / "crossval.json"

# A candidate maps (texts, labels, patterns) to a fitted model with .classes and .probabilities.
Fit = Callable[[Sequence[str], Sequence[str], Sequence[str]], object]


def ours(**settings) -> Fit:
    def fit(texts, labels, patterns):
        return IntentModel.fit(texts, labels, patterns, {**baseline.pipeline_config(), **settings})

    return fit


CANDIDATES: Dict[str, Fit] = {
    "baseline (char_wb 1-4 + words, LR C=1)": baseline.fit,
    "ours as configured": ours(),
    "ours, C=0.2": ours(C=0.2),
    "ours, C=1": ours(C=1.0),
    "ours, chars 1-4": ours(char_ngrams=[1, 4]),
    "ours, word unigrams": ours(word_ngrams=[1, 1]),
    "ours, balanced classes": ours(class_weight="balanced"),
    "ours, no SMS spellings": ours(abbreviations={}),
    "ours, no patterns": lambda texts, labels, patterns: ours()(texts, labels, []),
}


@dataclass
class Folded:
    """Held-out predictions of one candidate: top label, its probability, its lead over the next."""

    labels: List[str]
    predicted: List[str]
    confidence: np.ndarray
    margin: np.ndarray
    train_seconds: float

    def rates(self, threshold: float, ambiguity: float = 0.0) -> Tuple[float, float, float]:
        """(in-scope accuracy, in-scope wrongly rejected, off-topic rejected), as Rasa's
        FallbackClassifier would reject: confidence below threshold, or lead below ambiguity."""
        rejected = [
            p in REJECTING or c < threshold or m < ambiguity
            for p, c, m in zip(self.predicted, self.confidence, self.margin)
        ]
        in_scope = [i for i, label in enumerate(self.labels) if label not in REJECTING]
        off_topic = [i for i, label in enumerate(self.labels) if label in REJECTING]
        accuracy = np.mean([not rejected[i] and self.predicted[i] == self.labels[i] for i in in_scope])
        return (
            float(accuracy),
            float(np.mean([rejected[i] for i in in_scope])),
            float(np.mean([rejected[i] for i in off_topic])),
        )

    def handled_right(self, threshold: float, ambiguity: float) -> float:
        """Share of held-out examples answered with their topic, or rejected if off topic."""
        accuracy, _, off_topic = self.rates(threshold, ambiguity)
        off_share = sum(label in REJECTING for label in self.labels) / len(self.labels)
        return accuracy * (1 - off_share) + off_topic * off_share


def cross_validate(fit: Fit, texts: List[str], labels: List[str], patterns: List[str]) -> Folded:
    predicted, confidence, margin = [""] * len(texts), np.zeros(len(texts)), np.zeros(len(texts))
    seconds = 0.0
    for train, held_out in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(texts, labels):
        start = time.perf_counter()
        model = fit([texts[i] for i in train], [labels[i] for i in train], patterns)
        seconds += time.perf_counter() - start
        probabilities = model.probabilities([texts[i] for i in held_out])
        for row, i in zip(probabilities, held_out):
            second, first = np.sort(row)[-2:]
            predicted[i], confidence[i], margin[i] = str(model.classes[row.argmax()]), first, first - second
    return Folded(labels, predicted, confidence, margin, seconds / FOLDS)


def thresholds_for(folded: Folded) -> Tuple[float, float]:
    """The (threshold, ambiguity) that handle the most held-out examples right, within TIE;
    the highest threshold, then the lowest ambiguity, among those."""
    scores = {(float(t), a): folded.handled_right(float(t), a) for a in AMBIGUITIES for t in THRESHOLDS}
    best = max(scores.values())
    return max((pair for pair, score in scores.items() if score >= best - TIE), key=lambda p: (p[0], -p[1]))


def main() -> None:
    texts, labels, patterns = baseline.training_examples()
    print(f"{len(texts)} examples, {len(set(labels))} labels, {FOLDS}-fold, seed {SEED}\n")
    print(
        f"{'candidate':42} {'acc@0':>6} {'thr':>5} {'amb':>5} {'acc':>6} {'wrongly rej':>11} "
        f"{'off rej':>7} {'fit s':>6}"
    )
    results = {}
    for name, fit in CANDIDATES.items():
        folded = cross_validate(fit, texts, labels, patterns)
        threshold, ambiguity = thresholds_for(folded)
        accuracy, wrongly, off = folded.rates(threshold, ambiguity)
        results[name] = {
            "accuracy_no_threshold": folded.rates(0.0)[0],
            "threshold": threshold,
            "ambiguity": ambiguity,
            "accuracy": accuracy,
            "in_scope_rejected": wrongly,
            "off_topic_rejected": off,
            "fit_seconds": folded.train_seconds,
        }
        print(
            f"{name:42} {folded.rates(0.0)[0]:6.1%} {threshold:5.2f} {ambiguity:5.2f} {accuracy:6.1%} "
            f"{wrongly:11.1%} {off:7.1%} {folded.train_seconds:6.1f}",
            flush=True,
        )
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\n{REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
