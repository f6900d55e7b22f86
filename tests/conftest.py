import pytest

from tests import evaluation

@pytest.fixture(scope="session")
def agent():
    """The trained assistant, loaded once (make test trains it first)."""
    if not evaluation.MODEL.exists():
        pytest.fail(f"no trained model at {evaluation.MODEL}: run `make train`")
    return evaluation.load_agent()


def pytest_terminal_summary(terminalreporter, config):
    """Shows the understanding figures measured by tests/test_nlu_public.py."""
    if evaluation.SUMMARY_KEY in config.stash:
        terminalreporter.write_sep("-", "understanding, public test set")
        terminalreporter.write_line(config.stash[evaluation.SUMMARY_KEY])
