from modeltranslation.translator import TranslationOptions, register

from core.translated import DefaultLanguageRequired

from .models import Association, Page, Principle


@register(Page)
class PageTranslationOptions(DefaultLanguageRequired):
    fields = ("title", "lead", "body")


@register(Principle)
class PrincipleTranslationOptions(DefaultLanguageRequired):
    fields = ("text",)


@register(Association)
class AssociationTranslationOptions(TranslationOptions):
    fields = ("opening_note", "directions", "funders_line")
