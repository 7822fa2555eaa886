"""Wagtail's workflow names and emails speak the reader's language (rule F-7, issue 12).

Workflow and task names are stored as English msgids (``core.stored_names``) and read in the
active language: the Chinese admin shows Chinese, the English admin English. Wagtail's own
notification emails are written in the recipient's ``preferred_language`` (our accounts field),
not in the language of Wagtail's admin profile.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.forms.models import model_to_dict
from django.utils import translation
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from core.stored_names import PAGE_TASK_NAME, PAGE_WORKFLOW_NAME, names_rename_legacy
from core.wagtail_mail import speaking_their_language
from minutes.services import TASK_NAME, WORKFLOW_NAME, workflows_setup
from tests.factories import UserFactory

from .conftest import make_minutes

pytestmark = pytest.mark.django_db


def test_rule_F_7_workflow_and_task_names_follow_the_active_language(workflow):
    task = workflow.tasks.get()
    with translation.override("zh-hant"):
        assert workflow.name == "國發會審核會議紀錄" and str(workflow) == "國發會審核會議紀錄"
        assert task.name == "國發會編輯審核會議紀錄" and task.specific.name == "國發會編輯審核會議紀錄"
    with translation.override("en"):
        assert workflow.name == "NDC approval of minutes"
        assert str(task.specific) == "Minutes review by NDC editors"
    # The column keeps the msgid, also after a save in Chinese.
    with translation.override("zh-hant"):
        workflow.active = True
        workflow.save()
    assert Workflow.objects.filter(pk=workflow.pk).values_list("name", flat=True).get() == WORKFLOW_NAME


def test_rule_F_7_names_typed_by_an_editor_are_shown_as_typed(db):
    typed = Workflow.objects.create(name="Status", active=True)  # an msgid elsewhere, not registered
    with translation.override("zh-hant"):
        assert Workflow.objects.get(pk=typed.pk).name == "Status"


def test_rule_F_7_admin_edit_form_keeps_the_stored_name(workflow):
    with translation.override("zh-hant"):
        assert model_to_dict(workflow)["name"] == WORKFLOW_NAME  # what a ModelForm starts from


def test_rule_F_7_existing_sites_get_the_translatable_names(db):
    old_workflow = Workflow.objects.create(name="國發會審核會議紀錄 (NDC approval of minutes)", active=True)
    old_task = Task.objects.create(name="國發會編輯審核 (review by NDC editors)")
    Workflow.objects.filter(name=PAGE_WORKFLOW_NAME).update(name="Moderators approval")
    Task.objects.filter(name=PAGE_TASK_NAME).update(name="Moderators approval")
    workflows_setup()
    names_rename_legacy()
    assert Workflow.objects.filter(pk=old_workflow.pk, name=WORKFLOW_NAME).exists()
    assert Task.objects.filter(pk=old_task.pk, name=TASK_NAME).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    with translation.override("zh-hant"):
        assert Workflow.objects.get(name=PAGE_WORKFLOW_NAME).name == "頁面審核（國發會編輯）"


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_rule_F_7_admin_shows_the_task_name_in_the_admin_language(client, workflow, meeting, users, language):
    """The admin (unprefixed ``/admin/``) is Chinese unless the editor chose English in Wagtail's
    account settings; the dashboard's "awaiting your review" panel names the task in that language."""
    minutes = make_minutes(meeting, publish=False, user=users["convener"])
    workflow.start(minutes, users["convener"])
    UserProfile.objects.update_or_create(user=users["ndc_editor"], defaults={"preferred_language": language})
    client.force_login(users["ndc_editor"])
    html = client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html
    name = "國發會編輯審核會議紀錄" if language == "zh-hant" else "Minutes review by NDC editors"
    assert name in html
    assert (TASK_NAME in html) == (language == "en")


def _mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_rule_F_7_wagtail_workflow_emails_use_the_recipients_preferred_language(
    workflow, meeting, users, django_capture_on_commit_callbacks
):
    english_editor = UserFactory(email="en-editor@example.org", roles=["ndc_editor"], preferred_language="en")
    chinese_editor = users["ndc_editor"]
    convener = users["convener"]
    convener.preferred_language = "en"
    convener.save(update_fields=["preferred_language"])
    # Wagtail's own profile says the opposite: it must not decide the language of our mails.
    for user, language in ((english_editor, "zh-hant"), (chinese_editor, "en"), (convener, "zh-hant")):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    minutes = make_minutes(meeting, publish=False, user=convener)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), translation.override("zh-hant"):
        workflow.start(minutes, convener)
    submitted_en = _mails_to(english_editor.email)
    submitted_zh = _mails_to(chinese_editor.email)
    assert submitted_en and submitted_zh
    assert "Minutes review by NDC editors" in submitted_en[0].subject and "審核" not in submitted_en[0].body
    assert "國發會編輯審核會議紀錄" in submitted_zh[0].subject and "Minutes review" not in submitted_zh[0].body
    assert "submitted" in submitted_en[0].subject
    # Wagtail's own sentence is Chinese too (its catalogue lacks the snippet forms: ours has them).
    assert "has been" not in submitted_zh[0].subject + submitted_zh[0].body
    assert "已送交" in submitted_zh[0].subject + submitted_zh[0].body
    mail.outbox.clear()
    state = minutes.current_workflow_state
    with django_capture_on_commit_callbacks(execute=True), translation.override("zh-hant"):
        state.current_task_state.task.specific.on_action(state.current_task_state, chinese_editor, "approve")
    approved = _mails_to(convener.email)
    assert approved, [m.to for m in mail.outbox]
    assert "approved" in approved[0].subject and "NDC approval of minutes" in approved[0].subject
    assert "核" not in approved[0].subject + approved[0].body


def test_speaking_their_language_saves_nothing(users):
    editor = users["ndc_editor"]
    editor.preferred_language = "en"
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "zh-hant"})
    (user,) = speaking_their_language([editor])
    assert user.wagtail_userprofile.get_preferred_language() == "en"
    assert UserProfile.objects.get(user=editor).preferred_language == "zh-hant"
