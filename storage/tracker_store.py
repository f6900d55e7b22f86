"""The SQL tracker store, which keeps the least of what people write.

endpoints.yml selects it (`type: storage.tracker_store.RedactingSQLTrackerStore`),
so every channel goes through it. A user message is saved with its intent, its
entities and a placeholder text; only a message the assistant could not answer
keeps its text, masked, and never when it holds health details (privacy/).
A slot filled from a message's text (the date form) is saved like that text.
The database is TRACKER_STORE_URL when set (e.g. PostgreSQL, shared by several
servers), else the SQLite file SQLITE_TRACKER_DB.
"""

import copy
import sqlite3
from pathlib import Path
from typing import Any, List, Optional, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from facilitation.content import REJECTED
from privacy import NOT_KEPT, mentions_health, redact, stored_text

DB_SETTING = "SQLITE_TRACKER_DB"


class TrackerStoreUnavailable(RuntimeError):
    """The conversation database cannot be opened; the message names the setting."""


def check_sqlite_file(db: Text) -> None:
    """Fails at once with a clear message, where Rasa would retry forever."""
    try:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(db).close()
    except (OSError, sqlite3.Error) as error:
        raise TrackerStoreUnavailable(
            f"Cannot open the conversation database '{db}' ({error}). Set {DB_SETTING} to a file in a writable folder."
        ) from None


def stored_value(value: Text) -> Text:
    """An entity or slot value: masked, and not kept at all with health details."""
    return NOT_KEPT if mentions_health(value) else redact(value).text


def stored_events(events: List[Event]) -> List[Event]:
    """Copies of the events as they are saved; the tracker in memory is left as is."""
    saved, texts = [], {}
    for event in events:
        event = copy.deepcopy(event)
        if isinstance(event, UserUttered):
            answered = event.intent_name not in REJECTED
            text = texts[event.text] = stored_text(event.text or "", answered)
            event.text = event.parse_data["text"] = text
            for entity in event.entities + event.parse_data.get("entities", []):
                if isinstance(entity.get("value"), str):
                    entity["value"] = stored_value(entity["value"])
        elif isinstance(event, SlotSet) and isinstance(event.value, str):
            event.value = texts.get(event.value) or stored_value(event.value)
        saved.append(event)
    return saved


def write_ahead(connection: sqlite3.Connection, _record: Any) -> None:
    """SQLite in write-ahead mode, synced at checkpoints: half the time per message.

    A power cut can lose the last messages, never corrupt the file.
    """
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


class RedactingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL store; `host` may be a whole database URL (postgresql://…)."""

    def __init__(
        self, dialect: Text = "sqlite", db: Text = "rasa.db", host: Optional[Text] = None, **kwargs: Any
    ) -> None:
        if dialect == "sqlite" and not host:
            check_sqlite_file(db)
        super().__init__(dialect=dialect, db=db, host=host, **kwargs)
        if self.engine.dialect.name == "sqlite":
            # One connection kept open for the thread that serves the messages, instead of
            # SQLAlchemy's default for a file (open, set up and close one for each query).
            self.engine = create_engine(self.engine.url, poolclass=SingletonThreadPool)
            sqlalchemy_event.listen(self.engine, "connect", write_ahead)
            self.sessionmaker = sessionmaker(bind=self.engine)

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> List[Event]:
        """The events `save` writes (those not stored yet), as they are kept."""
        return stored_events(list(super()._additional_events(session, tracker)))
