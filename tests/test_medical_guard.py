"""The safety net: requests for medical advice get conseil_medical, service questions don't."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from components.medical_guard import MedicalAdviceGuard
from tests import baseline


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    from rasa.shared.nlu.training_data.loading import load_data

    storage = LocalModelStorage(tmp_path_factory.mktemp("guard"))
    context = ExecutionContext(GraphSchema({}), "test")
    trained = MedicalAdviceGuard.create(MedicalAdviceGuard.get_default_config(), storage, Resource("guard"), context)
    trained.train(load_data(str(baseline.ROOT / "data" / "nlu")))
    return MedicalAdviceGuard.load(MedicalAdviceGuard.get_default_config(), storage, Resource("guard"), context)


@pytest.mark.parametrize(
    "text",
    [
        "combien de sirop je donne à ma fille de 4 ans ?",
        "quelle dose de doliprane pour un enfant de 15 kilos",
        "ma prise de sang dit cholestérol à 2,8, c'est grave ?",
        "mon taux de fer est trop bas, je dois m'inquiéter ?",
        "je peux prendre mon antibiotique avec de l'alcool ce soir ?",
        "on peut mélanger l'ibuprofène et le paracétamol ?",
        "jai de la fievre depuis hier soir",
        "J'AI MAL AU VENTRE QU'EST CE QUE JE PRENDS",
        "est-ce que je peux arrêter mes comprimés pour la tension ?",
        "mon fils tousse et il a 38,5, on fait quoi",
        "c'est grave si j'ai du sang quand je tousse ?",
        "500 mg c'est trop pour une femme âgée ?",
    ],
)
def test_requests_for_medical_advice_are_guarded(guard, text):
    assert guard.asks_for_advice(text)


@pytest.mark.parametrize(
    "text",
    [
        "mon ordonnance de Doliprane sera dans mon espace ?",
        "est-ce que mon médecin peut voir mes résultats de prise de sang ?",
        "mes résultats d'analyse n'apparaissent pas, c'est normal ?",
        "si je vais aux urgences, ils verront mes allergies ?",
        "je peux ajouter mes traitements dans le profil médical ?",
        "c'est grave si je refuse mon espace santé ?",
        "mon pharmacien peut voir mes médicaments ?",
        "je veux arrêter mon espace santé",
        "je prends quoi avec moi pour créer mon compte ?",
    ],
)
def test_service_questions_that_name_health_things_are_not_guarded(guard, text):
    assert not guard.asks_for_advice(text)


def test_no_training_example_of_another_intent_is_guarded(guard):
    texts, labels, _ = baseline.training_examples()
    guarded = [
        (label, text)
        for text, label in zip(texts, labels)
        if label != "conseil_medical" and guard.asks_for_advice(text)
    ]
    assert guarded == []


def test_a_guarded_message_gets_the_intent_and_no_selected_answer(guard):
    message = Message(
        data={
            "text": "quelle dose de paracétamol ?",
            "intent": {"name": "faq", "confidence": 0.9},
            "intent_ranking": [{"name": "faq", "confidence": 0.9}],
            "response_selector": {"faq": {"response": {}}},
        }
    )
    guard.process([message])
    assert message.get("intent") == {"name": "conseil_medical", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "conseil_medical"
    assert not message.get("response_selector")
