"""Authentication backends: Django's and allauth's, with the signed-in user read by one
written-out SELECT.

Every request of a signed-in user loads its user row (``AuthenticationMiddleware`` →
``backend.get_user``). Django's backends do it with ``_default_manager.get(pk=...)``, whose
query compilation costs about three times the Python of the row itself (measured: 0.33 ms
against 0.10 ms of CPU per load, on every comment, second and signed-in page). The rows are the
same: every concrete column, from the database the router reads the user model from, built with
``Model.from_db`` as the ORM does (``user_can_authenticate`` still refuses inactive users).

Settings name these classes in ``AUTHENTICATION_BACKENDS``; a session records the path of the
backend that signed it in, so a session signed by a backend no longer listed is signed out.
"""

from __future__ import annotations

from functools import cache

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router


@cache
def _select(alias: str) -> tuple[str, list[str], list[tuple[int, list, object]]]:
    """The SELECT of one user by id on database ``alias``, the attribute names of its columns and
    the converters of each column that has some (as the ORM's compiler applies them)."""
    model = get_user_model()
    meta = model._meta
    connection = connections[alias]
    quote = connection.ops.quote_name
    fields = meta.concrete_fields
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608 - names only
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if found:
            converters.append((index, found, column))
    return sql, [field.attname for field in fields], converters


def user_by_id(user_id):
    """The user whose primary key is ``user_id`` (as a session stores it), or None."""
    model = get_user_model()
    try:
        pk = model._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    alias = router.db_for_read(model)
    connection = connections[alias]
    sql, names, converters = _select(alias)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, functions, column in converters:
        for function in functions:
            values[index] = function(values[index], column, connection)
    return model.from_db(alias, names, values)


class QuickUserMixin:
    """``get_user`` by :func:`user_by_id` (one written-out SELECT)."""

    def get_user(self, user_id):
        user = user_by_id(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(QuickUserMixin, DjangoModelBackend):
    """Django's username/password backend (the admin's sign-in), with the quick user load."""


class AuthenticationBackend(QuickUserMixin, AllauthBackend):
    """allauth's backend (sign-in by email on the public site), with the quick user load."""
