"""Translated fields of the consultations app (rule F-7): Chinese required, English may be pending."""

from modeltranslation.translator import TranslationOptions, register

from .models import Consultation, ConsultationAttachment, SummaryResponse


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "description", "extension_reason")
    required_languages = {"zh-hant": ("title", "description")}


@register(ConsultationAttachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("zh-hant",)


@register(SummaryResponse)
class SummaryResponseTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("zh-hant",)
