"""Logos are checked when uploaded in the admin: fakes, big files and decompression bombs."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.models import MemberOrganisation


def png(width, height, noise=False):
    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), "#8a1538")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def add_organisation(admin_client, logo):
    return admin_client.post(
        "/admin/members/memberorganisation/add/",
        {
            "name": "Linden Legendz",
            "slug": "linden-legendz",
            "description_de": "<p>Ein Verein in Linden.</p>",
            "city": "Hannover",
            "is_active": "on",
            "logo": SimpleUploadedFile("logo.png", logo, content_type="image/png"),
        },
        headers={"accept-language": "en"},
    )


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [name for _dir, _dirs, names in os.walk(root) for name in names]


def test_a_real_logo_is_stored_with_its_size(admin_client, settings):
    response = add_organisation(admin_client, png(600, 300))
    assert response.status_code == 302
    organisation = MemberOrganisation.objects.get()
    assert (organisation.logo_width, organisation.logo_height) == (600, 300)
    assert stored_files(settings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is only text with a .png name", "Upload a valid image."),
        (png(5000, 5000), "The image has too many pixels. At most 20 megapixels are allowed."),
    ],
    ids=["text-file-named-png", "decompression-bomb"],
)
def test_unusable_logo_is_refused_with_a_clear_message(admin_client, settings, content, message):
    response = add_organisation(admin_client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MemberOrganisation.objects.exists()
    assert not stored_files(settings)


def test_logo_larger_than_5_mb_is_refused(admin_client, settings):
    big = png(1450, 1450, noise=True)
    assert len(big) > 6_000_000
    response = add_organisation(admin_client, big)
    assert "The image is too large" in response.content.decode()
    assert "At most 5 MB are allowed." in response.content.decode()
    assert not MemberOrganisation.objects.exists()
    assert not stored_files(settings)
