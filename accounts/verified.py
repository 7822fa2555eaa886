"""Whether a user has confirmed an email address (K-6.1.2, T-3), folded into a query a write
path runs anyway.

Each app's ``permissions.is_verified(user)`` asks allauth's ``EmailAddress`` once per request
and remembers the answer on the user (``user._verified_email``). A write that reads its own row
first (the consultation of a comment, the proposal of a second) annotates that query with
:func:`fold_verified` and hands the answer over with :func:`take_verified`: the same answer,
one SQL round trip fewer.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

ANNOTATION = "user_verified"


def fold_verified(queryset: QuerySet, user) -> QuerySet:
    """``queryset`` annotated with whether ``user`` has a confirmed email address; unchanged for
    visitors, or when the answer is already known."""
    if not user.is_authenticated or getattr(user, "_verified_email", None) is not None:
        return queryset
    from allauth.account.models import EmailAddress

    # The same EXISTS as Exists(EmailAddress.objects.filter(...)) written out: a subquery
    # expression costs more Python to compile than the separate query it replaces.
    table = connection.ops.quote_name(EmailAddress._meta.db_table)
    sql = f"EXISTS (SELECT 1 FROM {table} WHERE {table}.user_id = %s AND {table}.verified)"  # noqa: S608 - no input
    return queryset.annotate(**{ANNOTATION: RawSQL(sql, (user.pk,), output_field=BooleanField())})


def take_verified(obj, user) -> None:
    """Remember on ``user`` the answer :func:`fold_verified` read with ``obj`` (if it did)."""
    value = getattr(obj, ANNOTATION, None)
    if value is not None and user.is_authenticated:
        user._verified_email = bool(value)
