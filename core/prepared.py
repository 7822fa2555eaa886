"""Read querysets of a fixed shape, compiled once per process (``PreparedQuery``).

Compiling an ORM query (its joins, the selected columns, their quoting and converters) costs the
web process more CPU than PostgreSQL takes to run it once prepared (config/settings/base.py): on
a minutes page, about a fifth of the request (bench/README.md, "Queries compiled once"). A
``PreparedQuery`` wraps a function of integer arguments that builds a queryset. Its first call in
a process, per language and database read from, builds and compiles the queryset once with stand-in
values and remembers where each argument sits among the query's parameters; every call then runs
that SQL with the real values and builds the model instances as the ORM does (Django's
``ModelIterable``: ``select_related`` objects populated, annotations set, converters applied).

The build function must depend on its arguments only (no "today", no user, no setting read per
request): anything else in it is fixed at the first call. Its arguments must be integers, each
used as a query parameter (a primary or foreign key, say).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators
from django.db.models.sql.compiler import SQLCompiler
from django.utils.translation import get_language

# Stand-in values no key takes (negative, near the bottom of a bigint), one per argument.
_STAND_IN = -7_340_032_917_000_000_000
_BIGINT_MIN, _BIGINT_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class _Compiled:
    """One compiled form of a ``PreparedQuery``: its SQL, parameters, the positions of each
    argument among them, and what builds instances from its rows."""

    alias: str
    sql: str
    params: tuple
    positions: tuple[tuple[int, ...], ...]
    compiler: SQLCompiler
    model: type[Model]
    model_slice: tuple[int, int]
    init_list: tuple[str, ...]
    populators: tuple
    annotations: tuple[tuple[str, int], ...]


class PreparedQuery:
    """A queryset builder of integer arguments whose SQL is compiled once per process, database
    and language; ``objects(*args)`` runs it and returns the model instances."""

    def __init__(self, build: Callable[..., QuerySet], arity: int = 1) -> None:
        self.build = build
        self.arity = arity
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._model: type[Model] | None = None
        self._lock = threading.Lock()

    def queryset(self, *args: int) -> QuerySet:
        """The queryset itself, for the ORM (uncompiled until evaluated)."""
        return self.build(*args)

    def objects(self, *args: int) -> list[Model]:
        """The instances ``list(self.queryset(*args))`` gives, from the SQL compiled once."""
        if len(args) != self.arity or not all(type(value) is int for value in args):
            raise TypeError(f"PreparedQuery takes {self.arity} integer argument(s), not {args!r}")
        if not all(_BIGINT_MIN <= value <= _BIGINT_MAX for value in args):
            return []  # no key takes it (the ORM's lookups likewise find nothing)
        # The database the ORM would read from now (a replica, or the primary inside a write
        # transaction: core/db_router.py), asked on every call as the ORM does.
        language = get_language() or ""
        compiled = None
        if self._model is not None:
            compiled = self._compiled.get((language, router.db_for_read(self._model)))
        if compiled is None:
            compiled = self._compile(language)
        params = list(compiled.params)
        for positions, value in zip(compiled.positions, args, strict=True):
            for position in positions:
                params[position] = value
        with connections[compiled.alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return self._instances(compiled, rows)

    def _compile(self, language: str) -> _Compiled:
        stand_ins = [_STAND_IN - index for index in range(self.arity)]
        queryset = self.build(*stand_ins)
        key = (language, queryset.db)
        with self._lock:
            if key in self._compiled:
                return self._compiled[key]
            if queryset._known_related_objects or queryset._prefetch_related_lookups or queryset._fields:
                raise ValueError("PreparedQuery builds plain model querysets (no related manager, prefetch or values)")
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
            positions = tuple(
                tuple(index for index, param in enumerate(params) if param == stand_in) for stand_in in stand_ins
            )
            if not all(positions):
                raise ValueError("each argument of a PreparedQuery must be a parameter of its query")
            klass_info = compiler.klass_info
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            compiled = _Compiled(
                alias=queryset.db,
                sql=sql,
                params=tuple(params),
                positions=positions,
                compiler=compiler,
                model=klass_info["model"],
                model_slice=(start, end),
                init_list=tuple(column[0].target.attname for column in compiler.select[start:end]),
                populators=tuple(get_related_populators(klass_info, compiler.select, queryset.db)),
                annotations=tuple((compiler.annotation_col_map or {}).items()),
            )
            self._compiled[key] = compiled
            self._model = queryset.model
            return compiled

    @staticmethod
    def _instances(compiled: _Compiled, rows: list[tuple]) -> list[Model]:
        start, end = compiled.model_slice
        from_db = compiled.model.from_db
        init_list = list(compiled.init_list)
        instances = []
        for row in compiled.compiler.results_iter(results=[rows]):
            obj = from_db(compiled.alias, init_list, row[start:end])
            for populator in compiled.populators:
                populator.populate(row, obj)
            for name, position in compiled.annotations:
                setattr(obj, name, row[position])
            instances.append(obj)
        return instances


def prepared_as_queryset(prepared: PreparedQuery, *args: int) -> QuerySet:
    """``prepared.queryset(*args)`` already evaluated by ``prepared.objects(*args)``: iterating it
    runs no query, a further ``.filter()`` asks the database as usual."""
    queryset = prepared.queryset(*args)
    queryset._result_cache = prepared.objects(*args)
    queryset._prefetch_done = True
    return queryset


__all__ = ["PreparedQuery", "prepared_as_queryset"]
