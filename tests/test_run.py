"""`make run` starts both servers, answers over HTTP, and Ctrl-C stops both."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.content import ROOT

STARTUP_SECONDS = 180


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


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
def running(tmp_path_factory):
    rasa_port, action_port = free_port(), free_port()
    env = dict(
        os.environ,
        RASA_PORT=str(rasa_port),
        ACTION_PORT=str(action_port),
        SQLITE_TRACKER_DB=str(tmp_path_factory.mktemp("var") / "conversations.db"),
    )
    env.pop("ACTION_ENDPOINT_URL", None)
    log = tmp_path_factory.mktemp("log") / "run.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "run"], cwd=ROOT, env=env,
            start_new_session=True, stdout=sink, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + STARTUP_SECONDS
    while "Ctrl-C" not in log.read_text() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(1)
    assert port_open(rasa_port), log.read_text()
    yield process, rasa_port, action_port, log.read_text()
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)


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


def test_ctrl_c_stops_both_servers(running):
    process, rasa_port, action_port, _ = running
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    assert not port_open(rasa_port) and not port_open(action_port)
