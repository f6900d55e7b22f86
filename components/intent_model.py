"""The text classifier behind the assistant's understanding, without Rasa.

Words and character n-grams of a normalised text (TF-IDF), plus one column a
named pattern (the `regex` entries of the NLU data), into a linear support
vector machine whose scores are calibrated into probabilities (Platt's
sigmoid per class, fitted on cross-validated scores, then normalised). components/linear_intent.py wraps it for Rasa; tests/crossval.py
compares its settings on our own examples. Its state is plain arrays, saved
without pickle. scikit-learn fits it; a message is then scored with a few
dictionary look-ups and one small product (scikit-learn's transform costs more
than the whole rest of a parse).
"""

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.calibration import CalibratedClassifierCV
from sklearn.svm import LinearSVC

from common.french import fold

DEFAULTS: Dict[str, Any] = {
    "word_ngrams": [1, 2],
    "char_ngrams": [2, 5],
    "C": 0.5,
    "class_weight": None,
    "calibration_folds": 3,
    "abbreviations": {},
}
BLOCKS = ("word", "char")

_REPEATS = re.compile(r"(\w)\1{2,}")  # "ouiiii" -> "ouii"
_NOT_WORD = re.compile(r"[^\w']+")


def normalise(text: str, abbreviations: Mapping[str, str]) -> str:
    """Folded words, SMS abbreviations spelled out, letters repeated at most twice."""
    words = _NOT_WORD.sub(" ", _REPEATS.sub(r"\1\1", fold(text).replace("’", "'"))).split()
    return " ".join(abbreviations.get(word, word) for word in words)


def vectorizers(config: Mapping[str, Any]) -> Dict[str, TfidfVectorizer]:
    """The two TF-IDF blocks, as scikit-learn fits them."""
    return {
        "word": TfidfVectorizer(
            ngram_range=tuple(config["word_ngrams"]), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
        ),
        "char": TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(config["char_ngrams"]), sublinear_tf=True),
    }


@dataclass
class IntentModel:
    """A fitted classifier: vocabularies and idf weights, pattern columns, linear weights."""

    config: Dict[str, Any]
    vocabularies: Dict[str, Dict[str, int]]
    idf: Dict[str, np.ndarray]
    patterns: List[str]
    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    sigmoid: np.ndarray  # per class: a, b of p = 1 / (1 + exp(a * score + b))
    _analyzers: Dict[str, Callable[[str], List[str]]] = field(init=False, repr=False)
    _compiled: List[re.Pattern] = field(init=False, repr=False)
    _weights: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.config = {**DEFAULTS, **self.config}
        self._analyzers = {name: v.build_analyzer() for name, v in vectorizers(self.config).items()}
        self._compiled = [re.compile(p, re.IGNORECASE) for p in self.patterns]
        self._weights = np.ascontiguousarray(self.coef.T)  # features x classes, for sparse @ dense

    @classmethod
    def fit(
        cls, texts: Sequence[str], labels: Sequence[str], patterns: Sequence[str], config: Mapping[str, Any]
    ) -> "IntentModel":
        config = {**DEFAULTS, **config}
        normalised = [normalise(t, config["abbreviations"]) for t in texts]
        blocks = vectorizers(config)
        features = sp.hstack(
            [v.fit_transform(normalised) for v in blocks.values()]
            + [_pattern_columns(texts, [re.compile(p, re.IGNORECASE) for p in patterns])]
        )
        svm = LinearSVC(C=config["C"], class_weight=config["class_weight"], random_state=0)
        calibrated = CalibratedClassifierCV(svm, method="sigmoid", cv=config["calibration_folds"], ensemble=False).fit(
            features.tocsr(), np.asarray(labels)
        )
        (fitted,) = calibrated.calibrated_classifiers_
        sigmoid = np.array([[c.a_, c.b_] for c in fitted.calibrators])
        return cls(
            config,
            {n: v.vocabulary_ for n, v in blocks.items()},
            {n: v.idf_ for n, v in blocks.items()},
            list(patterns),
            calibrated.classes_,
            fitted.base_estimator.coef_,
            fitted.base_estimator.intercept_,
            sigmoid,
        )

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The rows scikit-learn's fitted vectorizers would give, one a text."""
        normalised = [normalise(t, self.config["abbreviations"]) for t in texts]
        blocks = [_tfidf(normalised, self._analyzers[n], self.vocabularies[n], self.idf[n]) for n in BLOCKS]
        return sp.hstack(blocks + [_pattern_columns(texts, self._compiled)]).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row a text, one column a class (self.classes), summing to 1."""
        scores = np.asarray(self.features(texts) @ self._weights) + self.intercept
        probabilities = 1 / (1 + np.exp(scores * self.sigmoid[:, 0] + self.sigmoid[:, 1]))
        if len(self.classes) == 2:  # one score, for the second class
            return np.hstack([1 - probabilities, probabilities])
        total = probabilities.sum(axis=1, keepdims=True)
        return np.divide(probabilities, total, out=np.full_like(probabilities, 1 / len(self.classes)), where=total > 0)

    def arrays(self) -> Dict[str, np.ndarray]:
        """Everything learnt, as arrays of numbers and strings (saved with np.savez)."""
        arrays = {
            "classes": self.classes.astype(str),
            "coef": self.coef,
            "intercept": self.intercept,
            "sigmoid": self.sigmoid,
            "patterns": np.array(self.patterns, dtype=str),
        }
        for name in BLOCKS:
            terms = sorted(self.vocabularies[name], key=self.vocabularies[name].get)
            arrays[f"{name}_vocabulary"] = np.array(terms, dtype=str)
            arrays[f"{name}_idf"] = self.idf[name]
        return arrays

    @classmethod
    def from_arrays(cls, config: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> "IntentModel":
        vocabularies = {n: {str(t): i for i, t in enumerate(arrays[f"{n}_vocabulary"])} for n in BLOCKS}
        return cls(
            dict(config),
            vocabularies,
            {n: arrays[f"{n}_idf"] for n in BLOCKS},
            [str(p) for p in arrays["patterns"]],
            arrays["classes"],
            arrays["coef"],
            arrays["intercept"],
            arrays["sigmoid"],
        )


def _tfidf(
    texts: Sequence[str], analyzer: Callable[[str], List[str]], vocabulary: Dict[str, int], idf: np.ndarray
) -> sp.csr_matrix:
    """Sublinear term frequency x idf, each row of unit length (TfidfVectorizer's defaults)."""
    rows, columns, values = [], [], []
    for row, text in enumerate(texts):
        counts: Dict[int, int] = {}
        for term in analyzer(text):
            column = vocabulary.get(term)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        if not counts:
            continue
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weights = (1 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[cols]
        rows += [row] * len(cols)
        columns += cols.tolist()
        values += (weights / np.linalg.norm(weights)).tolist()
    return sp.csr_matrix((values, (rows, columns)), shape=(len(texts), len(idf)))


def _pattern_columns(texts: Sequence[str], patterns: Sequence[re.Pattern]) -> sp.csr_matrix:
    return sp.csr_matrix(
        [[1.0 if p.search(t) else 0.0 for p in patterns] for t in texts], shape=(len(texts), len(patterns))
    )
