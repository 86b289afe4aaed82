from modeltranslation.translator import TranslationOptions, register

from .models import TeamPosition, WorkingGroup


@register(TeamPosition)
class TeamPositionTranslationOptions(TranslationOptions):
    fields = ("job_title", "project")
    required_languages = ("de",)


@register(WorkingGroup)
class WorkingGroupTranslationOptions(TranslationOptions):
    fields = ("name", "purpose")
    required_languages = ("de",)
