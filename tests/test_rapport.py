"""`make rapport` counts what people asked and lists what the assistant could not answer.

The tracker store is filled as the assistant fills it: user events carrying the
trained model's own parse of each message (masked first, as the server does), saved
by our tracker store.
"""

import asyncio
import collections
import datetime
import os
import subprocess
import uuid
from html.parser import HTMLParser
from typing import Dict, List

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from facilitation import rapport
from facilitation.content import REJECTED, topic_of
from tests.content import ROOT
from privacy import redact
from storage.tracker_store import RedactingSQLTrackerStore
from tests.stack import POSTGRESQL_URL as POSTGRES

WEATHER = ["quel temps fera-t-il demain à Lyon ?", "Quel temps fera t il demain a Lyon"]
PHONE = "06 12 34 56 78"
HEALTH = "j'ai une dépression, vous avez la recette des crêpes ?"
# Two conversations, on two days (Paris time), as people type them.
CONVERSATIONS = [
    (
        "rapport-1",
        datetime.datetime(2026, 11, 20, 10, 0),
        [
            "Bonjour",
            "Mes données sont stockées où ?",
            "c'est payant ?",
            WEATHER[0],
            f"mon portable c'est le {PHONE}, vous avez la recette des crêpes ?",
            HEALTH,
        ],
    ),
    (
        "rapport-2",
        datetime.datetime(2026, 11, 21, 15, 30),
        [
            "où sont hébergées mes données",
            WEATHER[1],
            "/restart",  # what the kiosk sends to end a conversation: not a question
        ],
    ),
]


@pytest.fixture(scope="module")
def parses(agent) -> Dict[str, dict]:
    texts = [text for _, _, messages in CONVERSATIONS for text in messages]

    async def parse_all():  # as the server parses them: masked first (rasa_patches.py)
        return {text: await agent.parse_message(redact(text).text) for text in texts}

    return asyncio.run(parse_all())


def conversation(sender: str, start: datetime.datetime, messages: List[str], parses) -> DialogueStateTracker:
    time = start.replace(tzinfo=rapport.TIMEZONE).timestamp()
    events = [
        ActionExecuted("action_session_start", timestamp=time),
        SessionStarted(timestamp=time),
        ActionExecuted("action_listen", timestamp=time),
    ]
    for n, text in enumerate(messages, start=1):
        parse = parses[text]
        events.append(
            UserUttered(
                text, parse["intent"], parse["entities"], parse, timestamp=time + 60 * n, input_channel="webchat"
            )
        )
        events.append(ActionExecuted("action_listen", timestamp=time + 60 * n + 1))
    return DialogueStateTracker.from_events(sender, events)


def fill(store: RedactingSQLTrackerStore, parses) -> None:
    for sender, start, messages in CONVERSATIONS:
        asyncio.run(store.save(conversation(sender, start, messages, parses)))


class Page(HTMLParser):
    """The report as the tests read it: table rows and text per <section id=…>, and the groups."""

    def __init__(self, page: str):
        super().__init__()
        self.section, self.row, self.cell, self.group = None, [], None, None
        self.rows: Dict[str, List[List[str]]] = collections.defaultdict(list)
        self.text: Dict[str, str] = collections.defaultdict(str)
        self.groups: List[str] = []
        self.html = page
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.section = dict(attrs).get("id")
        elif tag == "article" and dict(attrs).get("class") == "group":
            self.groups.append("")
            self.group = True
        elif tag == "tr":
            self.row = []
        elif tag == "td":
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row:
            self.rows[self.section].append(self.row)
        elif tag == "article":
            self.group = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.group:
            self.groups[-1] += data
        if self.section:
            self.text[self.section] += data


def make_rapport(**settings: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SQLITE_TRACKER_DB", "TRACKER_STORE_URL")}
    return subprocess.run(
        ["make", "--no-print-directory", "rapport"], cwd=ROOT, env={**env, **settings}, capture_output=True, text=True
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def report(request, tmp_path_factory, parses) -> Page:
    """`make rapport` on a store (SQLite, or PostgreSQL with TRACKER_STORE_URL) filled with CONVERSATIONS."""
    if request.param == "sqlite":
        db = tmp_path_factory.mktemp("rapport") / "conversations.db"
        fill(RedactingSQLTrackerStore(db=str(db)), parses)
        done = make_rapport(SQLITE_TRACKER_DB=str(db))
    else:
        schema = f"rapport_{uuid.uuid4().hex[:8]}"  # our own tables, whatever else the database holds
        admin = sa.create_engine(POSTGRES)
        with admin.begin() as connection:
            connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
        url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
        try:
            store = RedactingSQLTrackerStore(dialect="postgresql", host=url)
            fill(store, parses)
            store.engine.dispose()
            done = make_rapport(TRACKER_STORE_URL=url)
        finally:
            with admin.begin() as connection:
                connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    assert done.returncode == 0, done.stderr
    return Page(rapport.OUTPUT.read_text(encoding="utf-8"))


def questions(parses) -> List[str]:
    return [t for _, _, messages in CONVERSATIONS for t in messages if parses[t]["intent"]["name"] != "restart"]


def test_the_test_conversation_has_topics_and_unanswered_messages(parses):
    topics = [topic_of(parses[t]) for t in questions(parses)]
    assert len({t for t in topics if t not in REJECTED}) >= 2
    assert all(topic_of(parses[t]) in REJECTED for t in WEATHER)


def test_topic_counts(report, parses):
    counts = collections.Counter(topic_of(parses[t]) for t in questions(parses))
    expected = sorted(((t, n) for t, n in counts.items() if t not in REJECTED), key=lambda c: (-c[1], c[0]))
    assert report.rows["sujets"] == [[t, str(n)] for t, n in expected]


def test_unanswered_messages_are_listed_masked_and_grouped(report, parses):
    unanswered = report.text["sans-reponse"]
    for text in questions(parses):
        if text == HEALTH:
            continue
        stored = redact(text).text
        assert (stored in unanswered) == (topic_of(parses[text]) in REJECTED), stored
    assert PHONE not in unanswered  # listed masked, if unanswered: checked above
    assert "dépression" not in report.html
    assert ("qui parlaient de santé" in unanswered) == (topic_of(parses[HEALTH]) in REJECTED)
    assert report.groups[0].split()[:2] == ["2", "fois"]
    assert all(text in report.groups[0] for text in WEATHER)


def test_conversations_and_messages_per_day(report, parses):
    expected = []
    for _, start, messages in CONVERSATIONS:
        asked = [t for t in messages if t in questions(parses)]
        rejected = sum(topic_of(parses[t]) in REJECTED for t in asked)
        expected.append([start.strftime("%d/%m/%Y"), "1", str(len(asked)), str(rejected)])
    assert report.rows["jours"] == expected
    assert '<img class="chart" src="data:image/svg+xml;base64,' in report.html


def test_a_missing_database_is_named(tmp_path):
    done = make_rapport(SQLITE_TRACKER_DB=str(tmp_path / "none.db"))
    assert done.returncode != 0 and "SQLITE_TRACKER_DB" in done.stderr
