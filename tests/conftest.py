import pytest
from playwright.sync_api import sync_playwright

from tests import browser as browser_tools
from tests import evaluation, stack

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


@pytest.fixture(scope="session")
def other_site_port():
    """The port of a website, on another origin, allowed to embed the widget."""
    return stack.free_port()


@pytest.fixture(scope="session")
def web_stack(tmp_path_factory, other_site_port):
    """One running assistant (`make run`) shared by the web chat tests."""
    started = stack.start(
        tmp_path_factory.mktemp("web"), WEBCHAT_ORIGINS=f"http://localhost:{other_site_port}"
    )
    yield started
    started.stop()


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browser_tools.CHROMIUM, args=browser_tools.CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh tab (own storage); fails the test on any script error or alert."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1024, "height": 768})
    tab = context.new_page()
    tab.set_default_timeout(browser_tools.ANSWER_SECONDS)
    problems = []
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    tab.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()
    assert not problems
