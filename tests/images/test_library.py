"""The image library keeps each picture once: checked when uploaded, described in German at
least, chosen by any content that shows it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.utils import translation

from images.models import Image
from tests.events.factories import make_event
from tests.news.factories import make_post
from tests.people.factories import make_person

from .factories import image_file, make_image

pytestmark = pytest.mark.django_db


def refusal(upload, alt_de="Plakat des Mai-Festes"):
    """The errors of a new picture with ``upload`` as its file."""
    with pytest.raises(ValidationError) as raised:
        Image(file=upload, alt_de=alt_de).full_clean()
    return raised.value.error_dict


def test_a_file_that_is_not_an_image_is_refused():
    fake = SimpleUploadedFile("plakat.jpg", b"%PDF-1.4 kein Bild", content_type="image/jpeg")
    assert [error.code for error in refusal(fake)["file"]] == ["not_an_image"]


def test_an_image_over_ten_megabytes_is_refused_with_its_size_in_the_message():
    huge = SimpleUploadedFile("plakat.jpg", b"\xff" * (10 * 1024 * 1024 + 1), "image/jpeg")
    with translation.override("de"):
        (error,) = refusal(huge)["file"]
        message = error.messages[0]
    assert error.code == "too_large"
    assert "(10,0 MB)" in message and "höchstens 10 MB" in message


def test_an_image_with_too_many_pixels_is_refused():
    # 6000 × 4001 pixels: over 24 megapixels, though small as a file.
    with translation.override("de"):
        (error,) = refusal(image_file(size=(6000, 4001)))["file"]
        message = error.messages[0]
    assert error.code == "too_many_pixels"
    assert "höchstens 20 Megapixel" in message


def test_a_picture_needs_a_german_text_alternative():
    assert "alt_de" in refusal(image_file(), alt_de="")


def test_a_picture_is_stored_with_its_size_and_smaller_versions():
    image = make_image(size=(1200, 800))
    assert (image.width, image.height) == (1200, 800)
    assert image.file.storage.exists(image.file.name.replace(".png", ".480w.webp"))
    assert image.file.storage.exists(image.file.name.replace(".png", ".960w.jpg"))


def test_the_same_picture_in_two_posts_and_an_event_is_one_row():
    image = make_image()
    make_post(cover_image=image)
    make_post(cover_image=image)
    make_event(image=image)
    assert Image.objects.count() == 1
    assert image.posts.count() == 2


def test_a_picture_in_use_cannot_be_deleted():
    image = make_image()
    make_person(photo=image)
    with pytest.raises(ProtectedError):
        image.delete()
    assert Image.objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize("across", [-1, 101])
def test_a_focal_point_outside_the_picture_is_refused(across):
    image = make_image()
    image.focal_x = across
    with pytest.raises(ValidationError) as raised:
        image.full_clean()
    assert "focal_x" in raised.value.error_dict


@pytest.mark.parametrize(
    ("focal_point", "classes"),
    [
        ((50, 50), ""),
        ((80, 20), "focus-x-80 focus-y-20"),
        ((34, 66), "focus-x-30 focus-y-70"),
        ((0, 100), "focus-x-0 focus-y-100"),
    ],
)
def test_the_focal_point_becomes_two_classes_of_the_stylesheet(focal_point, classes):
    focal_x, focal_y = focal_point
    assert make_image(focal_x=focal_x, focal_y=focal_y).focus_classes == classes
