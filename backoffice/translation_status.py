"""Which translations are missing or outdated: per object, as a database filter, and in numbers.

A translation is missing in a language when a translated text field has a
German text but no text in that language. Fields without German text need no
translation, and non-text fields (numbers, dates) are never translated.

A translation is outdated when the German text of its field changed after it was
written: every save compares the stored texts with the saved ones and records
that per field and language (``OutdatedTranslation``), until someone edits it.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save, pre_save
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .models import OutdatedTranslation

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


def outdated_exists(model, language):
    """A condition for the objects of ``model`` with an outdated translation in ``language``."""
    return Exists(
        OutdatedTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            language=language,
        )
    )


def with_outdated_languages(queryset):
    """Each object gets ``outdated_<code>`` per language: no query per row in a list."""
    model = queryset.model
    return queryset.annotate(
        **{f"outdated_{code}": outdated_exists(model, code) for code, _name in target_languages()}
    )


def outdated_languages(obj):
    """Codes of the languages in which ``obj`` (``with_outdated_languages``) is outdated."""
    return [code for code, _name in target_languages() if getattr(obj, f"outdated_{code}", False)]


def outdated_translations(obj):
    """``{(field, language)}`` of ``obj``'s outdated translations."""
    return set(
        OutdatedTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).values_list("field", "language")
    )


def translation_counts(queryset):
    """``{"missing": {language: count}, "outdated": {language: count}}`` in one query:
    how many objects lack a translation, and how many have an outdated one."""
    model = queryset.model
    languages = [code for code, _name in target_languages()]
    counts = queryset.aggregate(
        **{f"missing_{code}": Count("pk", filter=missing_q(model, code)) for code in languages},
        **{
            f"outdated_{code}": Count("pk", filter=Q(outdated_exists(model, code)))
            for code in languages
        },
    )
    return {
        state: {code: counts[f"{state}_{code}"] for code in languages}
        for state in ("missing", "outdated")
    }


def _language_columns(model):
    """``{field: {language: column}}`` for the model's translated text fields."""
    return {
        name: {code: build_localized_fieldname(name, code) for code, _name in settings.LANGUAGES}
        for name in text_fields(model)
    }


def _remember_stored_texts(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save: the texts as they are stored, to compare with what is saved."""
    instance._stored_texts = None
    if raw or instance._state.adding:
        return
    columns = [
        column
        for by_language in _language_columns(sender).values()
        for column in by_language.values()
        if update_fields is None or column in update_fields
    ]
    if columns:
        instance._stored_texts = (
            sender._base_manager.filter(pk=instance.pk).values(*columns).first()
        )


def _changed_translations(model, stored, instance):
    """``(outdated, edited)``: (field, language) pairs whose German text changed while the
    translation stayed as it was, and pairs whose translation was edited or removed."""
    outdated, edited = [], []
    for name, by_language in _language_columns(model).items():
        german = by_language[DEFAULT_LANGUAGE]
        if german not in stored:
            continue
        german_changed = (stored[german] or "").strip() != (getattr(instance, german) or "").strip()
        for code, column in by_language.items():
            if code == DEFAULT_LANGUAGE or column not in stored:
                continue
            translation = getattr(instance, column)
            if translation != stored[column]:
                edited.append((name, code))
            elif translation and german_changed:
                outdated.append((name, code))
    return outdated, edited


def _record_outdated_translations(sender, instance, raw=False, **kwargs):
    stored = getattr(instance, "_stored_texts", None)
    if raw or not stored:
        return
    outdated, edited = _changed_translations(sender, stored, instance)
    content_type = ContentType.objects.get_for_model(sender)
    if edited:
        OutdatedTranslation.objects.filter(
            reduce(or_, (Q(field=name, language=code) for name, code in edited)),
            content_type=content_type,
            object_id=instance.pk,
        ).delete()
    if outdated:
        OutdatedTranslation.objects.bulk_create(
            [
                OutdatedTranslation(
                    content_type=content_type, object_id=instance.pk, field=name, language=code
                )
                for name, code in outdated
            ],
            ignore_conflicts=True,  # outdated since the first change, not the latest
        )


def _forget_outdated_translations(sender, instance, **kwargs):
    OutdatedTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def track_outdated_translations():
    """Compare the texts on every save of every translated model, however it is saved."""
    for model in translator.get_registered_models(abstract=False):
        if text_fields(model):
            uid = f"outdated-translations:{model._meta.label_lower}"
            pre_save.connect(_remember_stored_texts, sender=model, dispatch_uid=uid)
            post_save.connect(_record_outdated_translations, sender=model, dispatch_uid=uid)
            post_delete.connect(_forget_outdated_translations, sender=model, dispatch_uid=uid)
