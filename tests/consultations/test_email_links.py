"""Consultation emails: in the recipient's language, linking to the public site address (F-7)."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(PUBLIC_BASE_URL="https://ogp.example.tw")
def test_consultation_email_links_to_the_readers_language(
    open_consultation, post, mailoutbox, django_capture_on_commit_callbacks
):
    # rule F-7: emails in the recipient's language, linking to that language's page
    from consultations import notifications
    from tests.factories import CitizenFactory

    reader = CitizenFactory(email="english@example.org", nickname="reader", preferred_language="en")
    comment, _created = post(open_consultation, reader)
    comment.hidden_note = "off topic"
    comment.save()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # emails leave through the task queue
        notifications.comment_hidden(comment.pk)
    message = mailoutbox[-1]
    assert message.subject == "Your comment was hidden"
    assert f"https://ogp.example.tw/en{open_consultation.get_absolute_url()}" in message.body
