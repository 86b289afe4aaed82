import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from documents.models import Document
from tests.documents.factories import make_document, make_many_documents
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_member


def test_download_is_the_pdf_under_a_readable_name(client, db):
    document = make_document(slug="satzung-stand-2016")
    response = client.get("/de/documents/satzung-stand-2016.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="satzung-stand-2016.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert document.get_absolute_url() == "/de/documents/satzung-stand-2016.pdf"


def test_files_are_stored_outside_the_public_media_folder(db):
    document = make_document()
    path = Path(document.file.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018


def test_list_links_the_download_view_never_the_stored_file(client, db):
    document = make_document()
    html = client.get("/en/documents/").content.decode()
    assert f'href="/en/documents/{document.slug}.pdf"' in html
    assert document.file.name not in html


def test_members_only_document_is_hidden_from_anonymous_visitors(client, db):
    make_document(slug="protokoll", title_de="Protokoll der Klausur", members_only=True)
    assert "Protokoll der Klausur" not in client.get("/de/documents/").content.decode()
    assert client.get("/de/documents/protokoll.pdf").status_code == 404


def test_members_only_document_is_hidden_from_logged_in_non_members(client, db, django_user_model):
    make_document(slug="protokoll", title_de="Protokoll der Klausur", members_only=True)
    client.force_login(django_user_model.objects.create_user("visitor"))
    assert "Protokoll der Klausur" not in client.get("/de/documents/").content.decode()
    assert client.get("/de/documents/protokoll.pdf").status_code == 404


def test_members_see_and_download_members_only_documents(client, db, django_user_model):
    make_document(slug="protokoll", title_de="Protokoll der Klausur", members_only=True)
    client.force_login(make_member(django_user_model))
    html = client.get("/de/documents/").content.decode()
    assert "Protokoll der Klausur" in html
    response = client.get("/de/documents/protokoll.pdf")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    # Reading the file to its end also closes it.
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    "hidden",
    [
        {"is_published": False},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
)
def test_unpublished_documents_are_neither_listed_nor_served(client, db, django_user_model, hidden):
    make_document(slug="entwurf", title_de="Entwurf des Jahresberichts", **hidden)
    client.force_login(make_member(django_user_model))
    assert "Entwurf des Jahresberichts" not in client.get("/de/documents/").content.decode()
    assert client.get("/de/documents/entwurf.pdf").status_code == 404


def test_list_groups_documents_by_category_in_a_fixed_order(client, db):
    make_document(title_de="Jahresbericht 2023", category=Document.Category.ANNUAL_REPORT)
    make_document(title_de="Vereinssatzung 2016", category=Document.Category.STATUTE)
    html = client.get("/de/documents/").content.decode()
    assert html.index('id="category-statute"') < html.index("Vereinssatzung 2016")
    assert html.index("Vereinssatzung 2016") < html.index('id="category-annual_report"')
    assert html.index('id="category-annual_report"') < html.index("Jahresbericht 2023")


def test_list_names_the_documents_language_in_that_language(client, db):
    make_document(language="uk")
    html = client.get("/de/documents/").content.decode()
    assert '<span lang="uk" dir="auto">Українська</span>' in html


@pytest.mark.parametrize(
    ("language", "date"),
    [("de", "3. Mai 2024"), ("en", "May 3, 2024"), ("fr", "3 mai 2024"), ("ru", "3 мая 2024")],
)
def test_list_writes_dates_the_way_the_language_does(client, db, language, date):
    make_document(date=datetime.date(2024, 5, 3))
    assert date in client.get(f"/{language}/documents/").content.decode()


def test_list_shows_the_file_size(client, db):
    document = make_document()
    assert document.size > 0
    html = client.get("/en/documents/").content.decode()
    assert f"{document.size}\xa0bytes" in html


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_titles_are_shown_in_the_visitors_language_or_marked_german(client, db, language):
    make_document(title_de="Satzung", title_en="Statute")
    html = client.get(f"/{language}/documents/").content.decode()
    if language == "en":
        assert "Statute" in html
    else:
        assert ('<span lang="de" dir="ltr">Satzung</span>' in html) == (language != "de")
        assert "Satzung" in html


@pytest.mark.parametrize("count", [10, 1000])
def test_list_costs_the_same_queries_for_few_and_many_documents(
    client, db, django_user_model, django_assert_max_num_queries, count
):
    make_many_documents(count)
    client.force_login(make_member(django_user_model))
    with django_assert_max_num_queries(5):
        response = client.get("/de/documents/")
    assert response.status_code == 200


def test_documents_page_is_in_the_sitemap_but_the_files_are_not(client, db):
    make_document(slug="satzung")
    sitemap = client.get("/sitemap-documents.xml").content.decode()
    assert "http://testserver/de/documents/</loc>" in sitemap
    assert "satzung.pdf" not in sitemap


def test_editors_open_an_unpublished_document_from_the_admin(admin_client, db):
    make_document(slug="entwurf", is_published=False)
    response = admin_client.get("/de/documents/entwurf.pdf")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
