"""Understanding goals on the public test set (measured, never trained on)."""
import pytest

from tests import content, evaluation


@pytest.fixture(scope="module")
def scores(agent, pytestconfig):
    result = evaluation.score(agent)
    pytestconfig.stash[evaluation.SUMMARY_KEY] = result.summary()
    return result


def test_in_scope_topics_are_recognised(scores):
    assert scores.in_scope_accuracy >= 0.90


def test_noisy_messages_are_recognised(scores):
    assert scores.noisy_accuracy >= 0.85


def test_off_topic_messages_are_rejected(scores):
    assert scores.hors_sujet_rejected >= 0.85


def test_few_in_scope_messages_are_rejected(scores):
    assert scores.in_scope_rejected <= 0.08


def test_every_labelled_topic_exists_in_the_contract():
    topics = {t["id"] for t in content.load_topics()} | evaluation.NOT_A_TOPIC
    assert {m["topic"] for m in content.load_test_set()} <= topics
