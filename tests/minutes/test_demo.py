"""Demo data: published bilingual minutes of the first 2020 meeting, a draft lacking English (F-7)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from minutes.models import Minutes

pytestmark = pytest.mark.django_db


def test_demo_minutes_idempotent():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    minutes = list(Minutes.objects.filter(meeting__forum__commitment__number=4).order_by("meeting__starts_at"))
    assert len(minutes) == 2
    first, second = minutes
    assert first.live and first.meeting.starts_at.year == 2020 and first.languages_complete == ["zh-hant", "en"]
    assert first.sent_to_ndc_at is not None
    assert not second.live and second.languages_complete == ["zh-hant"]
    assert second.meeting.forum.staff.filter(username="convener@demo.ogp.tw").exists()
    # the second forum (commitment 11) has its own convener and draft minutes
    other = Minutes.objects.get(meeting__forum__commitment__number=11)
    assert not other.live
    assert other.meeting.forum.staff.filter(username="convener2@demo.ogp.tw").exists()
    assert not other.meeting.forum.staff.filter(username="convener@demo.ogp.tw").exists()
