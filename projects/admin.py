from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from backoffice.admin import TranslatedAdmin

from .models import Funder, Project


@admin.register(Funder)
class FunderAdmin(TranslatedAdmin):
    fields = ["name", "logo", "link"]
    list_display = ["name", "link"]
    search_fields = ["name"]


@admin.register(Project)
class ProjectAdmin(TranslatedAdmin):
    list_display = ["title", "start", "end", "status"]
    list_filter = ["start"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = ["funders", "partners", "contacts"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Duration"), {"fields": ["start", "end"]}),
        (_("People and organisations"), {"fields": ["funders", "partners", "contacts"]}),
        (_("Publishing"), {"fields": ["is_published", "published_at", "updated_at"]}),
    ]

    def status_badges(self, project):
        return [*super().status_badges(project), ("phase", project.get_status_display())]
