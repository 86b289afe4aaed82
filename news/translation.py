from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Post


@register(Post)
class PostTranslationOptions(TranslationOptions):
    fields = ("title", "teaser", "body")
    required_languages = {settings.LANGUAGE_CODE: ("title", "teaser")}
