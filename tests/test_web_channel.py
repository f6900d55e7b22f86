"""The web chat channel (webchat/): checks requests, answers, ends conversations, serves web/."""

import json
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest

from webchat.channel import BadRequest, read_fields


def post(url: str, body: bytes):
    """Returns (status, decoded JSON body)."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def get(url: str):
    """Returns (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def request_with(body: bytes):
    return SimpleNamespace(body=body)


def test_fields_are_read_from_a_json_object():
    body = json.dumps({"sender": "s1", "message": "Bonjour", "other": 3}).encode()
    assert read_fields(request_with(body), ("sender", "message")) == {"sender": "s1", "message": "Bonjour"}


@pytest.mark.parametrize(
    "body, complaint",
    [
        (b"", "objet JSON valide"),
        (b"{not json", "objet JSON valide"),
        (b"\xff\xfe", "objet JSON valide"),
        (b'["s1", "Bonjour"]', "objet JSON"),
        (b'{"message": "Bonjour"}', "« sender »"),
        (b'{"sender": 12, "message": "Bonjour"}', "« sender »"),
        (b'{"sender": "s1", "message": ["Bonjour"]}', "« message »"),
        (b'{"sender": "s1", "message": null}', "« message »"),
        (b'{"sender": "s1", "message": "   "}', "« message »"),
    ],
)
def test_bad_requests_are_refused_in_french(body, complaint):
    with pytest.raises(BadRequest, match=complaint):
        read_fields(request_with(body), ("sender", "message"))


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"sender": 12, "message": "Bonjour"}',
        b'{"sender": "s1", "message": {"text": "Bonjour"}}',
    ],
)
def test_the_server_answers_bad_requests_with_400(web_stack, body):
    status, answer = post(web_stack.chat_url + "message", body)
    assert status == 400
    assert answer["error"].startswith(("La requête", "Le champ"))


def test_a_message_gets_the_bot_messages_with_buttons(web_stack):
    status, replies = post(
        web_stack.chat_url + "message", json.dumps({"sender": "channel-test", "message": "Bonjour"}).encode()
    )
    assert status == 200
    assert "Mon Espace Santé" in replies[0]["text"]
    assert "Se rassurer sur ses données" in [b["title"] for b in replies[0]["buttons"]]
    assert "user" in web_stack.events("channel-test")


def test_ending_a_session_restarts_that_conversation_only(web_stack):
    for sender in ("ending", "staying"):
        post(web_stack.chat_url + "message", json.dumps({"sender": sender, "message": "Bonjour"}).encode())
    status, _ = post(web_stack.chat_url + "end", json.dumps({"sender": "ending"}).encode())
    assert status == 200
    assert "restart" in web_stack.events("ending")
    assert "restart" not in web_stack.events("staying")


def test_ending_needs_a_sender(web_stack):
    status, answer = post(web_stack.chat_url + "end", b"{}")
    assert status == 400 and "« sender »" in answer["error"]


def test_the_kiosk_page_is_served_with_a_strict_policy(web_stack):
    status, headers, body = get(web_stack.chat_url)
    assert status == 200
    assert b'<html lang="fr">' in body
    assert "script-src" not in headers["Content-Security-Policy"]  # so default-src 'self' applies
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_the_chat_address_without_slash_leads_to_the_kiosk(web_stack):
    status, _, body = get(web_stack.chat_url.rstrip("/"))
    assert status == 200 and b"kiosk.js" in body


@pytest.mark.parametrize("name", ["widget.js", "chat-core.js", "demo.html"])
def test_front_end_files_are_served(web_stack, name):
    status, _, body = get(web_stack.chat_url + name)
    assert status == 200 and body


@pytest.mark.parametrize("name", ["missing.js", "..%2Fcredentials.yml", ".hidden"])
def test_nothing_else_is_served(web_stack, name):
    status, _, _ = get(web_stack.chat_url + name)
    assert status == 404


def test_the_rest_channel_is_still_open(web_stack):
    status, replies = post(
        f"http://127.0.0.1:{web_stack.rasa_port}/webhooks/rest/webhook",
        json.dumps({"sender": "rest-still", "message": "Bonjour"}).encode(),
    )
    assert status == 200 and replies
