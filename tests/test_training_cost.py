"""Changing an answer's text retrains the dialogue policies only: Rasa restores the NLU from its cache."""
import pytest

from bench.training import NLU_COMPONENTS, train_after_changing


@pytest.mark.xfail(reason="open in issue 7: in a copy of the project Rasa still retrains the NLU after "
                          "a non-FAQ answer change, although the NLU data fingerprint is unchanged", strict=False)
def test_changing_an_answer_reuses_the_trained_understanding():
    run = train_after_changing("utter_cloture")
    assert NLU_COMPONENTS <= run.restored, run.log[-3000:]
    assert not NLU_COMPONENTS & run.trained
