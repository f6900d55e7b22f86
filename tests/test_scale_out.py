"""Several servers share PostgreSQL and Redis (docs/deploiement.md).

Two assistants started by `make run` with the same model, database and locks
answer 20 conversations at once, whose turns alternate between them; then
every conversation gets two messages at the same moment, one on each server.
Each conversation is read back from PostgreSQL.
"""

import json
import os
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import pytest
import sqlalchemy as sa
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from tests import stack
from tests.content import ROOT
from tests.stack import POSTGRESQL_URL, REDIS_URL
from tests.test_exposure import make_run
from tests.test_web_channel import post
from webchat.channel import NO_ANSWER
from storage.lock_store import LockStoreFromUrl, LockStoreUnavailable, redis_settings
from privacy import NOT_KEPT
from storage.tracker_store import RedactingSQLTrackerStore

CONVERSATIONS = 20
TURNS = ["Bonjour", "Mes données sont stockées où ?", "C'est sécurisé ?", "Qui peut voir mes documents ?"]
# Sent together, one to each server; both call the action server, so that two
# servers working on one conversation without a shared lock would overlap.
AT_ONCE = ["Quel temps fera-t-il demain à Lyon ?", "raconte-moi une blague"]
LOCK_FAILURES = ("LockError", "Could not acquire lock", "Error while acquiring lock")


@pytest.fixture(scope="module")
def schema(postgresql):
    """A PostgreSQL schema of our own, dropped afterwards: runs never mix."""
    name = f"scale_out_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(postgresql)
    with engine.begin() as db:
        db.execute(sa.text(f"CREATE SCHEMA {name}"))
    yield name
    with engine.begin() as db:
        db.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
    engine.dispose()


@pytest.fixture(scope="module")
def store(schema):
    """Our tracker store on that schema (Rasa's POSTGRESQL_SCHEMA); creates the events table."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("POSTGRESQL_SCHEMA", schema)
        yield RedactingSQLTrackerStore(host=POSTGRESQL_URL)


@pytest.fixture(scope="module")
def servers(tmp_path_factory, schema, store, redis, trained_model):
    shared = dict(TRACKER_STORE_URL=POSTGRESQL_URL, POSTGRESQL_SCHEMA=schema, LOCK_STORE_URL=redis)
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(stack.start, tmp_path_factory.mktemp(f"server{i}"), **shared) for i in range(2)]
    started = [future.result() for future in futures if not future.exception()]
    if len(started) < len(futures):
        for server in started:
            server.stop()
        raise next(future.exception() for future in futures if future.exception())
    yield started
    for server in started:
        server.stop()


def say(server: stack.Stack, sender: str, message: str) -> str:
    """The assistant's reply, its paragraphs separated by blank lines."""
    status, replies = post(server.chat_url + "message", json.dumps({"sender": sender, "message": message}).encode())
    assert status == 200, replies
    return "\n\n".join(reply.get("text", "") for reply in replies)


def alternate(servers: List[stack.Stack], sender: str, first: int) -> Dict[str, str]:
    """Sends TURNS one after the other, to each server in turn; returns the reply to each."""
    return {message: say(servers[(first + turn) % 2], sender, message) for turn, message in enumerate(TURNS)}


def stored_turns(store: RedactingSQLTrackerStore, sender: str):
    """The stored events of a conversation, oldest first, and its turns:
    (user text, bot texts, the turn's last event: its action's name or its type)."""
    events = store.SQLEvent
    with store.session_scope() as session:
        rows = (
            session.query(events.type_name, events.action_name, events.timestamp, events.data)
            .filter(events.sender_id == sender)
            .order_by(events.id)
            .all()
        )
    turns = []
    for type_name, action_name, _, data in rows:
        if type_name == "user":
            turns.append([json.loads(data)["text"], [], type_name])
        elif turns:
            turns[-1][2] = action_name or type_name
            if type_name == "bot":
                turns[-1][1].append(json.loads(data)["text"])
    return rows, [(user, "\n\n".join(bots), last) for user, bots, last in turns]


def test_conversations_alternating_between_two_servers_are_stored_whole_and_in_order(servers, store, schema):
    senders = [f"{schema}-{i}" for i in range(CONVERSATIONS)]
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        replies = list(pool.map(alternate, [servers] * CONVERSATIONS, senders, [i % 2 for i in range(CONVERSATIONS)]))
    with ThreadPoolExecutor(2 * CONVERSATIONS) as pool:
        together = list(
            pool.map(say, servers * CONVERSATIONS, [s for s in senders for _ in AT_ONCE], AT_ONCE * CONVERSATIONS)
        )
    for i, sent in enumerate(replies):
        sent.update(zip(AT_ONCE, together[2 * i : 2 * i + 2]))

    for sender, sent in zip(senders, replies):
        assert NO_ANSWER not in sent.values(), sender
        rows, turns = stored_turns(store, sender)
        assert [row.type_name for row in rows].count("session_started") == 1, sender
        timestamps = [row.timestamp for row in rows]
        assert timestamps == sorted(timestamps), sender
        # A message keeps its text only if the assistant could not answer it (privacy/minimization.py).
        users = [user for user, _, _ in turns]
        assert len(users) == len(TURNS) + len(AT_ONCE), sender
        assert all(user in (message, NOT_KEPT) for user, message in zip(users, TURNS)), sender
        assert all(user in (NOT_KEPT, *AT_ONCE) for user in users[len(TURNS) :]), sender
        # Each message, then exactly the replies the server sent, then the assistant listens.
        assert turns[: len(TURNS)] == [(user, sent[message], "action_listen") for user, message in zip(users, TURNS)], (
            sender
        )
        assert sorted((bots, last) for _, bots, last in turns[len(TURNS) :]) == sorted(
            (sent[message], "action_listen") for message in AT_ONCE
        ), sender
    for server in servers:
        assert not any(failure in server.output() for failure in LOCK_FAILURES)


def test_purge_works_on_postgresql(store, schema):
    events = store.SQLEvent
    old, recent = f"{schema}-old", f"{schema}-recent"
    with store.session_scope() as session:
        for sender, days_ago in ((old, 45), (old, 40), (recent, 0.1)):
            session.add(events(sender_id=sender, type_name="user", timestamp=time.time() - days_ago * 86400, data="{}"))
        session.commit()
    env = dict(os.environ, TRACKER_STORE_URL=POSTGRESQL_URL, POSTGRESQL_SCHEMA=schema, RETENTION_DAYS="30")
    run = subprocess.run(
        ["make", "--no-print-directory", "purge"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert "1 conversation(s)" in run.stdout
    with store.session_scope() as session:
        senders = {sender for (sender,) in session.query(events.sender_id).filter(events.sender_id.in_([old, recent]))}
    assert senders == {recent}


def test_several_workers_need_the_redis_lock_store(tmp_path, trained_model):
    run = make_run(SANIC_WORKERS="2", LOCK_STORE_URL="", SQLITE_TRACKER_DB=str(tmp_path / "c.db"))
    assert run.returncode != 0 and "LOCK_STORE_URL" in run.stderr


def test_an_unreachable_redis_stops_the_start_and_names_the_setting(tmp_path, trained_model):
    run = make_run(LOCK_STORE_URL=f"redis://127.0.0.1:{stack.free_port()}/1", SQLITE_TRACKER_DB=str(tmp_path / "c.db"))
    assert run.returncode != 0 and "LOCK_STORE_URL" in run.stdout + run.stderr


@pytest.mark.parametrize(
    "url, settings",
    [
        ("redis://cache", {"host": "cache", "use_ssl": False}),
        ("redis://cache:6380/2", {"host": "cache", "port": 6380, "db": 2, "use_ssl": False}),
        (
            "rediss://rasa:p%40ss@cache/3",
            {"host": "cache", "db": 3, "username": "rasa", "password": "p@ss", "use_ssl": True},
        ),
    ],
)
def test_the_lock_store_url_gives_rasas_redis_settings(url, settings):
    assert redis_settings(url) == settings


@pytest.mark.parametrize("url", ["http://cache:6379", "redis:///1", "redis://cache/un"])
def test_a_lock_store_url_that_is_not_redis_is_refused(url):
    with pytest.raises(LockStoreUnavailable, match="LOCK_STORE_URL"):
        redis_settings(url)


@pytest.mark.parametrize(
    "endpoint",
    [
        EndpointConfig(url=REDIS_URL),
        EndpointConfig(url="127.0.0.1", port="6379", db="1"),  # as Rasa's Helm chart writes it
    ],
)
def test_the_redis_lock_serves_tickets_in_order_then_goes_away(endpoint, redis):
    store = LockStoreFromUrl(endpoint)
    assert isinstance(store, RedisLockStore)
    conversation = f"lock-test-{uuid.uuid4().hex}"
    first, second = store.issue_ticket(conversation), store.issue_ticket(conversation)
    assert store.get_lock(conversation).now_serving == first
    store.cleanup(conversation, first)
    assert store.get_lock(conversation).now_serving == second
    store.cleanup(conversation, second)
    assert store.get_lock(conversation) is None
