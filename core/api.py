"""Conventions every open-data endpoint follows (``/api/v1/``).

- Lists use django-ninja's own pagination with :class:`PagePagination`: the view returns a
  queryset (or :class:`Serialized` to turn each object of the page into a dict) and
  declares ``response=list[ItemOut]``; the answer is ``{"count": N, "items": [...]}`` and
  ``?page=`` (1-based, at most :data:`MAX_PAGE`) is validated by the schema::

      @router.get("/", response=responses(list[ItemOut]))
      @paginated
      def list_items(request):
          return Serialized(Item.objects.order_by("pk"), item_out)

- ``many=True``: ``serialize`` takes the page's objects as one list and returns their dicts, for
  lists that read a page's related rows in one query each (e.g. from ``.values()`` rows, without
  building model instances).
- A list whose answer is the same for every visitor passes ``cached=True``: the page of items
  (count included) is a fragment (``core.cache.cached_fragment``) keyed by the full path with its
  query string and the path's content version, so it is rebuilt as soon as its content changes;
  ``vary=`` names anything else it depends on (today's date for a status computed from dates).
  Never for an answer that depends on the user.
- Every operation documents the 4xx it can answer (:func:`responses`): 422 for a query or
  path parameter that fails validation (``{"detail": [...]}``), 404 for an unknown object
  (``{"detail": "Not Found"}``).
- Translated text is an object keyed by language, ``{"zh-hant": ..., "en": ...}``,
  ``null`` where a language is missing.
- Dates are ISO 8601. No personal contact data, ever.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, get_type_hints

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Path, Query, Schema
from ninja.pagination import PaginationBase, paginate
from ninja.schema import DjangoGetter
from pydantic import ModelWrapValidatorHandler, ValidationInfo, model_validator

__all__ = [
    "MAX_PAGE",
    "ErrorOut",
    "Id",
    "Number",
    "OutSchema",
    "PageInput",
    "PagePagination",
    "Serialized",
    "Slug",
    "SlugOrId",
    "Translated",
    "ValidationErrorOut",
    "paginated",
    "responses",
]

Translated = dict[str, str | None]

# Deep enough for any list of this site, small enough that the offset never overflows a database.
MAX_PAGE = 100_000
# The largest primary key any database of the project stores (a 64-bit signed integer).
MAX_ID = 2**63 - 1

# Path and query parameters with bounds, so that the schema says what the server accepts and an
# out-of-range value is a documented 422, never a database error.
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="The object's id.")]
Number = Annotated[int, Path(ge=1, le=32767, description="The commitment's number in its plan.")]
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,100}$"
Slug = Annotated[str | None, Query(None, pattern=SLUG_PATTERN, description="An action plan's slug.")]
SlugOrId = Annotated[str, Path(pattern=SLUG_PATTERN, description="An action plan's id or slug.")]


class OutSchema(Schema):
    """The schema of an answer built as dicts (the ``*_out`` functions): a dict is validated by
    pydantic as it is. ninja's ``Schema`` wraps every object, nested ones included, in an attribute
    getter first (for model instances), which made validating the forums list (some 3,400 nested
    objects) three quarters of the cost of serving it from the fragment cache. Anything else
    (a model instance) still goes through that getter."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values: Any, handler: ModelWrapValidatorHandler, info: ValidationInfo) -> Any:
        if isinstance(values, dict):
            return handler(values)
        return handler(DjangoGetter(values, cls, info.context))


class ErrorOut(Schema):
    """An error answer: ``{"detail": "Not Found"}``."""

    detail: str


class ValidationErrorOut(Schema):
    """A parameter failed validation: one entry per problem (where, what, why)."""

    detail: list[dict[str, Any]]


def responses(ok: Any, *, not_found: bool = False) -> dict[int, Any]:
    """The ``response=`` of an operation: ``ok`` for 200 plus the 4xx it can answer."""
    answers: dict[int, Any] = {200: ok, 422: ValidationErrorOut}
    if not_found:
        answers[404] = ErrorOut
    return answers


class PageInput(Schema):
    """``?page=``: 1-based, at most :data:`MAX_PAGE`."""

    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, 1-based.")


@dataclass(frozen=True)
class Serialized:
    """A queryset whose objects are turned into dicts by ``serialize`` once paginated
    (only the objects of the requested page are serialised)."""

    queryset: QuerySet
    serialize: Callable[[Any], Any]
    count: int | None = None  # a stored counter: no COUNT(*) query
    # The page is the same for every visitor: cache it by path, query string and content version.
    cached: bool = False
    # What else a cached page depends on (e.g. today's date, for a status computed from dates).
    vary: tuple = ()
    # ``serialize`` takes the page's objects as one list (reads their related rows once a page).
    many: bool = False


class PagePagination(PaginationBase):
    """``?page=`` (1-based) pagination answering ``{"count", "items"}``, two queries whatever
    the length (one for a last page that is not full: its items tell the count);
    ``settings.API_PAGE_SIZE`` items a page."""

    Input = PageInput

    class Output(Schema):
        count: int
        items: list[Any]

    def paginate_queryset(self, queryset: Any, pagination: PageInput, request: HttpRequest, **params: Any) -> dict:
        """The requested page of ``queryset`` (a queryset or :class:`Serialized`)."""
        if isinstance(queryset, Serialized) and queryset.cached:
            from core.cache import cached_fragment

            chosen = queryset
            return cached_fragment(
                ("api-page", request.get_full_path(), *queryset.vary), lambda: self._page(chosen, pagination.page)
            )
        if isinstance(queryset, Serialized):
            return self._page(queryset, pagination.page)
        return self._page(Serialized(queryset, lambda item: item), pagination.page)

    def _page(self, serialized: Serialized, page: int) -> dict:
        per_page = settings.API_PAGE_SIZE
        queryset = serialized.queryset
        start = (page - 1) * per_page
        if serialized.count is not None:
            count = serialized.count
            if start >= count:
                return {"count": count, "items": []}
            chosen = list(queryset[start : start + per_page])
        else:
            chosen = list(queryset[start : start + per_page])
            # A page neither empty nor full is the last one: the count is known without a COUNT(*).
            count = start + len(chosen) if 0 < len(chosen) < per_page else self._items_count(queryset)
            if start >= count:
                return {"count": count, "items": []}
        if serialized.many:
            return {"count": count, "items": serialized.serialize(list(chosen))}
        return {"count": count, "items": [serialized.serialize(item) for item in chosen]}


def paginated(func: Callable[..., Any]) -> Callable[..., Any]:
    """``ninja.pagination.paginate(PagePagination)`` for ``func``.

    ninja reads the wrapper's module to resolve string annotations (``from __future__ import
    annotations``), so they are resolved here first, in ``func``'s own module.
    """
    func.__annotations__ = get_type_hints(func, include_extras=True)
    return paginate(PagePagination)(func)
