"""The kiosk page and the website widget tell the assistant where they run (headless Chromium)."""

from playwright.sync_api import Page, expect

QUESTION = "Je veux parler à quelqu'un."
KIOSK_WORDS = "ici, à l'accueil"


def channels_sent(page: Page) -> list:
    """Records the "canal" of every message the page sends."""
    sent = []
    page.on("request", lambda r: r.url.endswith("/chat/message") and sent.append(r.post_data_json.get("canal")))
    return sent


def test_the_kiosk_greeting_names_the_help_desk_person(page, web_stack):
    sent = channels_sent(page)
    page.goto(web_stack.chat_url)
    log = page.get_by_role("log")
    expect(log).to_contain_text("assistant automatique")
    expect(log).to_contain_text(KIOSK_WORDS)
    assert sent == ["kiosque"]


def test_the_widget_greets_only_once_opened_and_says_it_is_automatic(page, web_stack):
    sent = channels_sent(page)
    page.goto(web_stack.chat_url + "demo.html")
    page.wait_for_load_state("networkidle")
    assert sent == []
    page.get_by_role("button", name="Une question ?").click()
    expect(page.get_by_role("log")).to_contain_text("assistant automatique")
    assert sent == ["site"]


def test_the_widget_sends_people_to_france_services_not_to_a_desk(page, web_stack):
    sent = channels_sent(page)
    page.goto(web_stack.chat_url + "demo.html")
    page.get_by_role("button", name="Une question ?").click()
    expect(page.get_by_role("log")).to_contain_text("assistant automatique")
    field = page.get_by_label("Votre question")
    field.fill(QUESTION)
    field.press("Enter")
    log = page.get_by_role("log")
    expect(log).to_contain_text("France services")
    expect(log).not_to_contain_text(KIOSK_WORDS)
    assert sent == ["site", "site"]
