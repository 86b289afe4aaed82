from modeltranslation.translator import register

from core.translated import DefaultLanguageRequired

from .models import Document


@register(Document)
class DocumentTranslationOptions(DefaultLanguageRequired):
    fields = ("title",)
