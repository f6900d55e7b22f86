"""Starts the assistant with `make run` on free ports and a fresh SQLite db (or given stores), for tests."""

import os
import signal
import socket
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List

from tests.content import ROOT

STARTUP_SECONDS = 180
# The shared stores of the tests (`database` marker): a local server each.
POSTGRESQL_URL = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Stack:
    process: subprocess.Popen
    rasa_port: int
    action_port: int
    db: Path
    log: Path

    @property
    def chat_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}/chat/"

    def output(self) -> str:
        return self.log.read_text()

    def events(self, sender: str) -> List[str]:
        """Event types stored for a conversation, oldest first."""
        with sqlite3.connect(self.db) as db:
            rows = db.execute("SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))
            return [row[0] for row in rows]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)


def start(folder: Path, action_endpoint_url: str = "", **settings: str) -> Stack:
    """Runs `make run` and waits until it says it is ready.

    action_endpoint_url, when given, replaces the address of the action server;
    settings are more environment variables (WEBCHAT_ORIGINS="…", RASA_LOG_LEVEL="DEBUG"…)."""
    rasa_port, action_port = free_port(), free_port()
    db, log = folder / "conversations.db", folder / "run.log"
    env = dict(
        os.environ,
        RASA_PORT=str(rasa_port),
        ACTION_PORT=str(action_port),
        SQLITE_TRACKER_DB=str(db),
        **settings,
    )
    for name in (
        "ACTION_ENDPOINT_URL",
        "WEBCHAT_ORIGINS",
        "RASA_ENABLE_API",
        "RASA_LOG_LEVEL",
        "TRACKER_STORE_URL",
        "LOCK_STORE_URL",
        "POSTGRESQL_SCHEMA",
        "SANIC_WORKERS",
    ):
        if name not in settings:
            env.pop(name, None)
    if action_endpoint_url:
        env["ACTION_ENDPOINT_URL"] = action_endpoint_url
    with log.open("w") as sink:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    stack = Stack(process, rasa_port, action_port, db, log)
    deadline = time.monotonic() + STARTUP_SECONDS
    while "Ctrl-C" not in stack.output() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(1)
    if not port_open(rasa_port):
        stack.stop()
        raise RuntimeError("the assistant did not start:\n" + stack.output())
    return stack
