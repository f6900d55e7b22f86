"""Scores the trained model on the public test set (shared/eval/public.yml).

`python -m tests.evaluation` (make eval) prints the assistant's figures beside
those of the baseline (tests/baseline.py) retrained on the current data/, the
per-topic precision and recall and the confusions, and writes Rasa's own
report and confusion matrix to reports/eval/. tests/test_nlu_public.py
asserts on the same figures.
"""

import asyncio
import collections
import logging
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

from facilitation.content import REJECTED, topic_of
from bench.machine import commit, machine
from tests import baseline
from tests.content import ROOT, intent_name, load_test_set, load_topics

MODEL = ROOT / "models" / "mes.tar.gz"
REPORT_DIR = ROOT / "reports" / "eval"
FIGURES_FILE = ROOT / "docs" / "chiffres-comprehension.md"

SUMMARY_KEY = pytest.StashKey[str]()  # figures shown at the end of a pytest run

NOT_A_TOPIC = {"hors_sujet", "hors_liste"}
MEDICAL_ADVICE = "conseil_medical"


def load_agent(model: Path = MODEL):
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    return Agent.load(str(model))


def predict(agent, texts: List[str]) -> List[str]:
    async def parse_all():
        return [topic_of(await agent.parse_message(text)) for text in texts]

    return asyncio.run(parse_all())


@dataclass
class Scores:
    """Figures on the test set; `rows` pairs each message with its prediction."""

    rows: List[Tuple[dict, str]]
    in_scope_accuracy: float = 0.0
    noisy_accuracy: float = 0.0
    in_scope_rejected: float = 0.0
    hors_sujet_rejected: float = 0.0
    hors_liste_rejected: float = 0.0
    medical_advice_recall: float = 0.0
    per_topic: Dict[str, Tuple[float, float, int]] = field(default_factory=dict)
    confusions: List[Tuple[str, str, str]] = field(default_factory=list)

    @classmethod
    def compute(cls, rows: List[Tuple[dict, str]]) -> "Scores":
        def rate(selected, hit) -> float:
            return sum(1 for m, p in selected if hit(m, p)) / max(len(selected), 1)

        in_scope = [(m, p) for m, p in rows if m["topic"] not in NOT_A_TOPIC]
        noisy = [(m, p) for m, p in in_scope if m["noise"] != "clean"]
        scores = cls(rows)
        scores.in_scope_accuracy = rate(in_scope, lambda m, p: p == m["topic"])
        scores.noisy_accuracy = rate(noisy, lambda m, p: p == m["topic"])
        scores.in_scope_rejected = rate(in_scope, lambda m, p: p in REJECTED)
        for name in NOT_A_TOPIC:
            selected = [(m, p) for m, p in rows if m["topic"] == name]
            setattr(scores, f"{name}_rejected", rate(selected, lambda m, p: p in REJECTED))
        medical = [(m, p) for m, p in rows if m["topic"] == MEDICAL_ADVICE]
        scores.medical_advice_recall = rate(medical, lambda m, p: p == MEDICAL_ADVICE)

        expected = collections.Counter(m["topic"] for m, _ in in_scope)
        predicted = collections.Counter(p for _, p in in_scope)
        correct = collections.Counter(p for m, p in in_scope if p == m["topic"])
        for topic in sorted(expected):
            precision = correct[topic] / predicted[topic] if predicted[topic] else 0.0
            scores.per_topic[topic] = (precision, correct[topic] / expected[topic], expected[topic])
        scores.confusions = [(m["text"], m["topic"], p) for m, p in rows if p != m["topic"]]
        return scores

    FIGURES = (
        ("in-scope accuracy", "in_scope_accuracy"),
        ("noisy in-scope accuracy", "noisy_accuracy"),
        ("in-scope wrongly rejected", "in_scope_rejected"),
        ("off-topic rejected", "hors_sujet_rejected"),
        ("hors_liste answered honestly", "hors_liste_rejected"),
        ("medical-advice recall", "medical_advice_recall"),
    )

    def summary(self, yardstick: "Scores") -> str:
        """The figures of both columns, one line each."""
        lines = [f"{'':30} {'assistant':>9} {'baseline':>9}"]
        for label, name in self.FIGURES:
            lines.append(f"{label:30} {getattr(self, name):9.1%} {getattr(yardstick, name):9.1%}")
        return "\n".join(lines)


def score(agent) -> Scores:
    messages = load_test_set()
    return Scores.compute(list(zip(messages, predict(agent, [m["text"] for m in messages]))))


def score_baseline() -> Scores:
    """The baseline retrained on the current data/, on the same messages."""
    messages = load_test_set()
    model = baseline.fit(*baseline.training_examples()[:2])
    topics = [label.split("/", 1)[-1] for label in model.predict([m["text"] for m in messages])]
    return Scores.compute(list(zip(messages, topics)))


def write_rasa_report(model: Path = MODEL) -> None:
    """Rasa's own intent report and confusion matrix, in reports/eval/."""
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    intents = {t["id"]: intent_name(t) for t in load_topics()}
    by_intent = collections.defaultdict(list)
    for message in load_test_set():
        if message["topic"] in intents:
            by_intent[intents[message["topic"]]].append(message["text"])
    nlu = [{"intent": i, "examples": "".join(f"- {t}\n" for t in texts)} for i, texts in by_intent.items()]
    data_file = REPORT_DIR / "public_nlu.yml"
    data_file.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, allow_unicode=True), encoding="utf-8")
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "rasa"),
            "test",
            "nlu",
            "--nlu",
            str(data_file),
            "--model",
            str(model),
            "--out",
            str(REPORT_DIR),
        ],
        check=True,
        cwd=ROOT,
    )


def report(scores: Scores, yardstick: Scores) -> str:
    """The figures as Markdown, with when, where and on which commit they were measured."""
    where = machine()
    lines = [
        "# Compréhension : chiffres sur le jeu de test public",
        "",
        f"Écrit par `make eval` le {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()},",
        f"{where['cpu']}, {where['cores']} cœurs. Méthode et choix : [comprehension.md](comprehension.md).",
        "",
        "```",
        scores.summary(yardstick),
        "```",
        "",
        "| topic | precision | recall | n |",
        "|---|---|---|---|",
        *(f"| {t} | {p:.0%} | {r:.0%} | {n} |" for t, (p, r, n) in scores.per_topic.items()),
        "",
        "Confusions of the assistant (expected → predicted):",
        "",
        *(f"- {expected} → {predicted}: {text}" for text, expected, predicted in scores.confusions),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = report(score(load_agent()), score_baseline())
    print(text)
    FIGURES_FILE.write_text(text, encoding="utf-8")
    write_rasa_report()
    print(f"{FIGURES_FILE.relative_to(ROOT)}; Rasa's report and confusion matrix: {REPORT_DIR.relative_to(ROOT)}/")


if __name__ == "__main__":
    sys.exit(main())
