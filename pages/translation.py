from modeltranslation.translator import TranslationOptions, register

from .models import Association, Page, Principle


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body")
    required_languages = ("de",)


@register(Principle)
class PrincipleTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("de",)


@register(Association)
class AssociationTranslationOptions(TranslationOptions):
    fields = ("opening_note", "directions", "funders_line")
