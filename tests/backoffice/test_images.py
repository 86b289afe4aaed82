"""Every uploaded image goes through one field: checked, cleaned, resized."""

import io
import struct
import zlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.images import WIDTHS, ResponsiveImageField, variant_name
from core.uploads import MB

IMAGE_FIELDS = [
    (model, field)
    for model in apps.get_models()
    for field in model._meta.fields
    if isinstance(field, ResponsiveImageField)
]
IDS = [f"{model._meta.label}.{field.name}" for model, field in IMAGE_FIELDS]
GPS_IFD = 0x8825


def jpeg(size=(2000, 1500), exif=None, image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format=image_format, exif=exif or Image.Exif())
    return buffer.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_header(width, height):
    """A PNG that only claims its size: enough for Pillow to open it, tiny on disk."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def refusal(field, file):
    with pytest.raises(ValidationError) as error:
        field.clean(file, None)
    (code,) = {error.code for error in error.value.error_list}
    return code


def test_the_project_has_image_fields_to_check():
    assert IMAGE_FIELDS


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_a_text_file_named_like_an_image_is_refused(model, field):
    fake = upload(b"<svg onload='alert(1)'>not a picture</svg>", name="photo.png")
    assert refusal(field, fake) == "not_an_image"


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_a_broken_image_is_refused(model, field):
    assert refusal(field, upload(jpeg()[:200])) == "not_an_image"


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_no_image_field_accepts_more_than_ten_megabytes(model, field):
    assert field.max_bytes <= 10 * MB
    padded = jpeg() + b"\0" * (field.max_bytes + 1 - len(jpeg()))
    assert refusal(field, upload(padded)) == "too_large"


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_an_image_with_more_pixels_than_allowed_is_refused(model, field):
    side = int(field.max_pixels**0.5) + 1
    assert refusal(field, upload(png_header(side, side), name="huge.png")) == "too_many_pixels"


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_a_decompression_bomb_is_refused_before_it_is_decoded(model, field):
    bomb = upload(png_header(40_000, 40_000), name="bomb.png", content_type="image/png")
    assert refusal(field, bomb) in {"not_an_image", "too_many_pixels"}


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_a_real_image_within_the_limits_is_accepted(model, field):
    field.clean(upload(jpeg()), None)


def store(model, field, content):
    """What saving a model does with the upload, without the rest of the model."""
    instance = model()
    setattr(instance, field.attname, upload(content))
    return field.pre_save(instance, add=True), instance


def exif_with_location():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0131] = "Secret Editor 1.0"  # software
    exif[GPS_IFD] = {1: "N", 2: (52.0, 22.0, 30.0), 3: "E", 4: (9.0, 44.0, 10.0)}
    return exif


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_exif_and_gps_data_are_stripped_from_the_stored_image(model, field):
    original = jpeg(exif=exif_with_location())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    stored, _instance = store(model, field, original)
    with default_storage.open(stored.name) as file:
        content = file.read()
    image = Image.open(io.BytesIO(content))
    assert not image.getexif()
    assert not image.getexif().get_ifd(GPS_IFD)
    assert b"PhoneMaker" not in content and b"Exif" not in content


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_exif_and_gps_data_are_stripped_from_png_and_webp_too(image_format):
    model, field = IMAGE_FIELDS[0]
    stored, _instance = store(
        model, field, jpeg(exif=exif_with_location(), image_format=image_format)
    )
    with default_storage.open(stored.name) as file:
        content = file.read()
    assert not Image.open(io.BytesIO(content)).getexif()
    assert b"PhoneMaker" not in content


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=IDS)
def test_resized_webp_and_jpeg_versions_are_stored(model, field):
    stored, instance = store(model, field, jpeg(size=(2000, 1500)))
    for width in WIDTHS:
        for extension, pil_format in (("webp", "WEBP"), ("jpg", "JPEG")):
            name = variant_name(stored.name, width, extension)
            with default_storage.open(name) as file:
                image = Image.open(file)
                assert (image.format, image.width) == (pil_format, width)
    assert (getattr(instance, field.width_field), getattr(instance, field.height_field)) == (
        2000,
        1500,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS[:1], ids=IDS[:1])
def test_a_small_image_is_not_enlarged(model, field):
    stored, _instance = store(model, field, jpeg(size=(600, 400)))
    assert default_storage.exists(variant_name(stored.name, 480, "webp"))
    assert not default_storage.exists(variant_name(stored.name, 960, "webp"))


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS[:1], ids=IDS[:1])
def test_a_photo_taken_sideways_is_stored_upright(model, field):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    stored, instance = store(model, field, jpeg(size=(1200, 800), exif=exif))
    assert (getattr(instance, field.width_field), getattr(instance, field.height_field)) == (
        800,
        1200,
    )
