"""`make purge`: deletes the conversations idle for more than RETENTION_DAYS days.

Works on the tracker store of endpoints.yml (SQLite by default, PostgreSQL too).
"""

import os
import time

import sqlalchemy as sa
from rasa.utils.endpoints import read_endpoint_config

from storage.tracker_store import RedactingSQLTrackerStore

ENDPOINTS = "endpoints.yml"
DEFAULT_RETENTION_DAYS = 30


def purge(store: RedactingSQLTrackerStore, retention_days: float) -> int:
    """Deletes every conversation whose last event is older; returns how many."""
    cutoff = time.time() - retention_days * 86400
    events = store.SQLEvent
    with store.session_scope() as session:
        old = [
            sender
            for (sender,) in session.query(events.sender_id)
            .group_by(events.sender_id)
            .having(sa.func.max(events.timestamp) < cutoff)
        ]
        if old:
            session.query(events).filter(events.sender_id.in_(old)).delete(synchronize_session=False)
            session.commit()
    return len(old)


def main() -> None:
    days = float(os.environ.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS)
    config = read_endpoint_config(ENDPOINTS, "tracker_store")
    store = RedactingSQLTrackerStore(host=config.url, **config.kwargs)
    deleted = purge(store, days)
    print(f"{deleted} conversation(s) de plus de {days:g} jours supprimée(s).")


if __name__ == "__main__":
    main()
