"""What the server exposes: CORS allow-list, Rasa's HTTP API, retention (`make purge`)."""

import os
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests import stack
from tests.content import ROOT


def status_of(url: str, headers=None, method: str = "GET"):
    """Returns (status, headers)."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def preflight(web_stack, origin: str):
    return status_of(
        web_stack.chat_url + "message",
        method="OPTIONS",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )[1]


def test_only_listed_websites_may_call_the_chat(web_stack, other_site_port):
    allowed = f"http://localhost:{other_site_port}"
    assert preflight(web_stack, allowed).get("Access-Control-Allow-Origin") == allowed
    assert preflight(web_stack, "https://pirate.example").get("Access-Control-Allow-Origin") is None


def test_the_http_api_is_off_by_default(web_stack):
    assert status_of(f"http://127.0.0.1:{web_stack.rasa_port}/status")[0] == 404
    assert status_of(f"http://127.0.0.1:{web_stack.rasa_port}/conversations/x/tracker")[0] == 404


def make_run(**settings):
    env = dict(os.environ, RASA_PORT=str(stack.free_port()), ACTION_PORT=str(stack.free_port()), **settings)
    return subprocess.run(
        ["make", "--no-print-directory", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_api_is_refused_without_a_token(tmp_path, trained_model):
    run = make_run(RASA_ENABLE_API="1", RASA_API_TOKEN="", SQLITE_TRACKER_DB=str(tmp_path / "c.db"))
    assert run.returncode != 0 and "RASA_API_TOKEN" in run.stderr


def test_the_enabled_api_needs_the_token(tmp_path, trained_model):
    started = stack.start(tmp_path, RASA_ENABLE_API="1", RASA_API_TOKEN="jeton-de-test")
    try:
        status_url = f"http://127.0.0.1:{started.rasa_port}/status"
        assert status_of(status_url)[0] == 401
        assert status_of(status_url + "?token=mauvais")[0] == 401
        assert status_of(status_url + "?token=jeton-de-test")[0] == 200
        assert "jeton-de-test" not in started.output()
    finally:
        started.stop()


def add_conversation(db, sender: str, days_ago: float) -> None:
    db.execute(
        "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, '{}')",
        (sender, time.time() - days_ago * 86400),
    )


@pytest.mark.parametrize("retention, kept", [("", {"recent", "mixed"}), ("1", {"recent"})])
def test_purge_deletes_conversations_idle_for_longer_than_the_retention(tmp_path, retention, kept):
    db_path = tmp_path / "conversations.db"
    subprocess.run(
        ["make", "--no-print-directory", "purge"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=dict(os.environ, SQLITE_TRACKER_DB=str(db_path)),
    )  # creates the tables
    with sqlite3.connect(db_path) as db:
        add_conversation(db, "old", 45)
        add_conversation(db, "old", 40)
        add_conversation(db, "mixed", 60)
        add_conversation(db, "mixed", 2)
        add_conversation(db, "recent", 0.1)
    env = dict(os.environ, SQLITE_TRACKER_DB=str(db_path), RETENTION_DAYS=retention)
    run = subprocess.run(
        ["make", "--no-print-directory", "purge"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    deleted = 3 - len(kept)
    assert f"{deleted} conversation(s)" in run.stdout
    with sqlite3.connect(db_path) as db:
        assert {sender for (sender,) in db.execute("SELECT sender_id FROM events")} == kept
