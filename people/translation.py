from modeltranslation.translator import register

from core.translated import DefaultLanguageRequired

from .models import TeamPosition, WorkingGroup


@register(TeamPosition)
class TeamPositionTranslationOptions(DefaultLanguageRequired):
    fields = ("job_title", "project")


@register(WorkingGroup)
class WorkingGroupTranslationOptions(DefaultLanguageRequired):
    fields = ("name", "purpose")
