"""Translated fields of the budgeting app (rule F-7): Chinese required, English may be pending."""

from modeltranslation.translator import TranslationOptions, register

from .models import ConsentVersion, Phase, PollingStation, Process, Project, ProjectUpdate, TargetedSurvey


@register(Process)
class ProcessTranslation(TranslationOptions):
    fields = ("title", "description", "area")
    required_languages = {"zh-hant": ("title", "description", "area")}


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("note",)


@register(ConsentVersion)
class ConsentTranslation(TranslationOptions):
    fields = ("issue", "voting_rules", "privacy_notice")
    required_languages = ("zh-hant",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "workshop_notes", "feasibility_reasons")
    required_languages = {"zh-hant": ("title", "summary")}


@register(ProjectUpdate)
class ProjectUpdateTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("zh-hant",)


@register(PollingStation)
class PollingStationTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(TargetedSurvey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "question")
    required_languages = ("zh-hant",)
