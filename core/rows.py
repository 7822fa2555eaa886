"""Rows written by one INSERT compiled once per model, for hot write paths (a queued task's row).

``Model.objects.create`` compiles its INSERT on every call (``SQLInsertCompiler``); for a row of
a fixed shape the statement is the same each time, so it is built once. Everything else is as
the ORM does it: ``pre_save`` and ``post_save`` are sent, and values are prepared by each field
(``pre_save`` then ``get_db_prep_save``: ``auto_now_add``, JSON, UUIDs, time zones). A key the
database generates (an ``AutoField``) is read back with ``RETURNING`` (PostgreSQL, SQLite).
Models with multi-table inheritance are refused (several rows).
"""

from __future__ import annotations

from functools import cache

from django.db import connections, router
from django.db.models import Field, Model
from django.db.models.fields import AutoFieldMixin
from django.db.models.signals import post_save, pre_save


@cache
def _insert(model: type[Model], alias: str) -> tuple[str, tuple[Field, ...], Field | None]:
    """The INSERT of one row of ``model`` on ``alias``, the fields of its placeholders and the
    key the database generates (read back by ``RETURNING``), if any."""
    meta = model._meta
    if meta.parents:
        raise TypeError(f"{meta.label}: multi-table inheritance writes several rows")
    connection = connections[alias]
    generated = meta.pk if isinstance(meta.pk, AutoFieldMixin) else None
    if generated is not None and not connection.features.can_return_columns_from_insert:
        raise TypeError(f"{meta.label}: {connection.vendor} cannot return a generated key")
    fields = tuple(
        field
        for field in meta.local_concrete_fields
        if field is not generated and not getattr(field, "generated", False)
    )
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names only
    if generated is not None:
        sql += f" RETURNING {quote(generated.column)}"
    return sql, fields, generated


def insert_prepared(obj: Model, alias: str) -> tuple[str, tuple[Field, ...], list, Field | None]:
    """What inserting ``obj`` on ``alias`` needs, ``pre_save`` sent: the INSERT (with ``RETURNING``
    of a generated key), its fields, their prepared values and the generated key field, if any.
    For a caller that runs the INSERT inside a larger statement, then calls :func:`inserted`."""
    model = type(obj)
    connection = connections[alias]
    sql, fields, generated = _insert(model, alias)
    if generated is not None and obj.pk is not None:
        raise TypeError(f"{model._meta.label}: the database gives the key; leave it unset")
    obj._prepare_related_fields_for_save(operation_name="save")
    pre_save.send(sender=model, instance=obj, raw=False, using=alias, update_fields=None)
    params = [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
    return sql, fields, params, generated


def inserted(obj: Model, alias: str, key=None) -> Model:
    """``obj`` is stored on ``alias`` (``key``: the key the database gave it): ``post_save`` (created)."""
    model = type(obj)
    if key is not None:
        obj.pk = key
    obj._state.adding = False
    obj._state.db = alias
    post_save.send(sender=model, instance=obj, created=True, update_fields=None, raw=False, using=alias)
    return obj


def insert_row(obj: Model, *, using: str | None = None) -> Model:
    """Insert ``obj`` as ``save()`` of a new object does: ``pre_save``, the INSERT (a generated key
    read back onto ``obj``), ``post_save`` (created). Errors are Django's (``IntegrityError``)."""
    alias = using or router.db_for_write(type(obj), instance=obj)
    sql, _fields, params, generated = insert_prepared(obj, alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        key = cursor.fetchone()[0] if generated is not None else None
    return inserted(obj, alias, key)
