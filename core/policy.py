"""Policy profiles (W-1): the numbers of one jurisdiction's participation rules, as pure data.

Profiles are stored in ``core.models.PolicyProfile`` and edited by NDC in the admin; apps read
them through ``core.policy_store.get_profile(slug)`` as the frozen ``Profile`` below, so their
pure rules never touch the database. ``SEED`` is what ``setup_site`` ships: Kaohsiung (K-6,
K-7, K-8), Taichung (T-7, T-9, T-10) and the national join.gov.tw platform (W-1).

Removal grounds are codes of one catalogue (``GROUNDS``): Kaohsiung's ten of K-6.2.2 and
Taichung's seven of T-7 (its ground 3 is racial discrimination and personal attacks only; its
ground 4 joins liability with a case pending in court).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

WITHDRAW_UNTIL_QUALIFIED = "qualified"
WITHDRAW_UNTIL_REVIEW_PASSED = "review_passed"
DEFAULT_PROFILE = "kaohsiung"

GROUNDS: dict[str, object] = {
    "unlawful": _("Threats, obscenity, defamation, fraud, public insult or other unlawful acts"),
    "infringes_rights": _("Infringes the rights or legal interests of others"),
    "discrimination": _("Racial, religious or gender discrimination, or personal attacks"),
    "liability": _("Risk of civil or criminal liability"),
    "pending_case": _("A case pending in court"),
    "personal_interest": _("Only personal interest, or virtual persons or things"),
    "commercial": _("Commercial, brand or advertising content"),
    "state_secret": _("State secrets"),
    "public_order": _("Against public order or good morals"),
    "outside_remit": _("Outside the government's remit"),
    "racial_discrimination": _("Racial discrimination, personal attacks or similar"),
    "liability_or_pending_case": _("May give rise to civil or criminal liability, or is a case pending in court"),
    "outside_scope": _("Outside the platform's scope of policy participation"),
}

# K-6.2.2: ten grounds, in the order of the rules.
K_GROUNDS = (
    "unlawful",
    "infringes_rights",
    "discrimination",
    "liability",
    "pending_case",
    "personal_interest",
    "commercial",
    "state_secret",
    "public_order",
    "outside_remit",
)
# T-7: exactly seven grounds, in the order of the rules.
T_GROUNDS = (
    "unlawful",
    "infringes_rights",
    "racial_discrimination",
    "liability_or_pending_case",
    "public_order",
    "state_secret",
    "outside_scope",
)


@dataclass(frozen=True)
class Profile:
    """Every number of one jurisdiction's proposal and consultation rules (W-1)."""

    slug: str
    name: dict[str, str]
    review_working_days: int
    threshold: int
    seconding_days: int | None
    seconding_months: int | None
    notify_working_days: int
    confirm_working_days: int
    response_months: int
    extension_months: int
    withdraw_until: str
    email_code: bool
    blackout_days: int
    grounds: tuple[str, ...]
    consultation_min_days: int
    consultation_max_months: int
    consultation_response_days: int
    consultation_extension_days: int
    rule_ids: dict[str, str] = field(default_factory=dict)

    def rule(self, topic: str) -> str:
        """The rule ID this profile follows for ``topic`` (e.g. "review" → "K-6.2.1"), or ""."""
        return self.rule_ids.get(topic, "")


SEED: dict[str, Profile] = {
    "kaohsiung": Profile(
        slug="kaohsiung",
        name={"zh-hant": "高雄市", "en": "Kaohsiung City"},
        review_working_days=5,  # K-6.2.1
        threshold=1500,  # K-6.3.2
        seconding_days=45,
        seconding_months=None,
        notify_working_days=3,  # K-6.3.5
        confirm_working_days=5,  # K-6.2.6
        response_months=2,  # K-6.4.4
        extension_months=1,
        withdraw_until=WITHDRAW_UNTIL_QUALIFIED,  # K-6.2.5
        email_code=False,
        blackout_days=60,  # K-8
        grounds=K_GROUNDS,  # K-6.2.2
        consultation_min_days=14,  # K-7.1.2
        consultation_max_months=3,
        consultation_response_days=14,  # K-7.2
        consultation_extension_days=14,
        rule_ids={
            "review": "K-6.2.1",
            "grounds": "K-6.2.2",
            "confirm": "K-6.2.6",
            "withdraw": "K-6.2.5",
            "threshold": "K-6.3.2",
            "notify": "K-6.3.5",
            "response": "K-6.4.4",
            "adoption": "K-6.4.3",
            "blackout": "K-8",
            "consultation_period": "K-7.1.2",
            "consultation_response": "K-7.2",
        },
    ),
    "taichung": Profile(
        slug="taichung",
        name={"zh-hant": "臺中市", "en": "Taichung City"},
        review_working_days=3,  # T-9.2.1
        threshold=200,  # T-9.3.2
        seconding_days=None,
        seconding_months=1,
        notify_working_days=3,
        confirm_working_days=5,
        response_months=2,  # T-9.4.4
        extension_months=1,
        withdraw_until=WITHDRAW_UNTIL_REVIEW_PASSED,  # T-9.2.4
        email_code=True,  # T-9.3.4
        blackout_days=60,
        grounds=T_GROUNDS,  # T-7
        consultation_min_days=1,
        consultation_max_months=2,  # T-10.1.4
        consultation_response_days=14,  # T-10.2
        consultation_extension_days=14,
        rule_ids={
            "review": "T-9.2.1",
            "grounds": "T-7",
            "confirm": "K-6.2.6",
            "withdraw": "T-9.2.4",
            "threshold": "T-9.3.2",
            "notify": "K-6.3.5",
            "response": "T-9.4.4",
            "adoption": "T-9.4.3",
            "blackout": "K-8",
            "consultation_period": "T-10.1.4",
            "consultation_response": "T-10.2",
        },
    ),
    "national": Profile(
        slug="national",
        name={"zh-hant": "公共政策網路參與平臺", "en": "Public Policy Online Participation Platform (join.gov.tw)"},
        review_working_days=5,
        threshold=5000,  # join.gov.tw: 5,000 seconds in 60 days
        seconding_days=60,
        seconding_months=None,
        notify_working_days=3,
        confirm_working_days=5,
        response_months=2,
        extension_months=1,
        withdraw_until=WITHDRAW_UNTIL_QUALIFIED,
        email_code=False,
        blackout_days=60,
        grounds=K_GROUNDS,
        consultation_min_days=14,
        consultation_max_months=3,
        consultation_response_days=14,
        consultation_extension_days=14,
        rule_ids={
            "review": "K-6.2.1",
            "grounds": "K-6.2.2",
            "confirm": "K-6.2.6",
            "withdraw": "K-6.2.5",
            "threshold": "W-1",
            "notify": "K-6.3.5",
            "response": "K-6.4.4",
            "blackout": "K-8",
            "consultation_period": "K-7.1.2",
            "consultation_response": "K-7.2",
        },
    ),
}
