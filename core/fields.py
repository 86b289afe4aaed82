"""Model fields shared by every content type."""

from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.db import models
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_prose_editor.fields import ProseEditorField, create_sanitizer

from .images import image_model
from .rich_text import drop_bare_images
from .translated import is_translated


def _image_chooser_url():
    return reverse(admin_urlname(image_model()._meta, "chooser"))


# What the editor offers is also exactly what the sanitiser lets through.
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    # A picture from the image library (core/rich_text.py); the editor asks the library's
    # admin for the pictures to choose from.
    "LibraryImage": {
        "chooser": lazy(_image_chooser_url, str)(),
        "labels": {
            "insert": _("Insert a picture from the image library"),
            "title": _("Choose a picture"),
            "search": _("Search the pictures"),
            "close": pgettext_lazy("image chooser", "Close"),
            "none": _("No picture found."),
        },
    },
}


class RichTextField(ProseEditorField):
    """HTML body text, sanitised with nh3 whenever it is saved.

    django-prose-editor cleans only in forms; cleaning again in ``pre_save``
    also covers imports, the shell and the demo loader. modeltranslation copies
    the field per language, so every language column is cleaned by its own copy.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", [drop_bare_images, create_sanitizer])
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        # The bare name of a translated field reads the active language's text or the
        # German fallback, and writing it back would store that in the active language's
        # column: each language column is cleaned and kept by its own field instead.
        if not is_translated(model_instance, self.attname):
            setattr(model_instance, self.attname, value)
        return value


class URLField(models.URLField):
    """A web address; one typed without a scheme is taken as https.

    That is Django 6's default for form fields; saying so here keeps the forms
    as they will be and silences the deprecation warning. Migrations see
    Django's own field: nothing changes in the database.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs
