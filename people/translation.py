from django.conf import settings
from modeltranslation.translator import register

from core.translated import DefaultLanguageRequired

from .models import TeamPosition, WorkingGroup


@register(TeamPosition)
class TeamPositionTranslationOptions(DefaultLanguageRequired):
    fields = ("job_title", "project")


@register(WorkingGroup)
class WorkingGroupTranslationOptions(DefaultLanguageRequired):
    fields = ("name", "purpose", "how_to_join")
    # How to join is optional: the member area then names the contact person or the office.
    required_languages = {settings.LANGUAGE_CODE: ("name", "purpose")}
