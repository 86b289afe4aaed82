from modeltranslation.translator import register

from core.translated import DefaultLanguageRequired

from .models import Funder, Project


@register(Project)
class ProjectTranslationOptions(DefaultLanguageRequired):
    fields = ("title", "summary", "body")


@register(Funder)
class FunderTranslationOptions(DefaultLanguageRequired):
    fields = ("name",)
