"""Test data built with factory_boy: the one way tests make accounts (per-app factories live in
``tests/<app>/factories.py`` when an app needs its own).

    UserFactory()                                     # a plain account, no role
    UserFactory(roles=[NDC_EDITOR])                   # in a role's group
    UserFactory(roles=[AGENCY_OFFICER], agency="moe") # an officer of an agency (AgencyStaff)
    UserFactory(roles=[CONVENER], forums=[forum])     # a convener staffing a forum
    CitizenFactory(nickname="青鳥")                   # a signed-up citizen with a verified email
"""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory, Password

from core.roles import ROLE_GROUPS

PASSWORD = "pw-123456-long"


class UserFactory(DjangoModelFactory):
    """An account; ``roles``, ``agency``, ``forums`` and ``verified`` add what a test needs."""

    class Meta:
        model = "accounts.User"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    username = factory.LazyAttribute(lambda user: user.email)
    nickname = factory.LazyAttribute(lambda user: user.email.split("@")[0])
    password = Password(PASSWORD)

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        """Role names (``core.roles``): the user joins each role's group."""
        from django.contrib.auth.models import Group

        for role in extracted or ():
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))

    @factory.post_generation
    def agency(user, create, extracted, **kwargs):
        """An agency code: the user works for that agency (an agency officer's scope)."""
        if extracted:
            from commitments.models import Agency, AgencyStaff

            AgencyStaff.objects.create(user=user, agency=Agency.objects.get(code=extracted))

    @factory.post_generation
    def forums(user, create, extracted, **kwargs):
        """Forums the user staffs (a convener's or secretariat's scope)."""
        for forum in extracted or ():
            forum.staff.add(user)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """``True``/``False``: the user's primary email address, verified or not (allauth)."""
        if extracted is not None:
            _email_address(user, verified=extracted)


class CitizenFactory(UserFactory):
    """A citizen who signed up; their email address is verified unless ``verified=False``."""

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        _email_address(user, verified=True if extracted is None else extracted)


def _email_address(user, *, verified: bool) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)


class DecisionFactory(DjangoModelFactory):
    """A forum decision recorded through ``forum.services.decision_record`` (outcome computed)."""

    class Meta:
        model = "forum.Decision"

    consensus = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from forum.services import decision_record

        user = kwargs.pop("user", None)
        return decision_record(decision=model_class(*args, **kwargs), user=user)


class CommitmentTableFactory(DjangoModelFactory):
    """A commitment table (a draft: ``live=False``); ``submitted=True`` sends it to NDC's review
    workflow as the admin does (its status is derived from the workflow, never stored)."""

    class Meta:
        model = "commitments.CommitmentTable"
        skip_postgeneration_save = True

    live = False

    @factory.post_generation
    def submitted(table, create, extracted, **kwargs):
        if not (create and extracted):
            return
        from commitments.services import workflows_setup

        table.save_revision(user=None)
        (table.get_workflow() or workflows_setup()).start(table, None)
        table.refresh_from_db()
