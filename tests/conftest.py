"""Shared fixtures, and the markers that `make check` leaves out.

A test is marked by the fixtures it uses, directly or through other fixtures:
`model` (the trained model, or the assistant started by `make run`), `browser`
(Chromium) and `database` (PostgreSQL or Redis). A test that needs one of these
asks for its fixture, and is then marked without anyone remembering to.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests import browser as browser_tools
from tests import evaluation, stack

MARKER_OF_FIXTURE = {
    "trained_model": "model",
    "chromium_executable": "browser",
    "postgresql": "database",
    "redis": "database",
}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture in MARKER_OF_FIXTURE.keys() & set(getattr(item, "fixturenames", ())):
            item.add_marker(MARKER_OF_FIXTURE[fixture])


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The trained model (`make test` trains it first). A test that starts the
    assistant needs it too: `make run` would otherwise train for minutes."""
    if not evaluation.MODEL.exists():
        pytest.fail(f"no trained model at {evaluation.MODEL}: run `make train`")
    return evaluation.MODEL


def answering(url: str) -> str:
    """The address of a local server, once checked that it answers."""
    if not stack.port_open(urlsplit(url).port):
        pytest.fail(f"nothing answers at {url}: these tests need that server running")
    return url


@pytest.fixture(scope="session")
def postgresql() -> str:
    return answering(stack.POSTGRESQL_URL)


@pytest.fixture(scope="session")
def redis() -> str:
    return answering(stack.REDIS_URL)


@pytest.fixture(scope="session")
def agent(trained_model):
    """The trained assistant, loaded once."""
    return evaluation.load_agent(trained_model)


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
def web_stack(tmp_path_factory, other_site_port, trained_model):
    """One running assistant (`make run`) shared by the web chat tests."""
    started = stack.start(tmp_path_factory.mktemp("web"), WEBCHAT_ORIGINS=f"http://localhost:{other_site_port}")
    yield started
    started.stop()


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium (`make system-deps` installs it; never downloaded)."""
    if not Path(browser_tools.CHROMIUM).exists():
        pytest.fail(f"no Chromium at {browser_tools.CHROMIUM}: run `make system-deps`")
    return browser_tools.CHROMIUM


@pytest.fixture(scope="session")
def chromium(chromium_executable):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable, args=browser_tools.CHROMIUM_ARGS)
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
