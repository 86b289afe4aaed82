"""What every check of an uploaded file does before it reads the content."""

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024


class UploadCheck:
    """Base of the upload validators: a file stored earlier passes, a too large one is refused.

    A new upload within ``max_bytes`` goes to ``check_content``, read from its first byte;
    the file is rewound afterwards, so the storage saves it whole.
    """

    too_large_message = _("The file is too large (%(size)s MB). At most %(max)s MB are allowed.")

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes

    def __call__(self, upload):
        if getattr(upload, "_committed", True) and not hasattr(upload, "content_type"):
            return  # a file stored earlier: checked when it was uploaded
        if upload.size > self.max_bytes:
            raise ValidationError(
                self.too_large_message,
                code="too_large",
                params={"size": number_format(upload.size / MB, 1), "max": self.max_bytes // MB},
            )
        upload.seek(0)
        try:
            self.check_content(upload)
        finally:
            upload.seek(0)

    def check_content(self, upload):
        raise NotImplementedError
