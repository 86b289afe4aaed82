"""Which translations are missing: per object, as a database filter, and in numbers.

A translation is missing in a language when a translated text field has a
German text but no text in that language. Fields without German text need no
translation, and non-text fields (numbers, dates) are never translated.
"""

from django.conf import settings
from django.db.models import Count, Q
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def target_languages():
    """The languages translated from German, in the site's order."""
    return [(code, name) for code, name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


def text_fields(model):
    """Names of the model's translated fields that hold text, or [] if it has none."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [
        name for name in options.all_fields if model._meta.get_field(name).empty_strings_allowed
    ]


def missing_languages(obj):
    """Codes of the languages in which ``obj`` lacks a translation.

    Reads only the loaded row, so a list of objects costs no extra query.
    """
    fields = [
        name
        for name in text_fields(type(obj))
        if getattr(obj, build_localized_fieldname(name, DEFAULT_LANGUAGE))
    ]
    return [
        code
        for code, _name in target_languages()
        if any(not getattr(obj, build_localized_fieldname(name, code)) for name in fields)
    ]


def _empty(field_name):
    return Q(**{field_name: ""}) | Q(**{f"{field_name}__isnull": True})


def missing_q(model, language):
    """A filter for the objects of ``model`` that lack a translation in ``language``."""
    fields = text_fields(model)
    if not fields:
        return Q(pk__in=[])
    condition = Q()
    for name in fields:
        german = build_localized_fieldname(name, DEFAULT_LANGUAGE)
        own = build_localized_fieldname(name, language)
        condition |= ~_empty(german) & _empty(own)
    return condition


def missing_counts(queryset):
    """``{language: number of objects lacking it}`` for a queryset, in one query."""
    model = queryset.model
    counts = queryset.aggregate(
        **{
            f"missing_{code}": Count("pk", filter=missing_q(model, code))
            for code, _name in target_languages()
        }
    )
    return {code: counts[f"missing_{code}"] for code, _name in target_languages()}
