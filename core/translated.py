"""Reading translated fields the way visitors see them.

modeltranslation falls back to German when a language column is empty. These
helpers make that fallback visible (marked ``lang="de"``) and sortable.
"""

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.translator import TranslationOptions
from modeltranslation.utils import build_localized_fieldname


def shown_value(field_name, language=None):
    """The expression for what a visitor reads: the language's text, else the German one.

    Order by it (``order_by(shown_value("name"))``) so untranslated items keep
    their place instead of sorting first with an empty column.
    """
    language = language or get_language()
    own = F(build_localized_fieldname(field_name, language))
    if language == settings.LANGUAGE_CODE:
        return own
    fallback = F(build_localized_fieldname(field_name, settings.LANGUAGE_CODE))
    return Coalesce(NullIf(own, Value("")), fallback)


def is_translated(obj, field_name):
    """True when ``field_name`` has a column per language (modeltranslation)."""
    return hasattr(type(obj), build_localized_fieldname(field_name, settings.LANGUAGE_CODE))


def is_fallback(obj, field_name, language=None):
    """True when ``obj`` shows the German text because ``language`` has none.

    A field that is not translated (an organisation's name) is never a fallback.
    """
    language = language or get_language()
    own_field = build_localized_fieldname(field_name, language)
    if language == settings.LANGUAGE_CODE or not hasattr(type(obj), own_field):
        return False
    own = getattr(obj, own_field)
    return not own and bool(getattr(obj, field_name, None))


class DefaultLanguageRequired(TranslationOptions):
    """modeltranslation's options with the default language required in every field:
    it is what every visitor is shown where their language has no text yet."""

    required_languages = (settings.LANGUAGE_CODE,)
