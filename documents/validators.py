"""The check every uploaded document passes: a real, intact, open PDF without scripts."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from core.uploads import MB, UploadCheck

# Keys and action types through which a PDF runs code or programs when opened.
SCRIPT_KEYS = {"/JS", "/JavaScript"}
SCRIPT_ACTIONS = {"/JavaScript", "/Launch"}


def has_script(root):
    """Walk every object reachable from ``root`` and look for scripts or launch actions."""
    seen = set()
    pending = [root]
    while pending:
        obj = pending.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if SCRIPT_KEYS & obj.keys() or obj.get(NameObject("/S")) in SCRIPT_ACTIONS:
                return True
            pending.extend(dict.values(obj))
        elif isinstance(obj, ArrayObject):
            pending.extend(list.__iter__(obj))
    return False


@deconstructible(path="documents.validators.PdfCheck")
class PdfCheck(UploadCheck):
    """Validator: refuses anything but an intact, unencrypted PDF within the size limit.

    The type is read from the content, never from the name: a renamed file
    fails at the first bytes. pypdf then reads the whole structure, so a
    damaged file fails here and not in a visitor's viewer.
    """

    def __init__(self, max_bytes=20 * MB):
        super().__init__(max_bytes)

    def check_content(self, upload):
        if not upload.read(5) == b"%PDF-":
            raise ValidationError(
                _("This file is not a PDF. Please upload the document as a PDF file."),
                code="not_a_pdf",
            )
        upload.seek(0)
        self.check_structure(upload)

    def check_structure(self, upload):
        try:
            reader = PdfReader(upload, strict=False)
            if reader.is_encrypted:
                raise ValidationError(
                    _(
                        "This PDF is encrypted or password-protected. "
                        "Please upload a version without a password."
                    ),
                    code="encrypted",
                )
            if len(reader.pages) == 0:
                raise self.damaged()
            if has_script(reader.trailer):
                raise ValidationError(
                    _(
                        "This PDF contains scripts or commands that run when it is opened. "
                        "Please upload a version without them, for example printed to a new PDF."
                    ),
                    code="script",
                )
        except ValidationError:
            raise
        except Exception as err:  # pypdf signals damage with many exception types
            raise self.damaged() from err

    @staticmethod
    def damaged():
        return ValidationError(
            _("This PDF is damaged and cannot be read. Please export it again and upload it anew."),
            code="damaged",
        )

    def __eq__(self, other):
        return isinstance(other, PdfCheck) and self.max_bytes == other.max_bytes
