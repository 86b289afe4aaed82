from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Resource


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {settings.LANGUAGE_CODE: ("name",)}
