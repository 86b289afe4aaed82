"""The site's languages as the tests use them: the codes, in the site's order, German first."""

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def in_languages(field, text, languages=LANGUAGE_CODES):
    """``{"text_de": "text (de)", "text_en": "text (en)", ...}``."""
    return {f"{field}_{code}": f"{text} ({code})" for code in languages}
