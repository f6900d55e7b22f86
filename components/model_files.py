"""Reading what a trained component of ours left in the model archive."""

from pathlib import Path
from typing import Callable, Optional, TypeVar

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

T = TypeVar("T")


def read_trained(model_storage: ModelStorage, resource: Resource, read: Callable[[Path], T]) -> Optional[T]:
    """What `read` makes of the component's folder; None if it was never trained
    (Rasa's graph loads untrained components too)."""
    try:
        with model_storage.read_from(resource) as directory:
            return read(directory)
    except ValueError:
        return None
