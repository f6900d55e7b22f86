"""Changing an answer's text retrains the dialogue policies only: Rasa restores the NLU from its cache."""
from bench.training import NLU_COMPONENTS, train_after_changing


def test_changing_an_answer_reuses_the_trained_understanding():
    run = train_after_changing("utter_cloture")
    assert NLU_COMPONENTS <= run.restored, run.log[-3000:]
    assert not NLU_COMPONENTS & run.trained
