"""Anonymous visitors get no cookies but the two the privacy page names."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from pages.models import Page
from tests.languages import LANGUAGE_CODES
from tests.public_pages import html_pages

# What the privacy page promises: the CSRF cookie on pages with a form, and the
# language cookie when the visitor switches language through /i18n/setlang/.
CSRF_COOKIE = "csrftoken"
LANGUAGE_COOKIE = "django_language"


@pytest.fixture(scope="module")
def pages(on_demo_site):
    return on_demo_site(lambda client: html_pages(client, languages=["de", "ar"]))


def has_post_form(response):
    return 'method="post"' in response.content.decode().lower()


def test_pages_without_a_form_set_no_cookie(demo, pages):
    without_forms = [path for path, response in pages.items() if not has_post_form(response)]
    assert "/de/" in without_forms and "/ar/events/" in without_forms
    for path in without_forms:
        assert Client().get(path).cookies == {}, path


def test_pages_with_a_form_set_only_the_csrf_cookie(demo, pages):
    with_forms = [path for path, response in pages.items() if has_post_form(response)]
    assert "/de/contact/" in with_forms and "/ar/accessibility/" in with_forms
    for path in with_forms:
        assert set(Client().get(path).cookies) == {CSRF_COOKIE}, path


def test_csrf_cookie_is_hidden_from_scripts_and_same_site(client, demo):
    cookie = client.get("/de/contact/").cookies[CSRF_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_switching_language_sets_only_the_language_cookie(client, demo):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/ar/"})
    assert response.status_code == 302
    assert set(response.cookies) == {LANGUAGE_COOKIE}
    cookie = response.cookies[LANGUAGE_COOKIE]
    assert cookie.value == "ar"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_visiting_and_sending_forms_never_starts_a_session(client, demo, pages):
    client.post(
        "/de/contact/",
        {"name": "Ada", "email": "ada@example.org", "subject": "Hallo", "message": "Guten Tag"},
    )
    client.post(
        "/de/accessibility/",
        {"name": "Ada", "email": "ada@example.org", "message": "Der Kontrast ist zu schwach."},
    )
    for path in pages:
        client.get(path)
    assert "sessionid" not in client.cookies
    assert Session.objects.count() == 0


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_privacy_page_names_exactly_the_cookies_visitors_get(client, demo, language):
    privacy = Page.objects.get(key=Page.Key.PRIVACY)
    body = getattr(privacy, f"body_{language}")
    assert CSRF_COOKIE in body and LANGUAGE_COOKIE in body
    html = client.get(f"/{language}/privacy/").content.decode()
    assert CSRF_COOKIE in html and LANGUAGE_COOKIE in html
