"""The admin follows each staff member's own language, not the content's."""

import pytest
from django.urls import reverse

from backoffice.models import EditorPreference
from tests.languages import LANGUAGE_CODES

from .factories import make_staff

pytestmark = pytest.mark.django_db


def editor_who_chose(language):
    return make_staff(superuser=True, admin_language=language)


def test_admin_is_arabic_and_right_to_left_for_an_editor_who_chose_arabic(client):
    client.force_login(editor_who_chose("ar"))
    html = client.get(reverse("admin:index")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "admin/css/rtl.css" in html


def test_content_tabs_still_offer_every_language_in_an_arabic_admin(client):
    client.force_login(editor_who_chose("ar"))
    html = client.get(reverse("admin:pages_principle_add")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    for code in LANGUAGE_CODES:
        assert f'name="text_{code}"' in html


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_django_admin_speaks_each_of_our_languages(client, language):
    client.force_login(editor_who_chose(language))
    html = client.get(reverse("admin:password_change")).content.decode()
    assert f'<html lang="{language}"' in html
    if language != "en":
        assert "Change password" not in html


def test_choosing_a_language_in_the_header_is_remembered_for_the_user(client):
    user = make_staff(superuser=True)
    client.force_login(user)
    response = client.post(
        reverse("admin:set-language"),
        {"language": "uk", "next": reverse("admin:pages_page_changelist")},
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:pages_page_changelist")
    assert EditorPreference.objects.get(user=user).language == "uk"
    assert '<html lang="uk"' in client.get(reverse("admin:index")).content.decode()


def test_the_header_offers_every_language_named_in_itself(client):
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:index")).content.decode()
    for code, name in [("de", "Deutsch"), ("uk", "Українська"), ("ar", "العربية")]:
        assert f'<option value="{code}" lang="{code}"' in html
        assert name in html


def test_an_outside_address_to_return_to_is_ignored(client):
    client.force_login(make_staff(superuser=True))
    response = client.post(
        reverse("admin:set-language"), {"language": "ru", "next": "https://evil.example/"}
    )
    assert response.url == reverse("admin:index")


def test_an_unknown_language_changes_nothing(client):
    user = editor_who_chose("es")
    client.force_login(user)
    client.post(reverse("admin:set-language"), {"language": "xx"})
    assert EditorPreference.objects.get(user=user).language == "es"


def test_public_pages_keep_the_language_of_their_address(client, site_pages):
    client.force_login(editor_who_chose("ar"))
    html = client.get("/de/").content.decode()
    assert '<html lang="de" dir="ltr">' in html


def test_visitors_cannot_set_an_admin_language(client):
    response = client.post(reverse("admin:set-language"), {"language": "ar"})
    assert response.status_code == 302
    assert reverse("admin:login") in response.url
    assert not EditorPreference.objects.exists()
