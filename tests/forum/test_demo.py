"""The demo forum: balanced roster, co-convener, two 2020 meetings, every outcome (F-2.1, F-2.2, F-3.1)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from forum.models import Decision, Forum, Meeting
from forum.rules import Outcome, Role, Sector

pytestmark = pytest.mark.django_db


def test_demo_forum_has_every_outcome_and_is_idempotent(demo_accounts):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    forum = Forum.objects.get(commitment__number=4)
    assert forum.lead_agency.code == "moe"
    assert forum.roster_balance().is_balanced  # rule F-2.1
    assert forum.members.get(role=Role.CONVENER).sector == Sector.GOVERNMENT  # rule F-2.2
    assert forum.members.get(role=Role.CO_CONVENER).sector == Sector.NON_GOVERNMENT  # rule F-2.2
    assert Meeting.objects.filter(forum=forum, starts_at__year=2020).count() == 2
    decisions = Decision.objects.filter(agenda_item__meeting__forum=forum)
    assert set(decisions.values_list("outcome", flat=True)) == set(Outcome.values)
    assert decisions.count() == 4
    convener = demo_accounts["convener"]
    assert forum.staff.filter(pk=convener.pk).exists()
    assert convener.groups.filter(name="Forum conveners").exists()
    for meeting in Meeting.objects.filter(forum=forum):
        assert meeting.attendances.filter(member__isnull=True).count() == 1
        for item in meeting.agenda_items.all():
            assert item.decision.present == meeting.counted_attendance()
