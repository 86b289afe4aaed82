from django.contrib import admin

from backoffice.admin import ContentAdmin, SpreadsheetMixin, TranslatedAdmin

from .models import BoardMembership, Person, TeamPosition, WorkingGroup
from .resources import PersonResource


class BoardMembershipInline(admin.TabularInline):
    model = BoardMembership
    extra = 0


@admin.register(Person)
class PersonAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [PersonResource]
    fields = ["title", "first_name", "last_name", "organisation", "email", "photo"]
    list_display = ["__str__", "organisation", "email"]
    list_select_related = ["organisation"]
    search_fields = ["first_name", "last_name"]
    autocomplete_fields = ["organisation"]
    inlines = [BoardMembershipInline]


@admin.register(BoardMembership)
class BoardMembershipAdmin(ContentAdmin):
    list_display = ["person", "role", "term_start", "term_end"]
    list_filter = ["term_start", "role"]
    list_select_related = ["person"]
    search_fields = ["person__first_name", "person__last_name"]
    autocomplete_fields = ["person"]
    date_hierarchy = "term_start"


@admin.register(TeamPosition)
class TeamPositionAdmin(TranslatedAdmin):
    list_display = ["person", "job_title", "project", "order"]
    list_select_related = ["person"]
    list_editable = ["order"]
    search_fields = ["person__first_name", "person__last_name", "job_title"]
    autocomplete_fields = ["person"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(TranslatedAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name_de"]}
    autocomplete_fields = ["members", "contact"]
