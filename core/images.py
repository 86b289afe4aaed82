"""Uploaded images: checked, cleaned and resized in one place.

``ResponsiveImageField`` refuses files that are not real images, are too large
or have too many pixels (decompression bombs). On save it re-encodes the
original without its metadata (EXIF, GPS) and stores WebP and JPEG versions
in a few widths beside it, which ``{% picture %}`` offers with ``srcset``.
"""

import io
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from PIL import Image, ImageOps, UnidentifiedImageError

from .uploads import MB, UploadCheck

WIDTHS = (480, 960, 1600)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def variant_name(name, width, extension):
    """``images/a.jpg`` → ``images/a.480w.webp``."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.{extension}"))


def variant_widths(image_width):
    return [width for width in WIDTHS if width < image_width]


class ImageCheck(UploadCheck):
    """Validator: is the upload a real image within the limits?"""

    too_large_message = _("The image is too large (%(size)s MB). At most %(max)s MB are allowed.")

    def __init__(self, max_bytes, max_pixels):
        super().__init__(max_bytes)
        self.max_pixels = max_pixels

    def check_content(self, upload):
        try:
            with Image.open(upload) as image:
                if image.format not in FORMATS:
                    raise UnidentifiedImageError(image.format)
                if image.width * image.height > self.max_pixels:
                    raise ValidationError(
                        _("The image has too many pixels. At most %(max)s megapixels are allowed."),
                        code="too_many_pixels",
                        params={"max": self.max_pixels // 1_000_000},
                    )
                image.verify()
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as err:
            raise ValidationError(
                _(
                    "This file is not an image we can use. "
                    "Please upload a JPEG, PNG, WebP or GIF file."
                ),
                code="not_an_image",
            ) from err

    def __eq__(self, other):
        return isinstance(other, ImageCheck) and (self.max_bytes, self.max_pixels) == (
            other.max_bytes,
            other.max_pixels,
        )

    def deconstruct(self):
        return ("core.images.ImageCheck", (self.max_bytes, self.max_pixels), {})


def clean_original(content):
    """The upload re-encoded in its own format, upright and without metadata."""
    content.seek(0)
    with Image.open(content) as image:
        image_format = image.format
        upright = ImageOps.exif_transpose(image)
        upright.info.pop("exif", None)
        buffer = io.BytesIO()
        options = {"quality": 90} if image_format in {"JPEG", "WEBP"} else {}
        if image_format == "JPEG" and upright.mode not in {"RGB", "L"}:
            upright = upright.convert("RGB")
        upright.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def save_variants(field_file):
    """Store the resized WebP and JPEG versions beside the original."""
    storage = field_file.storage
    with storage.open(field_file.name) as stored, Image.open(stored) as image:
        image.load()
        rgb = image.convert("RGB")
        for width in variant_widths(image.width):
            height = round(image.height * width / image.width)
            resized = rgb.resize((width, height), Image.Resampling.LANCZOS)
            for pil_format, extension in (("WEBP", "webp"), ("JPEG", "jpg")):
                buffer = io.BytesIO()
                resized.save(buffer, format=pil_format, quality=82)
                name = variant_name(field_file.name, width, extension)
                if storage.exists(name):
                    storage.delete(name)
                storage.save(name, ContentFile(buffer.getvalue()))


class ResponsiveImageField(models.ImageField):
    """An image upload with checks, metadata stripping and resized versions."""

    def __init__(self, *args, max_bytes=10 * MB, max_pixels=20_000_000, **kwargs):
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        kwargs.setdefault("upload_to", "images/%Y/%m/")
        super().__init__(*args, **kwargs)
        self.validators.append(ImageCheck(max_bytes, max_pixels))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        kwargs["max_bytes"] = self.max_bytes
        kwargs["max_pixels"] = self.max_pixels
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        field_file = getattr(model_instance, self.attname)
        is_new_upload = bool(field_file) and not field_file._committed
        if is_new_upload:
            field_file.file = ContentFile(clean_original(field_file.file), name=field_file.name)
        field_file = super().pre_save(model_instance, add)
        if is_new_upload:
            # Turning an image upright can swap its width and height.
            self.update_dimension_fields(model_instance, force=True)
            save_variants(field_file)
        return field_file


def image_fields(
    name, verbose_name, *, upload_to, alt=None, help_text="", max_bytes=10 * MB, **limits
):
    """An abstract model with the image field ``name``, its stored width and height and,
    with ``alt`` (the alternative's label), its text alternative ``<name>_alt``.

    ``class Post(Publishable, image_fields("cover_image", _("cover image"), ...))``.
    Translate ``<name>_alt`` in the app's ``translation.py``: then a picture
    without a description in the default language (every visitor's fallback)
    is refused, and the error is shown at that language's field.
    """
    fields = {
        name: ResponsiveImageField(
            verbose_name,
            blank=True,
            upload_to=upload_to,
            width_field=f"{name}_width",
            height_field=f"{name}_height",
            help_text=help_text,
            max_bytes=max_bytes,
            **limits,
        ),
        f"{name}_width": models.PositiveIntegerField(null=True, blank=True, editable=False),
        f"{name}_height": models.PositiveIntegerField(null=True, blank=True, editable=False),
    }
    if alt is not None:
        fields[f"{name}_alt"] = models.CharField(
            alt,
            max_length=300,
            blank=True,
            help_text=_("What the picture shows, for people who cannot see it."),
        )

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super(block, self).clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        described = build_localized_fieldname(f"{name}_alt", settings.LANGUAGE_CODE)
        if alt is not None and getattr(self, name) and not getattr(self, described):
            errors.setdefault(described, []).append(
                ValidationError(
                    _("Please describe the picture for people who cannot see it."),
                    code="no_alternative",
                )
            )
        if errors:
            raise ValidationError(errors)

    block = type(
        f"{name.title().replace('_', '')}Fields",
        (models.Model,),
        {
            "__module__": __name__,
            "Meta": type("Meta", (), {"abstract": True}),
            "clean_fields": clean_fields,
            **fields,
        },
    )
    return block
