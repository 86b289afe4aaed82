"""Fake uploads through the admin: refused with a clear error, nothing stored changes.

Every model the admin edits with an image or PDF field is covered: its first
demo object's change form is sent back as it is, with the file field replaced.
"""

import re
import struct
import zlib
from html import unescape

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import FileField
from django.urls import reverse
from django.utils import translation

from core.images import ResponsiveImageField
from documents.validators import PdfCheck
from tests.security.html_forms import forms_on


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb():
    """A tiny PNG that claims 60,000 × 60,000 pixels (3.6 gigapixels)."""
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 7_501 * 64, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


PDF_WITH_SCRIPT = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
4 0 obj << /Type /Action /S /JavaScript /JS (app.alert('pwned')) >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""

FAKE_IMAGES = {
    "html named .jpg": ("portrait.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
    "svg with script named .png": (
        "logo.png",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "image/png",
    ),
    "truncated jpeg": (
        "photo.jpg",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40,
        "image/jpeg",
    ),
    "decompression bomb": ("bomb.png", decompression_bomb(), "image/png"),
    "pdf named .jpg": ("scan.jpg", PDF_WITH_SCRIPT, "image/jpeg"),
}
FAKE_PDFS = {
    "pdf with javascript": ("satzung.pdf", PDF_WITH_SCRIPT, "application/pdf"),
    "html named .pdf": (
        "bericht.pdf",
        b"<html><script>alert(1)</script></html>",
        "application/pdf",
    ),
    "image named .pdf": ("bescheid.pdf", decompression_bomb(), "application/pdf"),
}


def upload_fields():
    """(model, field name, fakes) for every file field the admin edits that we check."""
    for model in apps.get_models():
        if model not in admin.site._registry:
            continue
        for model_field in model._meta.get_fields():
            if isinstance(model_field, ResponsiveImageField):
                yield model, model_field.name, FAKE_IMAGES
            elif isinstance(model_field, FileField) and any(
                isinstance(validator, PdfCheck) for validator in model_field.validators
            ):
                yield model, model_field.name, FAKE_PDFS


UPLOAD_FIELDS = list(upload_fields())


def field_error(html, field_name):
    """The error the admin shows at a field, as text."""
    row = re.search(
        rf'class="[^"]*errors field-{field_name}\b.*?<ul class="errorlist[^>]*>(.*?)</ul>',
        html,
        re.S,
    )
    assert row, f"no error at {field_name}"
    return unescape(re.sub(r"<[^>]+>", " ", row.group(1))).strip()


def test_image_and_pdf_fields_of_every_app_are_covered():
    covered = {f"{model._meta.label}.{name}" for model, name, _fakes in UPLOAD_FIELDS}
    assert {"images.Image.file", "documents.Document.file"} <= covered


@pytest.mark.parametrize(
    ("model", "field_name", "fakes"),
    UPLOAD_FIELDS,
    ids=[f"{model._meta.label}.{name}" for model, name, _fakes in UPLOAD_FIELDS],
)
def test_fake_upload_in_the_admin_is_refused_and_changes_nothing(
    admin_client, demo, model, field_name, fakes
):
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the demo content has no {model._meta.verbose_name}"
    stored_file = getattr(obj, field_name).name
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    forms = forms_on(admin_client.get(url).content.decode())
    form = next(f for f in forms if any(item.name == field_name for item in f.fields))
    # Sent back unchanged, the form is valid: any error below is the file's.
    assert admin_client.post(url, form.values()).status_code == 302
    for fake, (name, content, content_type) in fakes.items():
        data = form.values() | {field_name: SimpleUploadedFile(name, content, content_type)}
        with translation.override("de"):
            response = admin_client.post(url, data)
        assert response.status_code == 200, (fake, response.status_code)
        message = field_error(response.content.decode(), field_name)
        assert message.endswith(".") and " " in message, (fake, message)
        obj.refresh_from_db()
        assert getattr(obj, field_name).name == stored_file, fake
