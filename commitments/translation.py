"""Translated fields (django-modeltranslation): Chinese is required, English may be pending."""

from modeltranslation.translator import TranslationOptions, register

from .models import ActionPlan, Agency, Commitment, Theme


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
