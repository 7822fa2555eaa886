"""One permission model: who may do what to which object (docs/architecture.md, "Permissions").

Every "may this user do X to this object?" is answered by ``user.has_perm("app.X_model", obj)``:

- the **model-level grant** comes from the user's role groups (each app's ``roles.py``, granted by
  ``setup_site``) through Django's ``ModelBackend``;
- the **object-level scope** is a django-rules predicate registered by the app's
  ``permissions.py`` with :func:`object_perm` (``rules.permissions.ObjectPermissionBackend`` is in
  ``AUTHENTICATION_BACKENDS``): both must hold.

The same answer drives the admin: :class:`ScopedPermissionPolicy` (a Wagtail
``ModelPermissionPolicy``) asks the predicates per object and scopes listings with the app's
queryset twin of the predicate; :class:`ScopedSnippetViewSet` refuses every object URL of a
snippet (edit, copy, delete, history, revisions, usage, workflow history, lock/unlock, preview)
unless the policy allows the URL's action on that object. Views, services and the API call
``user.has_perm(..., obj)`` (or the app's small helpers built on it), never restate a scope.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import rules
from django.contrib.admin.utils import unquote
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from .roles import AGENCY_OFFICER, CONVENER, MODERATOR, NDC_EDITOR, user_has_role

_model_backend = ModelBackend()

# A queryset twin of an app's predicates: (user, action, queryset) -> the objects allowed.
ScopeQueryset = Callable[[Any, str, QuerySet], QuerySet]


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


@rules.predicate
def is_ndc_editor(user) -> bool:
    """NDC editors (and superusers) see and review everything."""
    return _is_active(user) and user_has_role(user, NDC_EDITOR)


@rules.predicate
def is_convener(user) -> bool:
    return _is_active(user) and user_has_role(user, CONVENER)


@rules.predicate
def is_agency_officer(user) -> bool:
    return _is_active(user) and user_has_role(user, AGENCY_OFFICER)


@rules.predicate
def is_moderator(user) -> bool:
    """Comment moderators hide and restore comments; nothing else."""
    return _is_active(user) and user_has_role(user, MODERATOR)


def has_model_perm(perm: str) -> rules.Predicate:
    """The role group's grant of ``perm`` (Django's ModelBackend only: no recursion into rules)."""

    def check(user) -> bool:
        return _is_active(user) and _model_backend.has_perm(user, perm)

    return rules.Predicate(check, name=f"has_model_perm({perm})")


def object_perm(perm: str, scope: rules.Predicate) -> None:
    """Register ``perm`` on objects: the role's model grant AND ``scope(user, obj)``.

    Without an object (``user.has_perm(perm)``) the model grant alone answers, as in Django.
    Registering again replaces the rule (safe on reload).
    """
    rules.set_perm(perm, has_model_perm(perm) & scope)


def perm_name(model: type[Model], action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's policy for a model, answering per object from the rules predicates.

    ``scope_queryset(user, action, queryset)`` must return exactly the objects for which
    ``user.has_perm(perm, obj)`` holds (a test checks both agree for every registered policy).
    """

    def __init__(self, model, *, scope_queryset: ScopeQueryset, **kwargs):
        super().__init__(model, **kwargs)
        self.scope_queryset = scope_queryset

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return bool(user.has_perm(self._get_permission_name(action), instance))

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        queryset = self.model._default_manager.all()
        if not self.user_has_permission(user, action):
            return queryset.none()
        if user.is_superuser:
            return queryset
        return self.scope_queryset(user, action, queryset)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        result = self.model._default_manager.none()
        for action in actions:
            result = result | self.instances_user_has_permission_for(user, action)
        return result.distinct()


SCOPED_POLICIES: dict[type[Model], ScopedPermissionPolicy] = {}


def register_scoped_policy(model: type[Model], scope_queryset: ScopeQueryset) -> ScopedPermissionPolicy:
    """Make ``model``'s Wagtail policy the rules-backed one (call from the app's permissions.py)."""
    policy = ScopedPermissionPolicy(model, scope_queryset=scope_queryset)
    register_permission_policy(model, policy)
    SCOPED_POLICIES[model] = policy
    return policy


def policy_for(model: type[Model]) -> ScopedPermissionPolicy:
    return SCOPED_POLICIES[model]


# The action each object URL of a snippet viewset needs on its object (URL name -> action).
# Reading views need "view": drafts and revisions hold the full text. Unknown names need "change".
OBJECT_URL_ACTIONS: dict[str, str] = {
    "edit": "change",
    "preview_on_edit": "change",
    "copy": "change",
    "delete": "delete",
    "usage": "view",
    "history": "view",
    "history_results": "view",
    "inspect": "view",
    "revisions_view": "view",
    "revisions_compare": "view",
    "revisions_revert": "change",
    "revisions_unschedule": "publish",
    "unpublish": "publish",
    "lock": "lock",
    "unlock": "unlock",
    "workflow_action": "view",
    "collect_workflow_action_data": "view",
    "confirm_workflow_cancellation": "change",
    "workflow_history": "view",
    "workflow_history_detail": "view",
    "workflow_preview": "view",
    "preview_revision_for_task": "view",
}


def viewable(user, model: type[Model]) -> QuerySet:
    """The objects of ``model`` that ``user`` may see (its policy's "view" queryset)."""
    return policy_for(model).instances_user_has_permission_for(user, "view")


class _ScopedChooseMixin:
    def get_object_list(self):
        return viewable(self.request.user, self.model_class)


class ScopedChooseView(_ScopedChooseMixin, chooser.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooseMixin, chooser.ChooseResultsView):
    pass


class ScopedChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return viewable(self.request.user, self.model_class).get(pk=pk)


class ScopedChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return viewable(self.request.user, self.model_class).filter(pk__in=pks)


class ScopedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    """A snippet chooser (e.g. the member chooser) offering only what the user may see."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose listing and every object URL follow the model's rules.

    ``object_url_actions`` overrides :data:`OBJECT_URL_ACTIONS` per viewset (e.g. NDC reviewers
    open a table's editor to approve it: ``{"edit": "view"}``; the edit view checks "change").
    """

    object_url_actions: dict[str, str] = {}
    chooser_viewset_class = ScopedSnippetChooserViewSet

    def get_queryset(self, request):
        return viewable(request.user, self.model)

    def _guard(self, view, action: str):
        model = self.model

        @wraps(view)
        def guarded(request, *args, **kwargs):
            obj = get_object_or_404(model._default_manager.all(), pk=unquote(str(kwargs["pk"])))
            if not request.user.has_perm(perm_name(model, action), obj):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.required_action = action
        return guarded

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        actions = {**OBJECT_URL_ACTIONS, **self.object_url_actions}
        guarded = []
        for pattern in patterns:
            if isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex:
                action = actions.get(pattern.name, "change")
                pattern = URLPattern(
                    pattern.pattern, self._guard(pattern.callback, action), pattern.default_args, pattern.name
                )
            guarded.append(pattern)
        return guarded
