"""Every translated model edits its languages in tabs, German first and required."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse
from modeltranslation.translator import translator

from tests.languages import LANGUAGE_CODES
from tests.pages.factories import make_page

from .factories import make_staff

pytestmark = pytest.mark.django_db

# What modeltranslation gives a column per language, read from its registry: every
# translated field of every translated model, whether or not the admin shows it.
TRANSLATED_MODELS = sorted(translator.get_registered_models(), key=lambda model: model._meta.label)
TRANSLATED_FIELDS = [
    (model, name)
    for model in TRANSLATED_MODELS
    for name in sorted(translator.get_options_for_model(model).all_fields)
]


def field_id(case):
    model, name = case
    return f"{model._meta.label}.{name}"


def admin_form(rf, model):
    """The admin's add form for ``model``; a translated model missing from the admin fails."""
    request = rf.get("/admin/")
    # A superuser's permissions need no database: an unsaved one spares a password hash per case.
    request.user = User(username="chef", is_staff=True, is_superuser=True)
    assert model in admin.site._registry, f"{model._meta.label} is translated but not in the admin"
    return admin.site._registry[model].get_form(request)()


@pytest.mark.parametrize("case", TRANSLATED_FIELDS, ids=field_id)
def test_each_translated_field_has_one_input_per_language_german_first(rf, case):
    model, name = case
    form = admin_form(rf, model)
    shown = [field for field in form.fields if re.fullmatch(rf"{name}_[a-z]+", field)]
    assert shown == [f"{name}_{code}" for code in LANGUAGE_CODES]


@pytest.mark.parametrize("case", TRANSLATED_FIELDS, ids=field_id)
def test_only_german_is_required_and_only_where_the_field_must_exist(rf, case):
    model, name = case
    form = admin_form(rf, model)
    must_exist = not model._meta.get_field(name).blank
    assert form.fields[f"{name}_de"].required is must_exist
    assert [code for code in LANGUAGE_CODES[1:] if form.fields[f"{name}_{code}"].required] == []


@pytest.mark.parametrize("case", TRANSLATED_FIELDS, ids=field_id)
def test_translated_inputs_carry_the_tab_classes_and_their_language(rf, case):
    model, name = case
    form = admin_form(rf, model)
    for code in LANGUAGE_CODES:
        html = str(form[f"{name}_{code}"])
        assert re.search(r'class="[^"]*\bmt\b', html), code
        assert f'lang="{code}"' in html
        assert f'dir="{"rtl" if code == "ar" else "ltr"}"' in html


@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=lambda model: model._meta.label)
def test_admin_loads_the_tab_scripts_from_our_own_static_files(model):
    media = str(admin.site._registry[model].media)
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in media
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in media
    assert "googleapis" not in media
    assert "//code." not in media


def test_add_page_renders_the_language_fields_for_tabs(client):
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:pages_principle_add")).content.decode()
    for code in LANGUAGE_CODES:
        assert f'name="text_{code}"' in html
    assert html.index('name="text_de"') < html.index('name="text_en"')
    assert re.search(r'<textarea[^>]*name="text_de"[^>]*required', html)


def test_arabic_inputs_are_right_to_left_on_the_change_form(client):
    page = make_page("about")
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:pages_page_change", args=[page.pk])).content.decode()
    arabic_body = re.search(r'<textarea[^>]*name="body_ar"[^>]*>', html).group()
    german_body = re.search(r'<textarea[^>]*name="body_de"[^>]*>', html).group()
    assert 'dir="rtl"' in arabic_body and 'lang="ar"' in arabic_body
    assert "data-django-prose-editor" in arabic_body
    assert 'dir="ltr"' in german_body and 'lang="de"' in german_body
