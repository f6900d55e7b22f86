"""The website widget (web/widget.js) on the demo town-hall page, in headless Chromium."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from tests.browser import accessibility_violations, has_horizontal_scroll, screenshot

QUESTION = "C'est payant ?"
ANSWER = "Mon Espace Santé est gratuit"
GREETING = "Je suis un assistant automatique, pas une personne."  # the assistant's own


def open_widget(page: Page, url: str) -> None:
    page.goto(url)
    launcher = page.get_by_role("button", name="Une question ?")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.click()
    expect(page.get_by_role("region", name="Assistant Mon Espace Santé")).to_be_visible()
    expect(page.get_by_role("log")).to_contain_text(GREETING)


def ask(page: Page, text: str) -> None:
    field = page.get_by_label("Votre question")
    expect(field).to_be_focused()
    field.fill(text)
    field.press("Enter")
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()


def test_the_widget_opens_answers_and_closes(page, web_stack):
    open_widget(page, web_stack.chat_url + "demo.html")
    ask(page, QUESTION)
    screenshot(page, "widget.png")
    page.get_by_role("button", name="Fermer").click()
    expect(page.get_by_role("region", name="Assistant Mon Espace Santé")).to_be_hidden()
    launcher = page.get_by_role("button", name="Une question ?")
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_escape_closes_the_widget(page, web_stack):
    open_widget(page, web_stack.chat_url + "demo.html")
    page.keyboard.press("Escape")
    expect(page.get_by_role("region", name="Assistant Mon Espace Santé")).to_be_hidden()
    expect(page.get_by_role("button", name="Une question ?")).to_be_focused()


def test_styles_do_not_leak_either_way(page, web_stack):
    page.goto(web_stack.chat_url + "demo.html")
    launcher = page.get_by_role("button", name="Une question ?")
    host_button = page.get_by_role("button", name="S'abonner à la lettre d'information")
    style = "e => [getComputedStyle(e).textTransform, getComputedStyle(e).backgroundColor]"
    assert host_button.evaluate(style) == ["uppercase", "rgb(240, 230, 200)"]  # the town's own style
    assert launcher.evaluate(style) == ["none", "rgb(106, 27, 90)"]  # data-color="#6a1b5a"
    assert page.evaluate("document.querySelectorAll('.mes-chat, .launcher').length") == 0


@pytest.fixture
def other_website(tmp_path, web_stack, other_site_port):
    """A town page served from another origin (allowed by WEBCHAT_ORIGINS), embedding the widget."""
    (tmp_path / "mairie.html").write_text(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title></head>'
        "<body><main><h1>Mairie</h1></main>"
        f'<script src="{web_stack.chat_url}widget.js" data-title="Aide Mon Espace Santé"'
        f' data-server="{web_stack.chat_url}"></script></body></html>'
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", other_site_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_port}/mairie.html"
    server.shutdown()


def test_it_works_embedded_in_another_website(page, other_website):
    page.goto(other_website)
    page.get_by_role("button", name="Une question ?").click()
    expect(page.get_by_role("region", name="Aide Mon Espace Santé")).to_be_visible()
    ask(page, QUESTION)


def test_a_narrow_screen_gets_the_whole_panel_without_sideways_scroll(page, web_stack):
    page.set_viewport_size({"width": 320, "height": 640})
    open_widget(page, web_stack.chat_url + "demo.html")
    ask(page, QUESTION)
    panel = page.get_by_role("region", name="Assistant Mon Espace Santé").bounding_box()
    assert panel["width"] == 320
    assert not has_horizontal_scroll(page)


def test_no_wcag_violation_in_a_conversation(page, web_stack):
    open_widget(page, web_stack.chat_url + "demo.html")
    ask(page, QUESTION)
    assert accessibility_violations(page) == []
