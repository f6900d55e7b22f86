"""The understanding components: trained, saved, loaded and applied as Rasa does."""

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.linear_intent import LinearIntentClassifier

EXAMPLES = {
    "bonjour": ["bonjour", "salut", "bonjour madame", "coucou", "bonsoir", "hello"],
    "cloture": [
        "je veux fermer mon espace",
        "supprimer mon compte",
        "clôturer mon espace santé",
        "comment fermer mon espace",
        "je veux tout effacer",
        "fermer mon dossier",
    ],
    "faq/gratuit": [
        "c'est gratuit ?",
        "il faut payer ?",
        "ça coûte combien ?",
        "c'est payant",
        "je dois payer quelque chose",
        "combien ça coûte",
    ],
    "faq/hebergement_france": [
        "où sont mes données ?",
        "mes données sont en France ?",
        "qui héberge mes données",
        "données stockées où",
        "mes données vont aux États-Unis ?",
        "serveurs en France",
    ],
}


def training_data() -> TrainingData:
    messages = []
    for label, texts in EXAMPLES.items():
        intent = label.split("/", 1)[0]
        key = {"intent_response_key": label} if "/" in label else {}
        messages += [Message(data={"text": t, "intent": intent, **key}) for t in texts]
    return TrainingData(messages)


def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


def trained(tmp_path, name="intent") -> LinearIntentClassifier:
    config = LinearIntentClassifier.get_default_config()
    classifier = LinearIntentClassifier.create(config, LocalModelStorage(tmp_path), Resource(name), context())
    classifier.train(training_data())
    return classifier


def loaded(tmp_path, name="intent") -> LinearIntentClassifier:
    config = LinearIntentClassifier.get_default_config()
    return LinearIntentClassifier.load(config, LocalModelStorage(tmp_path), Resource(name), context())


def parse(component, text: str) -> Message:
    message = Message(data={"text": text})
    component.process([message])
    return message


def test_a_plain_intent_is_predicted_without_a_selected_answer(tmp_path):
    message = parse(trained(tmp_path), "je voudrais fermer mon espace")
    assert message.get("intent")["name"] == "cloture"
    assert not message.get("response_selector")


def test_a_faq_key_fills_the_response_selector_that_utter_faq_reads(tmp_path):
    message = parse(trained(tmp_path), "est-ce que c'est payant ?")
    assert message.get("intent")["name"] == "faq"
    selected = message.get("response_selector")["faq"]["response"]
    assert selected["intent_response_key"] == "faq/gratuit"
    assert selected["utter_action"] == "utter_faq/gratuit"
    assert selected["confidence"] == message.get("intent")["confidence"]


def test_the_intent_ranking_has_one_entry_an_intent(tmp_path):
    ranking = parse(trained(tmp_path), "où sont stockées mes données").get("intent_ranking")
    names = [entry["name"] for entry in ranking]
    assert sorted(names) == ["bonjour", "cloture", "faq"]
    assert [e["confidence"] for e in ranking] == sorted((e["confidence"] for e in ranking), reverse=True)


def test_a_saved_model_loads_with_identical_predictions(tmp_path):
    texts = ["bonjour à vous", "c'est gratuit ou pas", "fermer mon compte", "xyz"]
    before = [parse(trained(tmp_path), t).as_dict() for t in texts]
    after = [parse(loaded(tmp_path), t).as_dict() for t in texts]
    assert before == after


def test_two_trainings_give_identical_predictions(tmp_path):
    first, second = trained(tmp_path, "first"), trained(tmp_path, "second")
    texts = ["bjr", "c payant ?", "données aux usa", "supprimer tout"]
    assert np.array_equal(first._model.probabilities(texts), second._model.probabilities(texts))


def test_sms_spellings_are_read_as_words(tmp_path):
    config = {**LinearIntentClassifier.get_default_config(), "abbreviations": {"c": "c'est"}}
    classifier = LinearIntentClassifier.create(config, LocalModelStorage(tmp_path), Resource("x"), context())
    classifier.train(training_data())
    assert parse(classifier, "c gratuit").get("intent")["name"] == "faq"


@pytest.mark.parametrize("threshold, expected", [(0.99, "nlu_fallback"), (0.0, "cloture")])
def test_the_fallback_threshold_applies_to_the_classifier_confidence(tmp_path, threshold, expected):
    fallback = FallbackClassifier.create(
        {**FallbackClassifier.get_default_config(), "threshold": threshold}, None, None, context()
    )
    message = parse(trained(tmp_path), "je veux fermer")
    fallback.process([message])
    assert message.get("intent")["name"] == expected


def test_an_untrained_classifier_leaves_messages_alone(tmp_path):
    message = parse(loaded(tmp_path, "never_trained"), "bonjour")
    assert message.get("intent") is None


def test_a_message_is_scored_on_the_features_scikit_learn_would_give(tmp_path):
    from components.intent_model import normalise, vectorizers

    model = trained(tmp_path)._model
    texts = ["Bonjour, c'est gratuit ??", "mes données... aux USA ?", "zzz", ""]
    normalised = [normalise(t, model.config["abbreviations"]) for t in texts]
    for name, vectorizer in vectorizers(model.config).items():
        vectorizer.set_params(vocabulary=model.vocabularies[name])
        vectorizer.idf_ = model.idf[name]
        expected = vectorizer.transform(normalised).toarray()
        ours = model.features(texts).toarray()
        start = 0 if name == "word" else len(model.vocabularies["word"])
        assert np.allclose(ours[:, start : start + expected.shape[1]], expected)
