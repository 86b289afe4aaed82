from django.utils import translation

from core.translated import shown_value
from pages.models import Principle
from tests.pages.factories import make_principle


def test_untranslated_title_shows_german_marked_as_german(client, site_pages):
    _association, pages = site_pages
    pages["about"].title_uk = ""
    pages["about"].save()
    html = client.get("/uk/about/").content.decode()
    assert '<span lang="de" dir="ltr">Seite about</span>' in html


def test_untranslated_text_carries_a_note_in_the_visitors_language(client, site_pages):
    html = client.get("/ar/about/").content.decode()
    with translation.override("ar"):
        note = translation.gettext("Not yet translated; shown in German.")
    assert '<div lang="de" dir="ltr"><p>Text der Seite about</p></div>' in html
    assert note in html


def test_translated_text_is_shown_without_fallback_mark(client, site_pages):
    html = client.get("/ar/about/").content.decode()
    assert "<h1>صفحة about</h1>" in html


def test_sorting_by_translated_text_places_untranslated_items_by_their_german_text(db):
    make_principle(languages=["de"], text_de="Alpha", text_en="")
    make_principle(languages=["de", "en"], text_de="Zulu", text_en="Bravo")
    make_principle(languages=["de", "en"], text_de="Charlie", text_en="Charlie")
    with translation.override("en"):
        shown = [p.text for p in Principle.objects.order_by(shown_value("text"))]
    assert shown == ["Alpha", "Bravo", "Charlie"]
