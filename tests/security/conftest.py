"""The shared world of the security tests: the demo data plus each app's own/other objects."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from .matrix import World


def _align_sequences() -> None:
    """On PostgreSQL, let new rows continue from the rows that exist (as SQLite does), so the
    world's objects get the same ids whatever earlier, rolled-back tests consumed."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


def _build_world() -> World:
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    from core.models import HomePage
    from core.services import demo_accounts_ensure

    _align_sequences()
    with mock.patch("core.pdf.cjk_font_available", return_value=False):  # no PDFs: fast, same permissions
        call_command("load_demo", verbosity=0)
    accounts = demo_accounts_ensure()
    User = get_user_model()
    users = {
        "anonymous": None,
        "citizen": User.objects.get(username="citizen@demo.ogp.tw"),
        "officer": accounts["agency_officer"],
        "convener": accounts["convener"],
        "moderator": accounts["moderator"],
        "ndc_editor": accounts["ndc_editor"],
    }
    world = World(users=users)
    home = HomePage.objects.get()
    root = Collection.get_first_root_node()
    document = Document.objects.create(title="matrix document", collection=root, file="documents/matrix.pdf")
    world.defaults = {
        "page_id": home.pk,
        "parent_page_id": home.pk,
        "page_pk": home.pk,
        "page_to_move_id": home.pk,
        "destination_id": home.pk,
        "document_id": document.pk,
        "doc_id": document.pk,
        "collection_id": root.pk,
        "image_id": 1,
        "uploaded_file_id": 1,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "action_name": "approve",
        "task_state_id": 1,
        "workflow_state_id": 1,
        "session_id": 1,
        "redirect_id": 1,
        "task_id": 1,
        "workflow_pk": 1,
        "object_id": 1,
        "token": "x",
        "filter_spec": "original",
        "kind": "zh-hant",
        "action": "delete",
        "pk": 1,
        "revision_id": home.latest_revision_id,
        "app_name": "forum",
        "app_label": "forum",
        "model_name": "noticesettings",
        "content_type_app_name": "core",
        "content_type_model_name": "contentpage",
        "uidb64": "MQ",
    }
    from . import matrix

    for module in matrix.load_rule_modules():
        if hasattr(module, "objects"):
            module.objects(world)
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data plus each app's own/other objects, rolled back after the module."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media), MINUTES_BUILD_PDFS=False), django_db_blocker.unblock():
        with transaction.atomic():
            world = _build_world()
            clients = {}
            for role, user in world.users.items():
                client = Client(raise_request_exception=False)
                if user is not None:
                    client.force_login(user)
                clients[role] = client
            world.clients = clients
            yield world
            transaction.set_rollback(True)
