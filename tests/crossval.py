"""Cross-validation on our own examples: which classifier, which threshold.

`python -m tests.crossval` (make crossval) scores candidate settings of
components/intent_model.py, and the plain baseline, by stratified k-fold on
data/nlu (never on the public test set), then picks the fallback threshold:
the highest that wrongly rejects at most 3 % of in-scope examples. The
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
MAX_WRONGLY_REJECTED = 0.03
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
    "ours, C=3": ours(C=3.0),
    "ours, C=30": ours(C=30.0),
    "ours, chars 1-4": ours(char_ngrams=[1, 4]),
    "ours, word unigrams": ours(word_ngrams=[1, 1]),
    "ours, balanced classes": ours(class_weight="balanced"),
    "ours, no SMS spellings": ours(abbreviations={}),
}


@dataclass
class Folded:
    """Held-out predictions of one candidate: top label and its probability."""

    labels: List[str]
    predicted: List[str]
    confidence: np.ndarray
    train_seconds: float

    def rates(self, threshold: float) -> Tuple[float, float, float]:
        """(in-scope accuracy, in-scope wrongly rejected, off-topic rejected)."""
        rejected = [p in REJECTING or c < threshold for p, c in zip(self.predicted, self.confidence)]
        in_scope = [i for i, label in enumerate(self.labels) if label not in REJECTING]
        off_topic = [i for i, label in enumerate(self.labels) if label in REJECTING]
        accuracy = np.mean([not rejected[i] and self.predicted[i] == self.labels[i] for i in in_scope])
        return float(accuracy), float(np.mean([rejected[i] for i in in_scope])), \
            float(np.mean([rejected[i] for i in off_topic]))


def cross_validate(fit: Fit, texts: List[str], labels: List[str], patterns: List[str]) -> Folded:
    predicted, confidence = [""] * len(texts), np.zeros(len(texts))
    seconds = 0.0
    for train, held_out in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(texts, labels):
        start = time.perf_counter()
        model = fit([texts[i] for i in train], [labels[i] for i in train], patterns)
        seconds += time.perf_counter() - start
        probabilities = model.probabilities([texts[i] for i in held_out])
        for row, i in zip(probabilities, held_out):
            predicted[i], confidence[i] = str(model.classes[row.argmax()]), row.max()
    return Folded(labels, predicted, confidence, seconds / FOLDS)


def threshold_for(folded: Folded) -> float:
    """The highest threshold (step 0.01) that wrongly rejects at most 3 % of in-scope examples."""
    candidates = [t for t in np.arange(0.0, 0.61, 0.01) if folded.rates(t)[1] <= MAX_WRONGLY_REJECTED]
    return round(float(max(candidates)), 2) if candidates else 0.0


def main() -> None:
    texts, labels, patterns = baseline.training_examples()
    print(f"{len(texts)} examples, {len(set(labels))} labels, {FOLDS}-fold, seed {SEED}\n")
    print(f"{'candidate':42} {'acc@0':>6} {'thr':>5} {'acc':>6} {'wrongly rej':>11} {'off rej':>7} {'fit s':>6}")
    results = {}
    for name, fit in CANDIDATES.items():
        folded = cross_validate(fit, texts, labels, patterns)
        threshold = threshold_for(folded)
        accuracy, wrongly, off = folded.rates(threshold)
        results[name] = {"accuracy_no_threshold": folded.rates(0.0)[0], "threshold": threshold,
                         "accuracy": accuracy, "in_scope_rejected": wrongly,
                         "off_topic_rejected": off, "fit_seconds": folded.train_seconds}
        print(f"{name:42} {folded.rates(0.0)[0]:6.1%} {threshold:5.2f} {accuracy:6.1%} "
              f"{wrongly:11.1%} {off:7.1%} {folded.train_seconds:6.1f}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\n{REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
