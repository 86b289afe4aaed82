from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from backoffice.admin import TranslatedAdmin

from .models import Document


class StoredFile:
    """What the file widget shows for a stored document: its name, linked to the download view."""

    def __init__(self, field_file):
        self.name = field_file.name
        self.url = field_file.instance.get_absolute_url()

    def __str__(self):
        return self.name


class DownloadLinkFileInput(AdminFileWidget):
    """The file input, linking the current file through the view: the storage has no URL."""

    def is_initial(self, value):
        return bool(value and getattr(value, "instance", None) and value.instance.pk)

    def format_value(self, value):
        return StoredFile(value) if self.is_initial(value) else None


@admin.register(Document)
class DocumentAdmin(TranslatedAdmin):
    list_display = ["title", "category", "date", "status"]
    list_filter = ["category", "members_only", "language"]
    search_fields = ["title", "slug"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_de"]}
    readonly_fields = ["file_size", "updated_at"]
    formfield_overrides = {models.FileField: {"widget": DownloadLinkFileInput}}
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "language", "date"]}),
        (_("File"), {"fields": ["file", "file_size"]}),
        (_("Visibility"), {"fields": ["members_only", "is_published", "published_at"]}),
        (None, {"fields": ["updated_at"]}),
    ]

    @admin.display(description=_("file size"))
    def file_size(self, document):
        return filesizeformat(document.size) if document.size else "–"
