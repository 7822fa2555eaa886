"""Translated fields of proposals: the proposer writes in one language; NDC may add the other."""

from modeltranslation.translator import TranslationOptions, register

from .models import Proposal


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = ("title", "extension_reason", "response", "reasons")
