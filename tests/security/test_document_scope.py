"""Issue 10, "choosers ... object-scoped": staff see in the document and image choosers and the
admin API only the files they uploaded; NDC editors see every file."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def _document(title: str, user) -> Document:
    document = Document(title=title, collection=Collection.get_first_root_node(), uploaded_by_user=user)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    return document


def test_chooser_and_admin_api_show_only_own_uploads_to_staff(world):
    convener, officer = world.users["convener"], world.users["officer"]
    mine = _document("convener-draft-attachment", convener)
    theirs = _document("officer-draft-attachment", officer)

    chooser = world.clients["convener"].get("/admin/documents/chooser/")
    assert chooser.status_code == 200
    body = chooser.content.decode()
    assert mine.title in body and theirs.title not in body

    api = world.clients["convener"]
    listing = api.get("/admin/api/main/documents/").json()
    titles = {item["title"] for item in listing["items"]}
    assert mine.title in titles and theirs.title not in titles
    assert api.get(f"/admin/api/main/documents/{theirs.pk}/").status_code == 404
    assert api.get(f"/admin/api/main/documents/{mine.pk}/").status_code == 200


def test_ndc_editor_sees_every_document(world):
    document = _document("officer-upload", world.users["officer"])
    body = world.clients["ndc_editor"].get("/admin/documents/chooser/").content.decode()
    assert document.title in body
    assert world.clients["ndc_editor"].get(f"/admin/api/main/documents/{document.pk}/").status_code == 200
