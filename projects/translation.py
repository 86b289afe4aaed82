from modeltranslation.translator import TranslationOptions, register

from .models import Funder, Project


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("de",)


@register(Funder)
class FunderTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)
