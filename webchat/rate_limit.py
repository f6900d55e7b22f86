"""At most `limit` messages per `period` seconds from one session."""

import time
from typing import Callable, Dict, List, Text

MAX_TRACKED_SESSIONS = 10_000


class RateLimiter:
    def __init__(self, limit: int, period: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.period, self.clock = limit, period, clock
        self.times: Dict[Text, List[float]] = {}

    def allow(self, session: Text) -> bool:
        """Counts one message from the session; False when it is over the limit."""
        now = self.clock()
        if len(self.times) > MAX_TRACKED_SESSIONS:
            self.times = {key: ts for key, ts in self.times.items() if now - ts[-1] < self.period}
        recent = [t for t in self.times.get(session, []) if now - t < self.period]
        allowed = len(recent) < self.limit
        if allowed:
            recent.append(now)
        self.times[session] = recent
        return allowed
