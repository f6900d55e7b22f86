"""The SQL tracker store, with personal data removed before anything is saved.

endpoints.yml selects it (`type: webchat.tracker_store.RedactingSQLTrackerStore`),
so every channel, the REST one too, goes through `redact` before the database.
The database is TRACKER_STORE_URL when set (e.g. PostgreSQL, shared by several
servers), else the SQLite file SQLITE_TRACKER_DB.
"""
import sqlite3
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.orm import Session

from webchat.privacy import redact

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
            f"Cannot open the conversation database '{db}' ({error}). "
            f"Set {DB_SETTING} to a file in a writable folder."
        ) from None


def redact_text_fields(data: Dict[Text, Any]) -> None:
    """Redacts, in place, the "text" and "value" strings of a dict."""
    for key in ("text", "value"):
        if isinstance(data.get(key), str):
            data[key] = redact(data[key]).text


def redact_event(event: Event) -> None:
    """Redacts the user's words and the slots filled from them, in place."""
    if isinstance(event, UserUttered):
        if event.text:
            event.text = redact(event.text).text
        redact_text_fields(event.parse_data)
        for entity in event.entities + event.parse_data.get("entities", []):
            redact_text_fields(entity)
    elif isinstance(event, SlotSet) and isinstance(event.value, str):
        event.value = redact(event.value).text


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
            sqlalchemy_event.listen(self.engine, "connect", write_ahead)

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> List[Event]:
        """The events `save` writes (those not stored yet): only they are redacted."""
        events = list(super()._additional_events(session, tracker))
        for event in events:
            redact_event(event)
        return events
