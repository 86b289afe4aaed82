"""Uploaded images: checked, cleaned and resized in one place, and kept in one library.

``ResponsiveImageField`` refuses files that are not real images, are too large
or have too many pixels (decompression bombs). On save it re-encodes the
original without its metadata (EXIF, GPS) and stores WebP and JPEG versions
in a few widths beside it, which ``{% picture %}`` offers with ``srcset``.
``AbstractImage`` is the image library's picture, which content chooses by a
foreign key and rich text by reference.
"""

import io
from pathlib import PurePosixPath

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
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


class AbstractImage(models.Model):
    """A picture of the image library: uploaded once, described in every language, and
    chosen wherever it is shown (a post's cover, a person's photo, a rich text).

    The library's concrete model subclasses it; shared mechanisms find that model by
    this type (``image_model()``). Translate ``alt`` with the German text required:
    it is what every visitor reads where their language has none yet.
    """

    class Licence(models.TextChoices):
        OWN = "own", _("Our own picture")
        PERMISSION = "permission", _("Used with permission")
        CC_BY = "cc-by", "CC BY 4.0"
        CC_BY_SA = "cc-by-sa", "CC BY-SA 4.0"
        CC0 = "cc0", _("Public domain (CC0)")

    file = ResponsiveImageField(
        _("image file"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt = models.CharField(
        _("text alternative"),
        max_length=300,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the picture, as they want to be named."),
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, blank=True)
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Per cent from the left edge."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Per cent from the top edge."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.alt or PurePosixPath(self.file.name).name

    def version_url(self, width):
        """The address of the stored WebP version ``width`` (one of ``WIDTHS``) wide, or of
        the original where the picture is not wider than that."""
        if width not in variant_widths(self.width or 0):
            return self.file.url
        return self.file.storage.url(variant_name(self.file.name, width, "webp"))

    @property
    def thumbnail_url(self):
        """The smallest version, for the back office's lists and choosers."""
        return self.version_url(WIDTHS[0])

    @property
    def focus_classes(self):
        """The focal point as two of the stylesheet's classes (``focus-x-30 focus-y-70``),
        in steps of ten per cent; none for the middle, where a crop centres anyway.

        Classes, because the site's Content-Security-Policy allows no inline styles.
        """
        x, y = (10 * round(value / 10) for value in (self.focal_x, self.focal_y))
        if (x, y) == (50, 50):
            return ""
        return f"focus-x-{x} focus-y-{y}"


def image_model():
    """The image library's model: the one concrete subclass of ``AbstractImage``."""
    (model,) = [model for model in apps.get_models() if issubclass(model, AbstractImage)]
    return model
