"""Scores the trained model on the public test set (shared/eval/public.yml).

`python -m tests.evaluation` (make eval) prints per-topic precision and
recall and the confusions, and writes Rasa's own report and confusion matrix
to reports/eval/. tests/test_nlu_public.py asserts on the same figures.
"""
import asyncio
import collections
import logging
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

from facilitation.content import REJECTED, topic_of
from tests.content import ROOT, intent_name, load_test_set, load_topics

MODEL = ROOT / "models" / "mes.tar.gz"
REPORT_DIR = ROOT / "reports" / "eval"

SUMMARY_KEY = pytest.StashKey[str]()  # figures shown at the end of a pytest run

NOT_A_TOPIC = {"hors_sujet", "hors_liste"}


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

        expected = collections.Counter(m["topic"] for m, _ in in_scope)
        predicted = collections.Counter(p for _, p in in_scope)
        correct = collections.Counter(p for m, p in in_scope if p == m["topic"])
        for topic in sorted(expected):
            precision = correct[topic] / predicted[topic] if predicted[topic] else 0.0
            scores.per_topic[topic] = (precision, correct[topic] / expected[topic], expected[topic])
        scores.confusions = [(m["text"], m["topic"], p) for m, p in rows if p != m["topic"]]
        return scores

    def summary(self) -> str:
        return "\n".join(
            [
                f"in-scope accuracy         {self.in_scope_accuracy:6.1%}",
                f"noisy in-scope accuracy   {self.noisy_accuracy:6.1%}",
                f"in-scope rejected         {self.in_scope_rejected:6.1%}",
                f"hors_sujet rejected       {self.hors_sujet_rejected:6.1%}",
                f"hors_liste rejected       {self.hors_liste_rejected:6.1%}",
            ]
        )


def score(agent) -> Scores:
    messages = load_test_set()
    return Scores.compute(list(zip(messages, predict(agent, [m["text"] for m in messages]))))


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
        [str(ROOT / ".venv" / "bin" / "rasa"), "test", "nlu", "--nlu", str(data_file),
         "--model", str(model), "--out", str(REPORT_DIR)],
        check=True,
        cwd=ROOT,
    )


def main() -> None:
    scores = score(load_agent())
    print(f"\n{'topic':28} {'precision':>9} {'recall':>7} {'n':>3}")
    for topic, (precision, recall, n) in scores.per_topic.items():
        print(f"{topic:28} {precision:9.0%} {recall:7.0%} {n:3}")
    print("\nConfusions (expected -> predicted):")
    for text, expected, predicted in scores.confusions:
        print(f"  {expected} -> {predicted}: {text}")
    print("\n" + scores.summary())
    write_rasa_report()
    print(f"\nRasa's report and confusion matrix: {REPORT_DIR.relative_to(ROOT)}/")


if __name__ == "__main__":
    sys.exit(main())
