"""Translated page fields; titles are translated by wagtail-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import ContentPage, HomePage


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(ContentPage)
class ContentPageTR(TranslationOptions):
    fields = ("body",)
