import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import Event

from .factories import berlin

pytestmark = pytest.mark.django_db


def png(size=(800, 500)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return SimpleUploadedFile("poster.png", buffer.getvalue(), content_type="image/png")


def image_errors(upload, alt="Plakat des Mai-Festes"):
    event = Event(
        title_de="Mai-Fest",
        slug="mai-fest",
        starts_at=berlin(2027, 5, 1, 14),
        image=upload,
        image_alt_de=alt,
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    return error.value.error_dict


def codes(errors, field):
    return [error.code for error in errors[field]]


def test_a_file_that_is_not_an_image_is_refused():
    fake = SimpleUploadedFile("poster.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")
    assert codes(image_errors(fake), "image") == ["not_an_image"]


def test_an_image_over_the_size_limit_is_refused():
    huge = SimpleUploadedFile(
        "poster.jpg", b"\xff" * (10 * 1024 * 1024 + 1), content_type="image/jpeg"
    )
    assert codes(image_errors(huge), "image") == ["too_large"]


def test_an_image_with_too_many_pixels_is_refused():
    # 6000 × 5000 = 30 megapixels, over the 20 allowed, though small as a file.
    assert codes(image_errors(png(size=(6000, 5000))), "image") == ["too_many_pixels"]


def test_an_image_needs_a_german_text_alternative():
    assert "image_alt_de" in image_errors(png(), alt="")


def test_a_real_image_is_stored_with_its_size():
    event = Event(
        title_de="Mai-Fest",
        slug="mai-fest",
        starts_at=berlin(2027, 5, 1, 14),
        image=png(),
        image_alt_de="Plakat des Mai-Festes",
    )
    event.full_clean()
    event.save()
    assert (event.image_width, event.image_height) == (800, 500)
