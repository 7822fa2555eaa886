"""Baselines of the run: a one-line Django view, and the home page uncached and cached."""

from __future__ import annotations

from django.test import Client

from .common import Report, requests_per_second


def run(report: Report) -> None:
    client = Client()
    baseline = requests_per_second(client, "/__bench__/ok/")
    report.baselines["one_line_view"] = baseline
    report.add("baseline: one-line Django view", baseline, "req/s")
    home = requests_per_second(client, "/")
    report.add("home page (zh), uncached", home, "req/s", f"{100 * home / baseline:.1f}% of baseline (target ≥ 10%)")
    home_en = requests_per_second(client, "/en/plans/2020-2024/commitments/4/")
    report.add("commitment page (en), uncached", home_en, "req/s", f"{100 * home_en / baseline:.1f}% of baseline")
