"""core.count_bound: an upper bound of a growing count in the cache (unknown until seeded, raised
only while present, forgotten on demand, and never an error when the cache is down)."""

from __future__ import annotations

from core import count_bound


def test_unknown_until_seeded_then_raised_by_one():
    assert count_bound.bound_add_one("t:a") is None  # never seeded: count exactly
    assert count_bound.bound_add_one("t:a") is None  # and a miss does not start it at 1
    count_bound.bound_seed("t:a", 41)
    assert count_bound.bound_add_one("t:a") == 42
    assert count_bound.bound_add_one("t:a") == 43


def test_a_later_seed_does_not_lower_a_seeded_bound():
    count_bound.bound_seed("t:b", 10)
    count_bound.bound_seed("t:b", 3)  # a slower request's older count
    assert count_bound.bound_add_one("t:b") == 11


def test_forgotten_bound_is_unknown_again():
    count_bound.bound_seed("t:c", 5)
    count_bound.bound_forget("t:c")
    assert count_bound.bound_add_one("t:c") is None


class _Down:
    """A cache that cannot be reached."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise OSError("connection refused")

        return fail


def test_cache_down_means_unknown_and_nothing_raises(monkeypatch):
    monkeypatch.setattr(count_bound, "_cache", lambda: _Down())
    assert count_bound.bound_add_one("t:d") is None
    count_bound.bound_seed("t:d", 1)
    count_bound.bound_forget("t:d")
