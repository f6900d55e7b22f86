"""Changing an answer's text retrains the dialogue policies only: Rasa restores the NLU from its cache."""

import pytest
from rasa.shared.importers.importer import TrainingDataImporter

from bench.training import CHANGED_ANSWERS, NLU_COMPONENTS, ROOT, train_after_changing


def test_the_nlu_sees_the_faq_answers_keys_and_the_dialogue_their_texts():
    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(ROOT / "data")]
    )
    nlu_responses = importer.get_nlu_data().responses
    domain_responses = importer.get_domain().responses
    assert "utter_faq/hebergement_france" in nlu_responses
    for key, variations in nlu_responses.items():
        assert variations == [{"text": key}]
        assert domain_responses[key][0]["text"] != key


@pytest.mark.parametrize("response", CHANGED_ANSWERS)
def test_changing_an_answer_reuses_the_trained_understanding(response, trained_model):
    run = train_after_changing(response)
    assert NLU_COMPONENTS <= run.restored, run.log[-3000:]
    assert not NLU_COMPONENTS & run.trained
