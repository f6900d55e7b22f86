"""The rehearsal mode against the running assistant: a whole session, and its web page in Chromium."""

import json
from pathlib import Path

import yaml
from playwright.sync_api import Page, expect

from actions.rehearsal import data
from actions.rehearsal.feedback import french_number
from actions.rehearsal.scorer import assess
from actions.rehearsal.session import session_objections
from tests.browser import accessibility_violations, has_horizontal_scroll, screenshot
from tests.test_web_channel import post

REHEARSAL = data.load()
TEST_ANSWERS = yaml.safe_load((Path(__file__).parent / "entrainement_reponses.yml").read_text(encoding="utf-8"))
THREE = '/entrainement{"nombre_objections":"3"}'


def say(web_stack, sender: str, message: str) -> str:
    status, replies = post(web_stack.chat_url + "message", json.dumps({"sender": sender, "message": message}).encode())
    assert status == 200
    return "\n\n".join(r.get("text", "") for r in replies)


def test_a_whole_session_of_three_objections_to_its_summary(web_stack):
    sender = "entrainement-session"
    intro = say(web_stack, sender, "je voudrais m'entraîner à répondre aux usagers")
    assert "Combien d'objections voulez-vous ?" in intro
    objections = [REHEARSAL.objection(i) for i in session_objections(REHEARSAL, 3, sender)]
    reply = say(web_stack, sender, THREE)
    answers = [
        TEST_ANSWERS[objections[0].id]["bonnes"][0],
        TEST_ANSWERS[objections[1].id]["faibles"][0],
        TEST_ANSWERS[objections[2].id]["sigles"],
    ]
    marks = []
    for number, (objection, answer) in enumerate(zip(objections, answers), 1):
        assert f"Objection {number} sur 3." in reply and objection.text in reply
        reply = say(web_stack, sender, answer)
        marks.append(assess(answer, objection, REHEARSAL).mark)
        assert f"Votre note : {marks[-1]} sur 10." in reply
        assert "Un exemple de réponse, avec les mots de l'assistant" in reply
    assert "Attention aux sigles." in reply
    assert "L'entraînement est fini." in reply
    assert f"Votre note moyenne : {french_number(sum(marks) / 3)} sur 10." in reply
    assert f"2. {objections[1].person.name}, {objections[1].title} : {marks[1]} sur 10" in reply
    # The mode is over: a question gets its usual answer again.
    assert "Mon Espace Santé est gratuit" in say(web_stack, sender, "C'est payant ?")


def test_any_answer_is_taken_even_a_greeting_and_stop_leaves(web_stack):
    sender = "entrainement-arret"
    say(web_stack, sender, "mode entraînement")
    say(web_stack, sender, THREE)
    assert "Votre note : 0 sur 10." in say(web_stack, sender, "bonjour")
    reply = say(web_stack, sender, "/arreter")
    assert "D'accord, on arrête l'entraînement." in reply and "Votre note moyenne : 0 sur 10." in reply
    assert "Mon Espace Santé est gratuit" in say(web_stack, sender, "C'est payant ?")


def open_page(page: Page, web_stack) -> None:
    page.goto(web_stack.chat_url + "entrainement.html")
    expect(page.get_by_role("heading", name="Mode entraînement pour les accompagnants")).to_be_visible()
    expect(page.get_by_role("button", name="3 objections")).to_be_visible()


def test_the_facilitators_page_starts_the_rehearsal(page, web_stack):
    open_page(page, web_stack)
    page.get_by_role("button", name="3 objections").click()
    log = page.get_by_role("log")
    expect(log.get_by_text("Objection 1 sur 3.")).to_be_visible()
    objection = next(o for o in REHEARSAL.objections if o.text in log.inner_text())
    answer = TEST_ANSWERS[objection.id]["bonnes"][0]
    field = page.get_by_label("Votre réponse")
    expect(field).to_be_focused()
    field.fill(answer)
    field.press("Enter")
    mark = assess(answer, objection, REHEARSAL).mark
    expect(log.get_by_text(f"Votre note : {mark} sur 10.")).to_be_visible()
    expect(log.get_by_text("Objection 2 sur 3.")).to_be_visible()
    screenshot(page, "entrainement.png")
    page.get_by_role("button", name="Arrêter l'entraînement").last.click()
    expect(log.get_by_text("D'accord, on arrête l'entraînement.")).to_be_visible()
    assert accessibility_violations(page) == []


def test_recommencer_starts_a_new_rehearsal(page, web_stack):
    open_page(page, web_stack)
    page.get_by_role("button", name="3 objections").click()
    expect(page.get_by_role("log").get_by_text("Objection 1 sur 3.")).to_be_visible()
    page.get_by_role("button", name="Recommencer").click()
    expect(page.get_by_role("log").get_by_text("Objection 1 sur 3.")).to_have_count(0)
    expect(page.get_by_role("button", name="3 objections")).to_be_visible()


def test_a_narrow_screen_needs_no_sideways_scroll(page, web_stack):
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, web_stack)
    assert not has_horizontal_scroll(page)
