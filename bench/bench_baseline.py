"""Baselines of the run: a one-line Django view; the home and a commitment page with the
page cache off (fragments cached, as in production) and with it on (anonymous visitors)."""

from __future__ import annotations

from django.core.cache import cache
from django.test import Client
from django.test.utils import override_settings

from .common import Report, requests_per_second

PAGES = [("home page (zh)", "/"), ("commitment page (en)", "/en/plans/2020-2024/commitments/4/")]


def run(report: Report) -> None:
    client = Client()
    baseline = requests_per_second(client, "/__bench__/ok/")
    report.baselines["one_line_view"] = baseline
    report.add("baseline: one-line Django view", baseline, "req/s")
    for name, url in PAGES:
        rate = requests_per_second(client, url)
        report.add(f"{name}, no page cache", rate, "req/s", f"{100 * rate / baseline:.1f}% of baseline (target ≥ 10%)")
    cache.clear()
    with override_settings(CACHE_MIDDLEWARE_SECONDS=60):
        client = Client()  # a new handler reads the page-cache settings
        for name, url in PAGES:
            rate = requests_per_second(client, url)
            report.add(
                f"{name}, anonymous, page cache",
                rate,
                "req/s",
                f"{100 * rate / baseline:.1f}% of baseline (target ≥ 90%)",
            )
