"""No save writes the German fallback into another language's column.

Reading a translated field in another language gives the German text when that
language has none (modeltranslation's fallback). Every object of the demo site is
made German-only, then saved the ways its text is saved (the shell, the admin's form
sent back unchanged, a spreadsheet import), with each of the seven languages active:
the other languages' columns must stay empty, so the page keeps marking the German
text as German and the dashboard keeps counting the translation as missing.
"""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from core.resources import ContentResource
from tests.languages import LANGUAGE_CODES
from tests.security.html_forms import forms_on

from .factories import make_staff

pytestmark = pytest.mark.django_db

GERMAN, *OTHERS = LANGUAGE_CODES
TRANSLATED_MODELS = sorted(
    translator.get_registered_models(abstract=False), key=lambda model: model._meta.label
)


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


RESOURCES = {
    resource._meta.model: resource
    for resource in subclasses(ContentResource)
    if resource._meta.model in TRANSLATED_MODELS
}


def labels(models):
    return [model._meta.label for model in models]


def german_only(model):
    """A demo object of ``model`` with German text in every translated field and no other."""
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the demo content has no {model._meta.verbose_name}"
    changes = {}
    for name in translator.get_options_for_model(model).all_fields:
        field = model._meta.get_field(name)
        if not field.empty_strings_allowed:
            continue
        german = build_localized_fieldname(name, GERMAN)
        if not getattr(obj, german):
            changes[german] = "<p>Nur auf Deutsch</p>"
        for code in OTHERS:
            changes[build_localized_fieldname(name, code)] = None if field.null else ""
    model.objects.filter(pk=obj.pk).update(**changes)
    return model.objects.get(pk=obj.pk)


def filled_translations(obj):
    """``{column: value}`` of every non-German text column that holds something."""
    fresh = type(obj).objects.get(pk=obj.pk)
    return {
        column: getattr(fresh, column)
        for name in translator.get_options_for_model(type(obj)).all_fields
        for code in OTHERS
        if getattr(fresh, column := build_localized_fieldname(name, code))
    }


def german_texts(obj):
    fresh = type(obj).objects.get(pk=obj.pk)
    return {
        name: getattr(fresh, build_localized_fieldname(name, GERMAN))
        for name in translator.get_options_for_model(type(obj)).all_fields
    }


def test_every_translated_model_is_covered():
    assert len(TRANSLATED_MODELS) >= 16
    assert all(model in admin.site._registry for model in TRANSLATED_MODELS)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=labels(TRANSLATED_MODELS))
def test_saving_in_the_shell_writes_no_fallback(demo, model, language):
    obj = german_only(model)
    with translation.override(language):
        obj = type(obj).objects.get(pk=obj.pk)
        obj.full_clean()
        obj.save()
    assert filled_translations(obj) == {}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=labels(TRANSLATED_MODELS))
def test_saving_the_admin_form_unchanged_writes_no_fallback(client, demo, model, language):
    obj = german_only(model)
    before = german_texts(obj)
    client.force_login(make_staff(superuser=True, admin_language=language))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    page = client.get(url)
    (form,) = [form for form in forms_on(page.content.decode()) if form.method == "post"][-1:]
    response = client.post(url, {**form.values(), "_save": "Save"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert filled_translations(obj) == {}
    assert german_texts(obj) == before


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("model", list(RESOURCES), ids=labels(RESOURCES))
def test_importing_a_sheet_writes_no_fallback(demo, model, language):
    obj = german_only(model)
    resource = RESOURCES[model]()
    with translation.override(language):
        sheet = resource.export(queryset=model.objects.filter(pk=obj.pk))
        result = resource.import_data(sheet, dry_run=False, raise_errors=True)
    assert not result.has_validation_errors()
    assert filled_translations(obj) == {}
