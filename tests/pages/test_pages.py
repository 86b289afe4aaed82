import pytest
from django.utils import translation

from pages.models import Page, Principle
from tests.conftest import LANGUAGE_CODES


@pytest.mark.parametrize("key", Page.Key.values)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_fixed_page_answers(client, site_pages, key, language):
    url = site_pages[1][key].get_absolute_url()
    with translation.override(language):
        url = site_pages[1][key].get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert url.startswith(f"/{language}/")


def test_page_text_is_edited_in_the_database(client, site_pages):
    _association, pages = site_pages
    pages["privacy"].body_de = "<p>Wir setzen keine Tracking-Werkzeuge ein.</p>"
    pages["privacy"].save()
    assert "Wir setzen keine Tracking-Werkzeuge ein." in client.get("/de/privacy/").content.decode()


def test_principles_page_shows_them_in_the_pages_language(client, site_pages):
    Principle.objects.create(
        order=1,
        text_de="MiSO arbeitet transparent.",
        text_es="MiSO funciona de forma transparente.",
    )
    html = client.get("/es/principles/").content.decode()
    assert "MiSO funciona de forma transparente." in html
    assert "MiSO arbeitet transparent." not in html


def test_all_languages_page_marks_each_block_with_its_language_and_direction(client, site_pages):
    Principle.objects.create(
        order=1,
        **{f"text_{code}": f"principle in {code}" for code in LANGUAGE_CODES},
    )
    html = client.get("/de/principles/all-languages/").content.decode()
    for code in LANGUAGE_CODES:
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<section lang="{code}" dir="{direction}"' in html
    assert "المبادئ" in html or "مبادئنا" in html


def test_imprint_shows_the_legally_required_details(client, site_pages):
    association, _pages = site_pages
    association.register_number = "VR 123456"
    association.save()
    html = client.get("/de/imprint/").content.decode()
    for detail in [
        "MiSO-Netzwerk Hannover e.V.",
        "Mengendamm 12",
        "30177 Hannover",
        "Amtsgericht Hannover",
        "VR 123456",
        "info@miso-netzwerk.de",
    ]:
        assert detail in html


def test_home_page_counts_member_organisations(client, site_pages):
    html = client.get("/en/").content.decode()
    assert "member organisation" in html


def test_footer_shows_address_and_opening_hours_on_every_page(client, site_pages):
    html = client.get("/de/about/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert "Mengendamm 12" in footer
    assert "Montag" in footer and "Donnerstag" in footer
    assert "und nach Vereinbarung" in footer


def test_email_addresses_are_not_in_the_source_as_plain_text(client, site_pages):
    html = client.get("/de/contact/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert "info@miso-netzwerk.de" not in footer
    assert "&#109;&#97;&#105;&#108;&#116;&#111;&#58;" in footer  # "mailto:" as references
