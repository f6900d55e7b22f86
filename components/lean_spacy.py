"""spaCy for the NLU pipeline, without what the pipeline never reads.

Rasa's SpacyNLP loads fr_core_news_sm twice per process (once to provide the
model, once more for the component that runs it) and keeps the entity
recogniser running on every message. Here the model is loaded once, without the
pipes no component of config.yml uses: SpacyTokenizer reads the lemmas (tok2vec,
morphologizer, attribute_ruler, lemmatizer); no component reads entities or syntax.
"""
import functools
from typing import Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

UNUSED_PIPES = ("parser", "senter", "ner")


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="LeanSpacyNLP",
)
class LeanSpacyNLP(SpacyNLP):
    @staticmethod
    @functools.lru_cache(maxsize=None)
    def load_model(spacy_model_name: Text) -> SpacyModel:
        model = SpacyNLP.load_model(spacy_model_name)
        for name in UNUSED_PIPES:
            if name in model.model.component_names:
                model.model.remove_pipe(name)
        return model
