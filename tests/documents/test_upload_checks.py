"""Uploads that are not intact, open PDFs within the size limit are refused with a clear message."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from documents.demo import make_pdf
from documents.models import Document
from documents.validators import PdfCheck


def written(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_open_action(action):
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf("Satzung")))
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(action)
    return written(writer)


def pdf_with_script():
    return pdf_with_open_action(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello')"),
        }
    )


def pdf_with_launch_action():
    return pdf_with_open_action(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
    )


def pdf_with_script_in_page_annotation():
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf("Satzung")))
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")}
    )
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})
    return written(writer)


def encrypted_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf("Satzung")))
    writer.encrypt("secret")
    return written(writer)


def pdf_without_pages():
    return written(PdfWriter())


def truncated_pdf():
    data = make_pdf("Satzung")
    return data[: len(data) // 2]


def png_named_pdf():
    return b"\x89PNG\r\n\x1a\n" + bytes(200)


def upload(data, name="satzung.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def refusal(data):
    with pytest.raises(ValidationError) as refused:
        PdfCheck()(upload(data))
    return refused.value


def test_an_intact_pdf_is_accepted():
    PdfCheck()(upload(make_pdf("Satzung", ["Stand 22.1.2016"])))


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (png_named_pdf, "not_a_pdf"),
        (encrypted_pdf, "encrypted"),
        (truncated_pdf, "damaged"),
        (pdf_without_pages, "damaged"),
        (pdf_with_script, "script"),
        (pdf_with_script_in_page_annotation, "script"),
        (pdf_with_launch_action, "script"),
    ],
)
def test_unusable_pdfs_are_refused(make, code):
    assert refusal(make()).code == code


def test_the_type_is_read_from_the_content_not_the_name():
    assert refusal(b"Just some text, called a PDF.").code == "not_a_pdf"
    PdfCheck()(upload(make_pdf("Satzung"), name="satzung.txt"))


def test_a_file_over_20_mb_is_refused_with_the_limit_named():
    too_large = make_pdf("Satzung") + b"%" * (20 * 1024 * 1024)
    error = refusal(too_large)
    assert error.code == "too_large"
    assert "20 MB" in error.messages[0]


def test_a_file_of_exactly_20_mb_is_not_refused_for_its_size():
    pdf = make_pdf("Satzung")
    padded = pdf + b"%" * (20 * 1024 * 1024 - len(pdf))
    PdfCheck()(upload(padded))


def add_in_admin(admin_client, data):
    return admin_client.post(
        "/admin/documents/document/add/",
        {
            "title_de": "Satzung",
            "slug": "satzung",
            "category": Document.Category.STATUTE,
            "language": "de",
            "date": "2016-01-22",
            "published_at_0": "2024-01-01",
            "published_at_1": "10:00:00",
            "is_published": "on",
            "file": upload(data),
        },
    )


@pytest.mark.parametrize("make", [png_named_pdf, encrypted_pdf, truncated_pdf, pdf_with_script])
def test_the_editor_is_told_what_is_wrong_in_the_admin(admin_client, make):
    data = make()
    response = add_in_admin(admin_client, data)
    assert response.status_code == 200
    # The admin speaks German unless the editor chose another language.
    with translation.override("de"):
        told = escape(refusal(data).messages[0])
    assert told in response.content.decode()
    assert not Document.objects.exists()


def test_the_admin_stores_an_intact_pdf_with_its_size(admin_client):
    pdf = make_pdf("Satzung")
    response = add_in_admin(admin_client, pdf)
    assert response.status_code == 302
    assert Document.objects.get().size == len(pdf)
