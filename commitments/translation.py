"""Translated fields (django-modeltranslation): Chinese is required, English may be pending."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    ActionPlan,
    Agency,
    Commitment,
    CommitmentTable,
    Indicator,
    IndicatorProgress,
    Participant,
    SustainableDevelopmentGoal,
    Theme,
)


@register(Agency)
class AgencyTR(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = {"zh-hant": ("name",)}


@register(ActionPlan)
class ActionPlanTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(Theme)
class ThemeTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(Commitment)
class CommitmentTR(TranslationOptions):
    fields = ("title",)
    required_languages = ("zh-hant",)


@register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(CommitmentTable)
class CommitmentTableTR(TranslationOptions):
    fields = (
        "problem",
        "description",
        "contribution",
        "transparency_argument",
        "participation_argument",
        "accountability_argument",
        "budget_source",
        "link_national_plan",
        "link_sector_plans",
        "link_anticorruption",
    )
    required_languages = {"zh-hant": ("problem", "description", "contribution")}


@register(Participant)
class ParticipantTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(Indicator)
class IndicatorTR(TranslationOptions):
    fields = ("description", "target_unit", "verification")
    required_languages = {"zh-hant": ("description",)}


@register(IndicatorProgress)
class IndicatorProgressTR(TranslationOptions):
    fields = ("note",)
