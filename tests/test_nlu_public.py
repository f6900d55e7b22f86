"""Understanding goals on the public test set (measured, never trained on).

The assistant is compared with the baseline (tests/baseline.py) retrained on
the same examples in the same run: beating it is the goal, not a fixed score.
"""

import pytest

from tests import content, evaluation

MARGIN_OVER_BASELINE = 0.02


@pytest.fixture(scope="module")
def yardstick():
    return evaluation.score_baseline()


@pytest.fixture(scope="module")
def scores(agent, yardstick, pytestconfig):
    result = evaluation.score(agent)
    pytestconfig.stash[evaluation.SUMMARY_KEY] = result.summary(yardstick)
    return result


def test_the_assistant_beats_the_baseline_on_in_scope_topics(scores, yardstick):
    assert scores.in_scope_accuracy >= yardstick.in_scope_accuracy + MARGIN_OVER_BASELINE


def test_noisy_messages_are_recognised(scores):
    assert scores.noisy_accuracy >= 0.85


def test_every_request_for_medical_advice_gets_the_medical_answer(scores):
    assert scores.medical_advice_recall == 1.0


def test_off_topic_messages_are_rejected(scores):
    assert scores.hors_sujet_rejected >= 0.95


def test_few_in_scope_messages_are_rejected(scores):
    assert scores.in_scope_rejected <= 0.03


def test_every_labelled_topic_exists_in_the_contract():
    topics = {t["id"] for t in content.load_topics()} | evaluation.NOT_A_TOPIC
    assert {m["topic"] for m in content.load_test_set()} <= topics
