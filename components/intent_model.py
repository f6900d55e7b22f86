"""The text classifier behind the assistant's understanding, without Rasa.

Words and character n-grams of a normalised text (TF-IDF), plus one column a
named pattern (the `regex` entries of the NLU data), into a linear model.
components/linear_intent.py wraps it for Rasa; tools/crossval.py compares its
settings on our own examples. Its state is plain arrays, saved without pickle.
"""
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

DEFAULTS: Dict[str, Any] = {
    "word_ngrams": [1, 2],
    "char_ngrams": [2, 5],
    "C": 10.0,
    "class_weight": None,
}

_REPEATS = re.compile(r"(\w)\1{2,}")  # "ouiiii" -> "ouii"
_NOT_WORD = re.compile(r"[^\w']+")


def fold(text: str) -> str:
    """Lower case without accents, the form every pattern and n-gram is read in."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str, abbreviations: Mapping[str, str]) -> str:
    """Folded words, SMS abbreviations spelled out, letters repeated at most twice."""
    words = _NOT_WORD.sub(" ", _REPEATS.sub(r"\1\1", fold(text).replace("’", "'"))).split()
    return " ".join(abbreviations.get(word, word) for word in words)


@dataclass
class IntentModel:
    """A fitted classifier: vectorizers, pattern columns and linear weights."""

    config: Dict[str, Any]
    patterns: List[re.Pattern]
    words: TfidfVectorizer
    chars: TfidfVectorizer
    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    @staticmethod
    def vectorizers(config: Mapping[str, Any]):
        words = TfidfVectorizer(ngram_range=tuple(config["word_ngrams"]), sublinear_tf=True,
                                token_pattern=r"(?u)\b\w+\b")
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(config["char_ngrams"]),
                                sublinear_tf=True)
        return words, chars

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], patterns: Sequence[str],
            config: Mapping[str, Any]) -> "IntentModel":
        config = {**DEFAULTS, **config}
        normalised = [normalise(t, config.get("abbreviations", {})) for t in texts]
        compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
        words, chars = cls.vectorizers(config)
        features = sp.hstack([words.fit_transform(normalised), chars.fit_transform(normalised),
                              _pattern_columns(texts, compiled)]).tocsr()
        classifier = LogisticRegression(C=config["C"], class_weight=config["class_weight"],
                                        max_iter=5000)
        classifier.fit(features, labels)
        return cls(dict(config), compiled, words, chars, classifier.classes_,
                   classifier.coef_, classifier.intercept_)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row a text, one column a class (self.classes), summing to 1."""
        normalised = [normalise(t, self.config.get("abbreviations", {})) for t in texts]
        features = sp.hstack([self.words.transform(normalised), self.chars.transform(normalised),
                              _pattern_columns(texts, self.patterns)]).tocsr()
        scores = features @ self.coef.T + self.intercept
        if scores.shape[1] == 1:  # two classes: one column of scores
            scores = np.hstack([-scores, scores])
        scores = np.asarray(scores)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def arrays(self) -> Dict[str, np.ndarray]:
        """Everything learnt, as arrays of numbers and strings (saved with np.savez)."""
        return {
            "classes": self.classes.astype(str),
            "coef": self.coef,
            "intercept": self.intercept,
            "word_vocabulary": _vocabulary_array(self.words),
            "word_idf": self.words.idf_,
            "char_vocabulary": _vocabulary_array(self.chars),
            "char_idf": self.chars.idf_,
            "patterns": np.array([p.pattern for p in self.patterns], dtype=str),
        }

    @classmethod
    def from_arrays(cls, config: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> "IntentModel":
        config = {**DEFAULTS, **config}
        words, chars = cls.vectorizers(config)
        for vectorizer, name in ((words, "word"), (chars, "char")):
            vocabulary = arrays[f"{name}_vocabulary"]
            vectorizer.set_params(vocabulary={term: i for i, term in enumerate(vocabulary)})
            vectorizer.idf_ = arrays[f"{name}_idf"]
        patterns = [re.compile(p, re.IGNORECASE) for p in arrays["patterns"]]
        return cls(dict(config), patterns, words, chars, arrays["classes"],
                   arrays["coef"], arrays["intercept"])


def _pattern_columns(texts: Sequence[str], patterns: Sequence[re.Pattern]) -> sp.csr_matrix:
    return sp.csr_matrix([[1.0 if p.search(t) else 0.0 for p in patterns] for t in texts],
                         shape=(len(texts), len(patterns)))


def _vocabulary_array(vectorizer: TfidfVectorizer) -> np.ndarray:
    return np.array(vectorizer.get_feature_names_out(), dtype=str)
