"""Where conversations are kept: the tracker store (SQLite or PostgreSQL), the
lock store (in memory or Redis) and `make purge`."""
