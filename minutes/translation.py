"""Translated minutes prose (F-7): Chinese and English side by side; English may be pending."""

from modeltranslation.translator import TranslationOptions, register

from .models import Minutes, MinutesAttachment, MinutesSection


@register(Minutes)
class MinutesTR(TranslationOptions):
    fields = ("closing_remarks", "correction_note")


@register(MinutesSection)
class MinutesSectionTR(TranslationOptions):
    fields = ("discussion",)


@register(MinutesAttachment)
class MinutesAttachmentTR(TranslationOptions):
    fields = ("title",)
