"""Primary + read replica: reads go to the replica, writes (and reads inside a transaction on
the primary) to the primary. Used when ``DATABASE_REPLICA_URL`` is set (docs/deploy.md)."""

from __future__ import annotations

from django.db import connections


class PrimaryReplicaRouter:
    """``default`` is the primary, ``replica`` a streaming replica of it."""

    def db_for_read(self, model, **hints):
        # Inside a write transaction, read what was just written (the replica may lag).
        if connections["default"].in_atomic_block:
            return "default"
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
