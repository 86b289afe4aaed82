"""Reading translated fields the way visitors see them.

modeltranslation falls back to German when a language column is empty. These
helpers make that fallback visible (marked ``lang="de"``) and sortable.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order


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


def unshown_language_columns(model, related, languages, prefix=""):
    """The language columns of ``model``'s translated fields that a page in one of
    ``languages`` never reads, and those of the models in ``related`` (a queryset's
    ``select_related`` tree), as paths for ``defer()``."""
    try:
        fields = translator.get_options_for_model(model).all_fields.values()
    except NotRegistered:
        fields = []
    columns = [
        prefix + column.name
        for columns in fields
        for column in columns
        if column.language not in languages
    ]
    if isinstance(related, dict):
        for name, nested in related.items():
            target = model._meta.get_field(name).related_model
            columns += unshown_language_columns(target, nested, languages, f"{prefix}{name}__")
    return columns


class ShownLanguagesQuerySet(models.QuerySet):
    def in_shown_languages(self):
        """Load only the language columns a visitor's page shows: the active language's
        and its fallback's (German), of this model and of those it is joined with.

        modeltranslation reads all seven columns of every translated field otherwise.
        Call it last, after ``select_related()``, and only for pages that read their
        objects in the active language: reading another language's column of a loaded
        object costs a query of its own.
        """
        languages = resolution_order(get_language())
        return self.defer(
            *unshown_language_columns(self.model, self.query.select_related, languages)
        )


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
