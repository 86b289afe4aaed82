"""Model fields shared by every content type."""

from inspect import getattr_static

from django.db import models
from django_prose_editor.fields import ProseEditorField
from modeltranslation.fields import TranslationFieldDescriptor

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
}


class RichTextField(ProseEditorField):
    """HTML body text, sanitised with nh3 whenever it is saved.

    django-prose-editor cleans only in forms; cleaning again in ``pre_save``
    also covers imports, the shell and the demo loader. modeltranslation copies
    the field per language, so every language column is cleaned by its own copy.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        # The bare field of a translated model reads through modeltranslation's
        # fallback: writing it back would store the German text in the column of
        # the active language. Its language columns are cleaned by their copies.
        if not isinstance(
            getattr_static(type(model_instance), self.attname, None), TranslationFieldDescriptor
        ):
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
