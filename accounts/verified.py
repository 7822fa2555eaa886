"""Whether a user has confirmed an email address (K-6.1.2, T-3), read with the row a write path
reads anyway.

Each app's ``permissions.is_verified(user)`` asks allauth's ``EmailAddress`` once per request
and remembers the answer on the user (``user._verified_email``). A write that reads its own row
first (the consultation of a comment, the proposal of a second) reads it with
:func:`read_with_verified`: the row and the answer in one SQL round trip, the answer remembered
on the user.
"""

from __future__ import annotations

from django.db import connections, router
from django.db.models import Model

ANNOTATION = "user_verified"


def read_with_verified(model: type[Model], pk: int, fields: tuple[str, ...], user) -> Model | None:
    """The row ``pk`` of ``model`` with only ``fields`` loaded (the others deferred), or None; when
    ``user`` is signed in and the answer is not known yet, whether they have a confirmed email
    address is read in the same SELECT and remembered on ``user``.

    One statement written out (``Model.objects.raw``: the ORM's converters, no query compiler):
    on the hot write paths (a comment, a second), compiling ``filter().only().annotate()`` cost
    more Python than PostgreSQL spends running the query.
    """
    from allauth.account.models import EmailAddress

    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    meta = model._meta
    table = quote(meta.db_table)
    names = ["pk", *(name for name in fields if name != "pk")]
    columns = [meta.pk.column if name == "pk" else meta.get_field(name).column for name in names]
    select = ", ".join(f"{table}.{quote(column)}" for column in columns)
    params: list = []
    ask = user.is_authenticated and getattr(user, "_verified_email", None) is None
    if ask:
        emails = quote(EmailAddress._meta.db_table)
        select += f", EXISTS (SELECT 1 FROM {emails} WHERE {emails}.user_id = %s AND {emails}.verified) AS {ANNOTATION}"
        params.append(user.pk)
    params.append(pk)
    sql = f"SELECT {select} FROM {table} WHERE {table}.{quote(meta.pk.column)} = %s"  # noqa: S608 - names only
    row = next(iter(model._default_manager.raw(sql, params)), None)
    if row is not None and ask:
        user._verified_email = bool(getattr(row, ANNOTATION))
    return row
