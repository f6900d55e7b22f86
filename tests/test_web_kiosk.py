"""The kiosk page (web/index.html) in headless Chromium, against the running assistant."""

import time

import pytest
from playwright.sync_api import Page, expect

from tests import stack
from tests.browser import accessibility_violations, has_horizontal_scroll, screenshot

QUESTION = "Où sont stockées mes données ?"
ANSWER = "hébergées en France"
THEME = "Se rassurer sur ses données"


def open_kiosk(page: Page, web_stack, query: str = "") -> None:
    page.goto(web_stack.chat_url + query)
    expect(page.get_by_role("button", name=THEME)).to_be_visible()  # the greeting arrived


def ask(page: Page, text: str) -> None:
    page.get_by_label("Votre question").fill(text)
    page.get_by_label("Votre question").press("Enter")


def senders(page: Page) -> list:
    """Records the session id of every message the page sends."""
    seen = []
    page.on("request", lambda r: r.url.endswith("/chat/message") and seen.append(r.post_data_json["sender"]))
    return seen


def wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    return condition()


def storage_size(page: Page) -> int:
    return page.evaluate("() => localStorage.length + sessionStorage.length")


def test_the_transcript_is_a_polite_log_before_any_message(page, web_stack):
    page.route("**/chat/message", lambda route: None)  # hold the greeting back
    page.goto(web_stack.chat_url)
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_be_empty()
    expect(page.get_by_role("status")).to_have_text("L'assistant écrit…")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_a_question_gets_its_answer(page, web_stack):
    open_kiosk(page, web_stack)
    ask(page, QUESTION)
    log = page.get_by_role("log")
    expect(log.locator(".mes-msg--user")).to_have_text("Vous : " + QUESTION)
    expect(log.get_by_text(ANSWER)).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("")
    screenshot(page, "kiosque.png")


def test_a_quick_reply_sends_its_payload_and_gives_focus_back(page, web_stack):
    open_kiosk(page, web_stack)
    page.get_by_role("button", name=THEME).click()
    log = page.get_by_role("log")
    expect(log.locator(".mes-msg--user")).to_have_text("Vous : " + THEME)
    expect(log.get_by_text("Voici les questions les plus posées sur vos données")).to_be_visible()
    expect(page.get_by_label("Votre question")).to_be_focused()


def test_keyboard_only(page, web_stack):
    open_kiosk(page, web_stack)
    field = page.get_by_label("Votre question")
    page.evaluate("document.activeElement.blur()")
    for _ in range(30):  # Tab through the page up to the question field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mes-input')"):
            break
    expect(field).to_be_focused()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Envoyer")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    for _ in range(30):  # back into the transcript, up to a quick reply
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('mes-choice')"):
            break
    choice = page.evaluate("document.activeElement.textContent")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.get_by_role("log").locator(".mes-msg--user").last).to_have_text("Vous : " + choice)
    expect(field).to_be_focused()


def test_markup_in_a_message_is_shown_as_text_and_never_run(page, web_stack):
    attack = "<img src=x onerror=alert(1)>"
    open_kiosk(page, web_stack)
    ask(page, attack)
    log = page.get_by_role("log")
    expect(log.locator(".mes-msg--user")).to_have_text("Vous : " + attack)
    expect(log.locator(".mes-msg--user ~ .mes-msg").first).to_be_visible()  # the reply came
    assert log.locator("img").count() == 0
    # the page fixture fails the test on any alert dialog or script error


def test_bot_text_is_text_and_its_web_addresses_safe_links(page, web_stack):
    open_kiosk(page, web_stack)
    reply = '[{"text": "<b>Gras</b> Voir monespacesante.fr. Ou https://exemple.fr/aide?x=1 javascript:alert(1)"}]'
    page.route("**/chat/message", lambda route: route.fulfill(content_type="application/json", body=reply))
    ask(page, QUESTION)
    bubble = page.get_by_role("log").locator(".mes-msg--bot").last
    expect(bubble).to_contain_text("<b>Gras</b> Voir monespacesante.fr. Ou")
    assert bubble.locator("b").count() == 0
    links = bubble.get_by_role("link")
    assert [link.get_attribute("href") for link in links.all()] == [
        "https://monespacesante.fr",
        "https://exemple.fr/aide?x=1",
    ]
    for link in links.all():
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert link.get_attribute("target") == "_blank"


def test_idle_reset_forgets_everything(page, web_stack):
    sent = senders(page)
    open_kiosk(page, web_stack, "?idle=2&countdown=1")
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    page.evaluate("() => { localStorage.setItem('left', 'x'); sessionStorage.setItem('left', 'x'); }")
    old_session = sent[0]
    expect(page.get_by_role("dialog", name="Vous êtes toujours là ?")).to_be_visible(timeout=5000)
    expect(page.get_by_role("dialog")).to_be_hidden(timeout=5000)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_have_count(0)
    expect(page.get_by_role("button", name=THEME)).to_be_visible()  # a new greeting
    new_session = sent[-1]
    assert new_session != old_session
    assert wait_for(lambda: "restart" in web_stack.events(old_session)), web_stack.events(old_session)
    assert "user" in web_stack.events(new_session) and "restart" not in web_stack.events(new_session)
    assert storage_size(page) == 0


def test_je_continue_keeps_the_conversation(page, web_stack):
    page.set_viewport_size({"width": 320, "height": 640})
    open_kiosk(page, web_stack, "?idle=1&countdown=30")
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    dialog = page.get_by_role("dialog", name="Vous êtes toujours là ?")
    expect(dialog).to_be_visible(timeout=5000)
    expect(dialog).to_contain_text("30 secondes")
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320  # whole on a narrow screen
    assert accessibility_violations(page) == []
    dialog.get_by_role("button", name="Je continue").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    expect(page.get_by_label("Votre question")).to_be_focused()


def test_no_idle_question_before_anyone_uses_the_screen(page, web_stack):
    open_kiosk(page, web_stack, "?idle=1&countdown=1")
    page.wait_for_timeout(2500)
    expect(page.get_by_role("dialog")).to_be_hidden()


def test_recommencer_ends_the_conversation(page, web_stack):
    sent = senders(page)
    open_kiosk(page, web_stack)
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    page.get_by_role("button", name="Recommencer").click()
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_have_count(0)
    expect(page.get_by_role("button", name=THEME)).to_be_visible()
    assert wait_for(lambda: "restart" in web_stack.events(sent[0]))
    assert sent[-1] != sent[0]


def test_a_late_answer_from_before_a_reset_is_dropped(page, web_stack):
    open_kiosk(page, web_stack)
    held = []  # the question's request, answered only after the reset
    page.route("**/chat/message", lambda route: route.continue_() if held else held.append(route))
    ask(page, QUESTION)
    assert wait_for(lambda: page.wait_for_timeout(100) or held)
    page.get_by_role("button", name="Recommencer").click()
    expect(page.get_by_role("button", name=THEME)).to_be_visible()
    held[0].fulfill(content_type="application/json", body='[{"text": "Réponse en retard"}]')
    page.wait_for_timeout(1000)
    expect(page.get_by_text("Réponse en retard")).to_have_count(0)
    expect(page.get_by_role("log").locator(".mes-msg--user")).to_have_count(0)


def bubble_texts(bubbles) -> list:
    return [text.removeprefix("L'assistant : ") for text in bubbles.locator(".mes-text").all_text_contents()]


def test_one_ecouter_per_answer_reads_all_its_bubbles_in_order_in_french_only_when_asked(page, web_stack):
    page.add_init_script("""
        window.spoken = [];
        speechSynthesis.speak = (u) => window.spoken.push({text: u.text, lang: u.lang});
    """)
    open_kiosk(page, web_stack)
    log = page.get_by_role("log")
    greeting = log.locator(".mes-msg--bot")
    assert greeting.count() > 1  # the greeting has several bubbles, one "Écouter"
    expect(log.get_by_role("button", name="Écouter")).to_have_count(1)
    assert page.evaluate("window.spoken") == []
    log.get_by_role("button", name="Écouter").click()
    greeting_texts = bubble_texts(greeting)
    assert page.evaluate("window.spoken") == [{"text": "\n\n".join(greeting_texts), "lang": "fr-FR"}]
    assert greeting_texts[0].startswith("Bonjour")
    ask(page, QUESTION)
    expect(log.get_by_text(ANSWER)).to_be_visible()
    expect(log.get_by_role("button", name="Écouter")).to_have_count(2)
    log.get_by_role("button", name="Écouter").last.click()
    spoken = page.evaluate("window.spoken")[-1]["text"].split("\n\n")
    assert (
        len(spoken) > 1 and ANSWER in spoken[0] and spoken == bubble_texts(log.locator(".mes-msg--bot"))[-len(spoken) :]
    )


def test_without_speech_there_is_no_ecouter_button(page, web_stack):
    page.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    open_kiosk(page, web_stack)
    assert page.evaluate("'speechSynthesis' in window") is False
    expect(page.get_by_role("button", name="Écouter")).to_have_count(0)


def test_an_unreachable_server_gets_a_clear_message_not_a_frozen_screen(page, web_stack):
    open_kiosk(page, web_stack)
    page.route("**/chat/message", lambda route: route.abort())
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text("Le service ne répond pas")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("")
    page.unroute("**/chat/message")
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()


def test_large_text_and_touch_targets(page, web_stack):
    open_kiosk(page, web_stack)
    text_size = page.locator(".mes-text").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert text_size >= 20
    for target in page.locator("button:visible, input:visible").all():
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, target.evaluate("e => e.outerHTML")


@pytest.mark.parametrize("width, height", [(320, 640), (640, 360)])  # 320 px wide; 200 % zoom of 1280x720
def test_narrow_or_zoomed_screens_do_not_scroll_sideways(page, web_stack, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_kiosk(page, web_stack)
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    assert not has_horizontal_scroll(page)
    expect(page.get_by_label("Votre question")).to_be_in_viewport()


def test_no_wcag_violation_in_a_conversation(page, web_stack):
    open_kiosk(page, web_stack)
    ask(page, QUESTION)
    expect(page.get_by_role("log").get_by_text(ANSWER)).to_be_visible()
    assert accessibility_violations(page) == []


@pytest.fixture(scope="module")
def stack_without_actions(tmp_path_factory):
    """The assistant pointed at an action server that is not there."""
    nobody = f"http://127.0.0.1:{stack.free_port()}/webhook"
    started = stack.start(tmp_path_factory.mktemp("no-actions"), action_endpoint_url=nobody)
    yield started
    started.stop()


def test_without_the_action_server_answers_still_come_and_the_rest_is_explained(page, stack_without_actions):
    open_kiosk(page, stack_without_actions)
    ask(page, QUESTION)
    log = page.get_by_role("log")
    expect(log.get_by_text(ANSWER)).to_be_visible()
    ask(page, "quel temps fera-t-il demain à Lyon ?")  # answered by a custom action
    expect(log.get_by_text("Je ne peux pas vous répondre pour le moment.")).to_be_visible()
    expect(log.locator(".mes-msg").last).to_contain_text("appeler le 3422")
    expect(page.get_by_role("status")).to_have_text("")
