"""Who sees which uploaded document or image in the admin: choosers and the admin API.

Wagtail grants "choose" per collection, so every staff member with it would see every document
of the collection, drafts' attachments of other forums and agencies included (issue 10). The
scope here is one rule: NDC editors (and superusers) see every file; other staff see the files
they uploaded themselves. The hooks are registered by ``core/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet

from .permissions import is_ndc_editor


def files_visible_to(user, queryset: QuerySet) -> QuerySet:
    """Documents or images ``user`` may see in a chooser or the admin API."""
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser or is_ndc_editor(user):
        return queryset
    return queryset.filter(uploaded_by_user=user)


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents, limited like the chooser (listing, detail and find)."""

    def get_queryset(self):
        return files_visible_to(self.request.user, super().get_queryset())


def register() -> None:
    @hooks.register("construct_document_chooser_queryset")
    def _documents(documents, request):
        return files_visible_to(request.user, documents)

    @hooks.register("construct_image_chooser_queryset")
    def _images(images, request):
        return files_visible_to(request.user, images)

    # After wagtail.documents' own hook (same endpoint name: the last registration wins).
    @hooks.register("construct_admin_api", order=100)
    def _admin_api(router):
        router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
