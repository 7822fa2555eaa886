"""Minutes are written from the meeting: a "Write minutes" action on the meeting, the meeting chosen
already and agenda choices limited to that meeting's items."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from forum.models import Meeting
from minutes.models import Minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_accounts):
    call_command("load_demo", verbosity=0)
    return demo_accounts


def test_meeting_listing_offers_write_or_edit_minutes(client, demo):
    client.force_login(demo["convener"])
    html = client.get("/admin/snippets/forum/meeting/").content.decode()
    with_minutes = Meeting.objects.filter(minutes__isnull=False).first()
    assert with_minutes is not None
    assert f"/admin/snippets/minutes/minutes/edit/{with_minutes.minutes.pk}/" in html
    assert "編輯會議紀錄" in html or "Edit minutes" in html


def test_write_minutes_starts_from_the_meeting_with_its_agenda_only(client, demo, make_meeting_without_minutes):
    meeting = make_meeting_without_minutes
    client.force_login(demo["convener"])
    html = client.get("/admin/snippets/forum/meeting/").content.decode()
    assert f"/admin/snippets/minutes/minutes/add/?meeting={meeting.pk}" in html
    response = client.get(f"/admin/snippets/minutes/minutes/add/?meeting={meeting.pk}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.instance.meeting_id == meeting.pk
    sections = form.formsets["sections"]
    choices = set(sections.empty_form.fields["agenda_item"].queryset.values_list("pk", flat=True))
    assert choices == set(meeting.agenda_items.values_list("pk", flat=True))


def test_a_meeting_of_another_forum_is_not_preselected(client, demo, make_meeting_without_minutes):
    from core.roles import CONVENER
    from forum.models import Forum
    from tests.factories import UserFactory

    other = Forum.objects.exclude(pk=make_meeting_without_minutes.forum_id).first()
    assert other is not None
    client.force_login(UserFactory(roles=[CONVENER], forums=[other]))
    response = client.get(f"/admin/snippets/minutes/minutes/add/?meeting={make_meeting_without_minutes.pk}")
    assert response.status_code == 200
    assert response.context["form"].instance.meeting_id is None


def test_staff_without_minutes_rights_are_refused_the_form(client, demo, make_meeting_without_minutes):
    from tests.refusals import ADMIN_REFUSAL, refusal

    client.force_login(demo["moderator"])
    response = client.get(f"/admin/snippets/minutes/minutes/add/?meeting={make_meeting_without_minutes.pk}")
    assert refusal(response) == ADMIN_REFUSAL


@pytest.fixture
def make_meeting_without_minutes(demo):
    import datetime as dt

    from forum.models import AgendaItem

    forum = Meeting.objects.filter(minutes__isnull=False).first().forum
    meeting = Meeting.objects.create(
        forum=forum,
        title_zh_hant="第三次會議",
        title_en="Third meeting",
        starts_at=dt.datetime(2020, 9, 1, 6, 0, tzinfo=dt.UTC),
        place_zh_hant="會議室",
    )
    for position in (1, 2):
        AgendaItem.objects.create(meeting=meeting, position=position, title_zh_hant=f"議題{position}")
    assert not Minutes.objects.filter(meeting=meeting).exists()
    return meeting


def test_minutes_show_decisions_with_the_forum_decision_template(client, demo):
    minutes = Minutes.objects.filter(live=True).first()
    html = client.get(minutes.get_absolute_url()).content.decode()
    assert 'class="decision" data-outcome=' in html
    assert 'class="explanation"' in html
