"""Hostile input never runs, never crashes a page, and never changes what is stored."""

from urllib.parse import quote, urlsplit

import pytest
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from pages.models import ContactMessage, Page
from tests.pages.factories import make_contact_message
from tests.public_pages import html_pages, search_routes
from tests.security.corpus import (
    INVALID_TEXT,
    PATH_TRAVERSALS,
    RAW_MARKERS,
    SCRIPT_INJECTIONS,
    SECRET_CONTENT,
)
from tests.security.html_forms import forms_on

MB = 1024 * 1024


def assert_safe(response, where):
    assert response.status_code < 500, (where, response.status_code)
    body = response.content.decode(errors="replace")
    for marker in RAW_MARKERS:
        assert marker not in body, (where, marker)


def client_from(number):
    """A fresh client with its own loopback address, so rate limits don't interfere."""
    return Client(REMOTE_ADDR=f"127.0.{number // 250}.{number % 250 + 1}")


@pytest.fixture(scope="module")
def post_forms(on_demo_site):
    """``{(page, action): form}``: every public form that is sent by POST."""
    found = {}
    pages = on_demo_site(lambda client: html_pages(client, languages=["de"]))
    for path, response in pages.items():
        for form in forms_on(response.content.decode()):
            if form.method == "post":
                target = form.action.split("#")[0] or path
                found.setdefault((path, urlsplit(target).path), form)
    return found


@pytest.fixture
def stored_before(demo):
    """A message already received and the fixed pages, to prove they stay as they were."""
    message = make_contact_message(
        name="Ada", email="ada@example.org", subject="Frage", message="Guten Tag"
    )
    pages = {page.pk: (page.title_de, page.body_de, page.body_ar) for page in Page.objects.all()}
    return message, pages


def assert_unchanged(stored_before):
    message, pages = stored_before
    message_now = ContactMessage.objects.get(pk=message.pk)
    assert (message_now.name, message_now.subject, message_now.message) == (
        "Ada",
        "Frage",
        "Guten Tag",
    )
    now = {page.pk: (page.title_de, page.body_de, page.body_ar) for page in Page.objects.all()}
    assert now == pages


def test_every_public_form_is_found(post_forms):
    targets = {target for _page, target in post_forms}
    assert {"/de/contact/", "/de/accessibility/", "/de/members/apply/"} <= targets


def test_script_in_every_form_field_comes_back_escaped(post_forms, stored_before):
    number = 0
    for (_page, target), form in post_forms.items():
        for text in SCRIPT_INJECTIONS:
            number += 1
            # An invalid address too, so the form comes back with the text in it.
            response = client_from(number).post(target, form.fill(text, email=text))
            assert_safe(response, (target, text))
    assert_unchanged(stored_before)


def test_script_in_a_valid_message_is_stored_unchanged_and_shown_escaped(demo, admin_client):
    for number, text in enumerate(SCRIPT_INJECTIONS):
        data = {"name": text, "email": "ada@example.org", "subject": text, "message": text}
        response = client_from(number).post("/de/contact/", data)
        assert response.status_code == 302, text
        stored = ContactMessage.objects.get(subject=text)
        assert (stored.name, stored.message) == (text, text)
        assert_safe(admin_client.get(f"/admin/pages/contactmessage/{stored.pk}/change/"), text)
    assert_safe(admin_client.get("/admin/pages/contactmessage/"), "message list")


def test_a_barrier_report_with_script_is_stored_unchanged(demo):
    text = SCRIPT_INJECTIONS[1]
    data = {"name": "Ada", "email": "ada@example.org", "page_url": text, "message": text}
    response = client_from(1).post("/ar/accessibility/", data)
    assert response.status_code == 302
    report = ContactMessage.objects.get(kind=ContactMessage.Kind.BARRIER)
    assert (report.page_url, report.message, report.language) == (text, text, "ar")


@pytest.mark.parametrize("text", INVALID_TEXT, ids=["null byte", "20000 characters"])
def test_invalid_text_gets_a_form_error_and_is_not_stored(post_forms, stored_before, text):
    # Forms with a field that takes text (the password reset has only an email address).
    taking_text = {
        key: form for key, form in post_forms.items() if text in form.fill(text).values()
    }
    assert len(taking_text) > 1
    for number, ((_page, target), form) in enumerate(taking_text.items()):
        response = client_from(number).post(target, form.fill(text))
        assert_safe(response, target)
        assert response.status_code == 200, target
        assert 'class="errorlist' in response.content.decode(), target
    assert_unchanged(stored_before)


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_form_errors_are_in_the_visitors_language(demo, language):
    html = client_from(1).post(f"/{language}/contact/", {"email": "kein-name"}).content.decode()
    with translation.override(language):
        assert escape(translation.gettext("This field is required.")) in html
        assert escape(translation.gettext("Enter a valid email address.")) in html


def test_script_in_the_query_string_of_every_page_comes_back_escaped(client, demo):
    text = quote(SCRIPT_INJECTIONS[1])
    query = "&".join(
        f"{name}={text}" for name in ["q", "page", "category", "kind", "year", "month", "sort"]
    )
    for path in html_pages(client, languages=["de"]):
        separator = "&" if "?" in path else "?"
        assert_safe(client.get(f"{path}{separator}{query}"), path)


def test_search_shows_a_hostile_query_escaped(client, demo):
    with translation.override("ar"):
        from django.urls import reverse

        searches = [reverse(name) for name in search_routes()]
    for path in searches:
        for text in SCRIPT_INJECTIONS:
            assert_safe(client.get(path, {"q": text}), (path, text))


@pytest.mark.parametrize("section", ["", "news/", "events/", "projects/", "documents/", "members/"])
def test_path_traversal_never_reaches_a_file(client, demo, section):
    for traversal in PATH_TRAVERSALS:
        for path in [f"/de/{section}{traversal}/", f"/de/{section}{traversal}.pdf"]:
            response = client.get(path)
            assert response.status_code in (301, 302, 400, 404), (path, response.status_code)
            body = response.content.decode(errors="replace")
            assert not any(secret in body for secret in SECRET_CONTENT), path


@pytest.mark.parametrize("prefix", ["/static/", "/media/"])
def test_path_traversal_under_files_never_reaches_a_file(client, demo, prefix):
    for traversal in PATH_TRAVERSALS:
        response = client.get(prefix + traversal)
        assert response.status_code in (301, 302, 400, 404), (prefix, traversal)
        body = response.content.decode(errors="replace")
        assert not any(secret in body for secret in SECRET_CONTENT)


@pytest.mark.parametrize("section", ["news", "events", "projects", "documents", "members"])
def test_script_in_a_slug_is_a_safe_404(client, demo, section):
    for text in SCRIPT_INJECTIONS[:6]:
        response = client.get(f"/de/{section}/{quote(text, safe='')}/")
        assert response.status_code == 404
        assert_safe(response, text)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_oversized_message_gets_a_translated_400_page(demo, language, stored_before):
    data = {"name": "Ada", "email": "ada@example.org", "subject": "Groß", "message": "x" * 10 * MB}
    response = client_from(1).post(f"/{language}/contact/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("The request could not be processed") in html
    assert ContactMessage.objects.count() == 1
    assert_unchanged(stored_before)


def test_a_post_with_thousands_of_fields_is_refused_cleanly(demo, stored_before):
    data = {f"field{number}": "x" for number in range(5000)}
    response = client_from(1).post("/de/contact/", data)
    assert response.status_code == 400
    assert_unchanged(stored_before)


def test_a_broken_multipart_post_is_refused_cleanly(demo, stored_before):
    response = client_from(1).post(
        "/de/contact/",
        data=b"--XYZ\r\nContent-Disposition: form-data; name=\r\n\r\n\xff\xfe--",
        content_type="multipart/form-data; boundary=XYZ",
    )
    assert response.status_code in (200, 400)
    assert_unchanged(stored_before)


def test_a_post_that_is_not_utf8_is_refused_cleanly(demo, stored_before):
    response = client_from(1).post(
        "/de/contact/",
        data=b"name=%ff%fe&email=\xff\xfe&subject=\xc0\xae&message=%00",
        content_type="application/x-www-form-urlencoded",
    )
    assert_safe(response, "latin-1 post")
    assert_unchanged(stored_before)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_form_without_its_security_token_gets_a_translated_403_page(demo, language):
    client = Client(enforce_csrf_checks=True)
    data = {"name": "Ada", "email": "ada@example.org", "subject": "Hallo", "message": "Hallo"}
    response = client.post(f"/{language}/contact/", data)
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("The form could not be sent") in html
    assert not ContactMessage.objects.exists()


def test_rich_text_with_script_is_cleaned_when_saved(client, demo):
    page = Page.objects.get(key=Page.Key.ABOUT)
    page.body_de = "".join(f"<p>{text}</p>" for text in SCRIPT_INJECTIONS)
    page.save()
    page.refresh_from_db()
    for dangerous in ["<script", "onerror=", "onload=", 'href="javascript:', "<iframe", "<svg"]:
        assert dangerous not in page.body_de.lower()
    assert_safe(client.get("/de/about/"), "about page")
