"""Body texts keep their formatting but lose anything that could run script."""

import pytest
from django.urls import reverse

from pages.models import Page
from tests.languages import LANGUAGE_CODES
from tests.pages.factories import make_page

from .factories import make_staff

pytestmark = pytest.mark.django_db

ATTACK = (
    "<h2>Heading</h2>"
    '<p onclick="alert(1)">Text with <strong>bold</strong> and <em>italic</em> '
    '<a href="javascript:alert(2)">bad link</a> '
    '<a href="https://www.miso-netzwerk.de/">good link</a></p>'
    "<script>alert(3)</script>"
    '<img src="x" onerror="alert(4)">'
    "<ul><li>one</li><li>two</li></ul>"
    '<iframe src="https://evil.example/"></iframe>'
)


def assert_harmless(html):
    lowered = html.lower()
    for dangerous in ["<script", "onclick", "onerror", "javascript:", "<iframe", "<img"]:
        assert dangerous not in lowered


def assert_formatting_kept(html):
    for kept in ["<h2>Heading</h2>", "<strong>bold</strong>", "<em>italic</em>", "<li>one</li>"]:
        assert kept in html
    assert 'href="https://www.miso-netzwerk.de/"' in html


def change_form_data(page, **changes):
    data = {"key": page.key}
    for code in LANGUAGE_CODES:
        for field in ("title", "lead", "body"):
            data[f"{field}_{code}"] = getattr(page, f"{field}_{code}") or ""
    return data | changes


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_script_is_removed_from_rich_text_saved_in_the_admin(client, language):
    page = make_page("about")
    client.force_login(make_staff(superuser=True))
    response = client.post(
        reverse("admin:pages_page_change", args=[page.pk]),
        change_form_data(page, **{f"body_{language}": ATTACK}),
    )
    assert response.status_code == 302
    body = getattr(Page.objects.get(pk=page.pk), f"body_{language}")
    assert_harmless(body)
    assert_formatting_kept(body)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_script_is_removed_from_rich_text_saved_outside_the_admin(language):
    """Imports, the shell and the demo loader save without a form."""
    page = make_page("about", **{f"body_{language}": ATTACK})
    body = getattr(Page.objects.get(pk=page.pk), f"body_{language}")
    assert_harmless(body)
    assert_formatting_kept(body)


@pytest.mark.parametrize("admin_language", LANGUAGE_CODES[1:])
def test_a_save_in_the_admin_leaves_an_untranslated_text_untranslated(client, admin_language):
    """The German text is what visitors read as a fallback; it is never stored as a translation."""
    page = make_page("about", body_de="<p>Wer wir sind</p>")
    client.force_login(make_staff(superuser=True, admin_language=admin_language))
    response = client.post(
        reverse("admin:pages_page_change", args=[page.pk]), change_form_data(page)
    )
    assert response.status_code == 302
    assert getattr(Page.objects.get(pk=page.pk), f"body_{admin_language}") == ""
