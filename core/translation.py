"""Translated page fields; titles are translated by wagtail-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import ContentPage, HomePage, PolicyProfile, VotingDay


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(ContentPage)
class ContentPageTR(TranslationOptions):
    fields = ("body",)


@register(PolicyProfile)
class PolicyProfileTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(VotingDay)
class VotingDayTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)
