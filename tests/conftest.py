import pytest

from tests import evaluation


@pytest.fixture(scope="session")
def agent():
    """The trained assistant, loaded once (make test trains it first)."""
    if not evaluation.MODEL.exists():
        pytest.fail(f"no trained model at {evaluation.MODEL}: run `make train`")
    return evaluation.load_agent()
