"""Loads the trained TensorFlow models (DIET, ResponseSelector) for prediction only.

Rasa 3.6 builds a model's variables by running one training step on an example
(RasaModel.load), which keeps the training graph and the optimizer's state in
memory: about 700 MB for our two models. Here one prediction builds the
variables, the trained weights are loaded into them, and the prediction is
traced again with those weights. The predictions are the same to the last digit
(checked on every training example). Finetuning keeps Rasa's way.
"""
from rasa.utils.tensorflow.models import RasaModel

_rasa_load = RasaModel.load.__func__


@classmethod
def load_for_prediction(
    cls, model_file_name, model_data_example, predict_data_example=None, finetune_mode=False,
    *args, **kwargs,
) -> RasaModel:
    if finetune_mode or predict_data_example is None:
        return _rasa_load(
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
            *args, **kwargs,
        )
    model = cls(*args, **kwargs)
    model.run_inference(predict_data_example)
    # The optimizer's state in the file has no variable here: not loaded, on purpose.
    model.load_weights(model_file_name).expect_partial()
    # Label embeddings and the traced prediction were made with the initial weights.
    model.prepared_for_prediction = False
    model._tf_predict_step = None
    model.run_inference(predict_data_example)
    return model


RasaModel.load = load_for_prediction
