"""The lock store: one message of a conversation at a time, across every server.

endpoints.yml selects it (`type: storage.lock_store.LockStoreFromUrl`, `url:
${LOCK_STORE_URL}`). With a Redis URL, Rasa's Redis lock store: several Rasa
servers, or Sanic workers, can share the conversations. Without one, Rasa's
InMemoryLockStore: one server, one worker.
"""

import json
from typing import Any, Callable, Dict, Text, TypeVar
from urllib.parse import unquote, urlsplit

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

URL_SETTING = "LOCK_STORE_URL"
REDIS_SCHEMES = {"redis": False, "rediss": True}  # scheme -> use_ssl
Result = TypeVar("Result")


class LockStoreUnavailable(RuntimeError):
    """LOCK_STORE_URL is not a Redis URL, or no Redis answers there; the message names the setting."""


def redis_settings(url: Text) -> Dict[Text, Any]:
    """RedisLockStore's arguments for redis[s]://[user:password@]host[:port][/db]."""
    parts = urlsplit(url)
    db = parts.path.strip("/")
    if parts.scheme not in REDIS_SCHEMES or not parts.hostname or (db and not db.isdigit()):
        raise LockStoreUnavailable(
            f"{URL_SETTING} must look like redis://host:6379/1 (or rediss:// for TLS, user:password@ before the host)."
        )
    settings: Dict[Text, Any] = {"host": parts.hostname, "use_ssl": REDIS_SCHEMES[parts.scheme]}
    if parts.port:
        settings["port"] = parts.port
    if db:
        settings["db"] = int(db)
    if parts.username:
        settings["username"] = unquote(parts.username)
    if parts.password:
        settings["password"] = unquote(parts.password)
    return settings


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's RedisLockStore, each change of a lock made in one Redis transaction.

    Rasa 3.6 reads a lock, changes it and writes it back in separate calls. Two
    servers doing this at once can lose a ticket (two messages of a conversation
    then run together) or bring back a finished one (the next message then waits
    until it expires). WATCH/MULTI retries a change that another one overlapped."""

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], Result]) -> Result:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as transaction:
            while True:
                try:
                    transaction.watch(key)
                    saved = transaction.get(key)
                    lock = TicketLock.from_dict(json.loads(saved)) if saved else self.create_lock(conversation_id)
                    result = change(lock)
                    transaction.multi()
                    if lock.is_someone_waiting():
                        transaction.set(key, lock.dumps())
                    else:
                        transaction.delete(key)
                    transaction.execute()
                    return result
                except redis.WatchError:
                    continue

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}")

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, TicketLock.remove_expired_tickets)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))


class LockStoreFromUrl:
    """Returns the lock store chosen by the endpoint's URL.

    Rasa loads a custom lock store by class path and calls it with the endpoint
    configuration; this class only picks the store. `url` is a Redis URL, or a
    host name with Rasa's own Redis settings beside it (port, password, db), as
    Rasa's Helm chart writes them. Redis is pinged at once, so an unreachable
    one stops the start rather than the first message."""

    def __new__(cls, endpoint_config: EndpointConfig) -> LockStore:
        url = endpoint_config.url
        if not url:
            return InMemoryLockStore()
        settings = redis_settings(url) if "://" in url else {"host": url}
        store = AtomicRedisLockStore(**{**endpoint_config.kwargs, **settings})
        try:
            store.red.ping()
        except redis.RedisError as error:
            raise LockStoreUnavailable(f"No Redis answers at {URL_SETTING} ({error}).") from None
        return store
