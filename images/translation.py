from modeltranslation.translator import register

from core.translated import DefaultLanguageRequired

from .models import Image


@register(Image)
class ImageTranslationOptions(DefaultLanguageRequired):
    fields = ("alt",)
