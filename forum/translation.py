"""Translated forum fields: Chinese required where noted, English may be pending."""

from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Decision, Forum, Meeting, Member


@register(Forum)
class ForumTR(TranslationOptions):
    fields = ("imbalance_reason",)


@register(Member)
class MemberTR(TranslationOptions):
    fields = ("name", "title", "organisation")
    required_languages = {"zh-hant": ("name", "organisation")}


@register(Meeting)
class MeetingTR(TranslationOptions):
    fields = ("title", "place")
    required_languages = {"zh-hant": ("title",)}


@register(AgendaItem)
class AgendaItemTR(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"zh-hant": ("title",)}


@register(Decision)
class DecisionTR(TranslationOptions):
    fields = ("resolution",)
