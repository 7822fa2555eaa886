"""Asserting that a page is answered from the page cache (core/middleware.py)."""

from __future__ import annotations

from django.urls.resolvers import URLResolver


def served_from_page_cache(client, monkeypatch, path: str, django_assert_num_queries):
    """The second anonymous GET of ``path``: no query, no URL resolved (no view reached), same body."""
    first = client.get(path)
    assert first.status_code == 200 and not first.cookies

    def no_view(*args, **kwargs):
        raise AssertionError(f"{path} reached the URL resolver: not answered from the page cache")

    with monkeypatch.context() as patch, django_assert_num_queries(0):
        patch.setattr(URLResolver, "resolve", no_view)
        second = client.get(path)
    assert second.status_code == 200 and second.content == first.content
    return first
