"""The public forms say what went wrong: a summary at the top that links to each field with an
error, every error also beside its field, and required fields marked as the forms promise."""

import re

import pytest
from django.core import mail

from core.apps import submission_models
from tests.members.factories import APPLICATION_FORM
from tests.pages.factories import CONTACT_FORM

# Each form the visitors send, with the fields it requires.
FORMS = {
    "contact": ("/{language}/contact/", ["name", "email", "subject", "message"]),
    "barrier report": ("/{language}/accessibility/", ["name", "email", "message"]),
    "membership application": (
        "/{language}/members/apply/",
        ["organisation_name", "contact_name", "email", "activities", "accepts_principles"],
    ),
}
# What a person sends in each of them.
SENT = {
    "contact": CONTACT_FORM,
    "barrier report": {"name": "Ada", "email": "ada@example.org", "message": "Zu kleine Schrift."},
    "membership application": APPLICATION_FORM,
}
OPTIONAL = {
    "contact": [],
    "barrier report": ["page_url"],
    "membership application": ["phone", "district"],
}


def sent_empty(client, form, language="de"):
    path, _required = FORMS[form]
    response = client.post(path.format(language=language), {})
    assert response.status_code == 200
    return response.content.decode()


def summary_of(html):
    match = re.search(r'<div class="error-summary".*?</ul>\s*</div>\s*</div>', html, re.S)
    assert match, "no error summary on the page"
    return match.group()


@pytest.mark.parametrize("form", FORMS)
def test_a_form_sent_with_errors_starts_with_a_summary_linking_each_field(client, site_pages, form):
    html = sent_empty(client, form)
    links = re.findall(r'<a href="#(id_\w+)">', summary_of(html))
    assert links == [f"id_{name}" for name in FORMS[form][1]]
    # The summary stands above the form's first field.
    assert html.index('class="error-summary"') < html.index('class="form-row')


@pytest.mark.parametrize("form", FORMS)
def test_every_field_keeps_its_own_error_beside_it(client, site_pages, form):
    html = sent_empty(client, form)
    for name in FORMS[form][1]:
        assert f'<ul class="errorlist" id="id_{name}_error">' in html
        assert re.search(rf'aria-describedby="id_{name}_error"[^>]* id="id_{name}"', html)


def test_the_summary_names_the_field_and_its_error_in_the_visitors_language(client, site_pages):
    html = sent_empty(client, "contact")
    summary = summary_of(html)
    assert "Es gibt ein Problem" in summary
    assert (
        '<a href="#id_email">Ihre E-Mail-Adresse: Dieses Feld ist zwingend erforderlich.</a>'
        in (summary)
    )


def test_the_summary_is_focusable_and_brings_its_script(client, site_pages):
    html = sent_empty(client, "contact")
    opening = re.search(r'<div class="error-summary"[^>]*>', html).group()
    assert 'tabindex="-1"' in opening
    assert "data-error-summary" in opening
    assert re.search(r'<script src="/static/js/error-summary\.js" defer></script>', html)
    assert '<div role="alert">' in summary_of(html)


@pytest.mark.parametrize("form", FORMS)
def test_the_page_title_starts_with_error_after_a_failed_submit(client, site_pages, form):
    html = sent_empty(client, form)
    assert re.search(r"<title>Fehler: ", html)


@pytest.mark.parametrize("form", FORMS)
def test_a_form_not_yet_sent_has_no_summary(client, site_pages, form):
    path, _required = FORMS[form]
    html = client.get(path.format(language="de")).content.decode()
    assert 'class="error-summary"' not in html
    assert "<title>Fehler" not in html


def test_a_filter_form_with_a_wrong_value_gets_no_summary(client, site_pages):
    html = client.get("/de/members/?district=nowhere").content.decode()
    assert 'class="error-summary"' not in html


@pytest.mark.parametrize("form", FORMS)
def test_required_fields_and_only_those_are_marked_required_in_their_label(
    client, site_pages, form
):
    path, required = FORMS[form]
    html = client.get(path.format(language="de")).content.decode()
    assert "Als Pflichtfeld gekennzeichnete Felder" in html
    marked = re.findall(
        r'<label for="id_(\w+)">[^<]*<span class="required-mark">\(Pflichtfeld\)</span></label>',
        html,
    )
    assert sorted(marked) == sorted(required)
    for name in OPTIONAL[form]:
        assert re.search(rf'<label for="id_{name}">[^<]*</label>', html)


@pytest.mark.parametrize(("language", "mark"), [("ar", "(إلزامي)"), ("ru", "(обязательно)")])
def test_the_required_mark_is_in_the_visitors_language(client, site_pages, language, mark):
    html = client.get(f"/{language}/contact/").content.decode()
    assert html.count(f'<span class="required-mark">{mark}</span>') == 4


def test_the_required_checkbox_comes_before_its_label(client, site_pages):
    html = client.get("/de/members/apply/").content.decode()
    row = re.search(r'<div class="form-row form-check">.*?</div>', html, re.S).group()
    assert row.index('type="checkbox"') < row.index('<label for="id_accepts_principles">')


@pytest.mark.parametrize("form", FORMS)
def test_a_bot_that_fills_the_hidden_field_is_thanked_like_a_person_and_nothing_is_kept(
    client, site_pages, form
):
    path = FORMS[form][0].format(language="de")
    bot = client.post(path, SENT[form] | {"website": "http://spam.example"})
    assert not any(model.objects.exists() for model in submission_models())
    assert not mail.outbox
    person = client.post(path, SENT[form])
    assert (bot.status_code, bot["Location"]) == (person.status_code, person["Location"])
