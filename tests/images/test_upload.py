"""Pictures are checked when uploaded to the library in the admin: fakes, big files and
decompression bombs are refused with a message that says why, and nothing is stored."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture

from images.models import Image


def png(width, height, noise=False):
    if noise:
        image = Picture.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Picture.new("RGB", (width, height), "#8a1538")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def add_picture(admin_client, content):
    return admin_client.post(
        "/admin/images/image/add/",
        {
            "file": SimpleUploadedFile("logo.png", content, content_type="image/png"),
            "alt_de": "Logo der Linden Legendz",
            "focal_x": "50",
            "focal_y": "50",
        },
        headers={"accept-language": "en"},
    )


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [name for _dir, _dirs, names in os.walk(root) for name in names]


def test_a_real_picture_is_stored_with_its_size(admin_client, settings):
    response = add_picture(admin_client, png(600, 300))
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (600, 300)
    assert stored_files(settings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is only text with a .png name", "Upload a valid image."),
        (png(5000, 5000), "The image has too many pixels. At most 20 megapixels are allowed."),
    ],
    ids=["text-file-named-png", "decompression-bomb"],
)
def test_an_unusable_file_is_refused_with_a_clear_message(admin_client, settings, content, message):
    response = add_picture(admin_client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()
    assert not stored_files(settings)


def test_a_picture_larger_than_10_mb_is_refused(admin_client, settings):
    big = png(2000, 2000, noise=True)
    assert len(big) > 11_000_000
    response = add_picture(admin_client, big)
    assert "The image is too large" in response.content.decode()
    assert "At most 10 MB are allowed." in response.content.decode()
    assert not Image.objects.exists()
    assert not stored_files(settings)
