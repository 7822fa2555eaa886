"""A paginator told its count (a stored counter) instead of counting the rows (issue 11)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    """``Paginator`` whose ``count`` is given (e.g. a stored counter): no ``COUNT(*)`` query."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class CachedSlices:
    """Slices of ``items`` (a queryset or anything sliceable), each turned into a list by
    ``serialize`` and cached as a fragment (``core.cache.cached_fragment``: by ``parts``, the slice,
    the language and the content version). For API lists whose page is the same for everyone:
    ``Serialized(CachedSlices(parts, queryset, item_out), lambda item: item, count=...)``."""

    def __init__(self, parts: tuple, items, serialize):
        self.parts = parts
        self.items = items
        self.serialize = serialize

    def __getitem__(self, index: slice) -> list:
        from core.cache import cached_fragment

        if not isinstance(index, slice):
            raise TypeError("CachedSlices supports slices only")

        def build() -> dict:
            return {"items": [self.serialize(item) for item in self.items[index]]}

        return cached_fragment((*self.parts, index.start, index.stop), build)["items"]
