"""`make run` starts both servers, answers over HTTP, and Ctrl-C stops both."""

import json
import os
import signal
import urllib.request

import pytest

from tests import stack
from tests.stack import port_open


def say(port: int, text: str) -> list:
    body = json.dumps({"sender": "run-test", "message": text}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def running(tmp_path_factory, trained_model):
    started = stack.start(tmp_path_factory.mktemp("run"))
    yield started.process, started.rasa_port, started.action_port, started.output()
    started.stop()


def test_it_answers_a_question_over_http(running):
    _, rasa_port, _, _ = running
    replies = say(rasa_port, "Bonjour")
    assert replies and "Mon Espace Santé" in replies[0]["text"]


def test_the_action_server_answers_too(running):
    _, rasa_port, _, _ = running
    replies = say(rasa_port, "quel temps fera-t-il demain à Lyon ?")
    assert "seulement aux questions sur Mon Espace Santé" in replies[0]["text"]


def test_it_prints_how_to_talk_to_it(running):
    _, rasa_port, _, output = running
    assert f"curl -s http://localhost:{rasa_port}/webhooks/rest/webhook" in output
    assert f"http://localhost:{rasa_port}/chat/" in output
    assert f"http://localhost:{rasa_port}/chat/demo.html" in output


def test_ctrl_c_stops_both_servers(running):
    process, rasa_port, action_port, _ = running
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    assert not port_open(rasa_port) and not port_open(action_port)
