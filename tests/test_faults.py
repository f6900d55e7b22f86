"""A failing part: the action server dies, Rasa restarts, the database cannot be opened."""

import json
import os
import signal
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests import stack
from tests.content import ROOT, load_responses
from tests.test_web_channel import post
from storage.tracker_store import TrackerStoreUnavailable, check_sqlite_file

START_PROCEDURE = "Je veux savoir si je peux encore refuser mon espace"
FAQ = "Mes données sont stockées où ?"
FAQ_ANSWER = "hébergées en France"
# The question the refuse-or-close procedure starts with (its first bubble).
ASKS_THE_DATE = load_responses()["utter_ask_date_reception"][0]["text"].split("\n\n")[0]


def start_action_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + stack.STARTUP_SECONDS
    while not stack.port_open(port) and time.monotonic() < deadline:
        time.sleep(0.5)
    return server


@pytest.fixture(scope="module")
def parts(tmp_path_factory, trained_model):
    """An action server of our own, and the assistant using it (restartable)."""
    folder, action_port = tmp_path_factory.mktemp("faults"), stack.free_port()
    actions = start_action_server(action_port)
    url = f"http://127.0.0.1:{action_port}/webhook"
    running = {"actions": actions, "assistant": stack.start(folder, url), "folder": folder, "url": url}
    yield running
    running["assistant"].stop()
    if actions.poll() is None:
        os.killpg(actions.pid, signal.SIGKILL)


def say(assistant, sender, message):
    status, replies = post(assistant.chat_url + "message", json.dumps({"sender": sender, "message": message}).encode())
    assert status == 200
    return " ".join(reply.get("text", "") for reply in replies)


def test_a_restarted_assistant_continues_the_conversation(parts):
    assert ASKS_THE_DATE in say(parts["assistant"], "restart", START_PROCEDURE)
    events_before = parts["assistant"].events("restart")
    parts["assistant"].stop()
    parts["assistant"] = stack.start(parts["folder"], parts["url"])
    reply = say(parts["assistant"], "restart", "il y a deux semaines")
    assert "encore refuser" in reply
    events_after = parts["assistant"].events("restart")
    assert events_after[: len(events_before)] == events_before and len(events_after) > len(events_before)


def test_without_action_server_the_user_is_told_and_the_faq_still_works(parts):
    assert ASKS_THE_DATE in say(parts["assistant"], "no-actions", START_PROCEDURE)
    os.killpg(parts["actions"].pid, signal.SIGKILL)
    parts["actions"].wait()
    started = time.monotonic()
    reply = say(parts["assistant"], "no-actions", "il y a deux semaines")
    assert "3422" in reply and "pour le moment" in reply
    assert time.monotonic() - started < 15
    assert FAQ_ANSWER in say(parts["assistant"], "faq-only", FAQ)


class SlowActionServer(BaseHTTPRequestHandler):
    """Takes longer than the 5 s allowed before it answers anything."""

    def do_POST(self):
        time.sleep(20)
        self.send_response(500)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_slow_action_server_is_given_up_after_5_seconds(tmp_path, trained_model):
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowActionServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    assistant = stack.start(tmp_path, f"http://127.0.0.1:{server.server_port}/webhook")
    try:
        say(assistant, "warm-up", FAQ)  # a first message also warms the model up
        started = time.monotonic()
        reply = say(assistant, "slow", START_PROCEDURE)
        assert "3422" in reply and time.monotonic() - started < 15  # the server sleeps 20 s
        assert FAQ_ANSWER in say(assistant, "slow-faq", FAQ)
    finally:
        assistant.stop()
        server.shutdown()


def test_an_unwritable_database_stops_the_start_with_the_setting_to_fix(tmp_path, trained_model):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = dict(
        os.environ,
        SQLITE_TRACKER_DB=str(blocker / "conversations.db"),
        RASA_PORT=str(stack.free_port()),
        ACTION_PORT=str(stack.free_port()),
    )
    run = subprocess.run(
        ["make", "--no-print-directory", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode != 0
    assert "SQLITE_TRACKER_DB" in run.stderr


def test_the_tracker_store_names_the_setting_too(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(TrackerStoreUnavailable, match="SQLITE_TRACKER_DB"):
        check_sqlite_file(str(blocker / "conversations.db"))
