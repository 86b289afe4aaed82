from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from backoffice.admin import TranslatedAdmin

from .models import Post


@admin.register(Post)
class PostAdmin(TranslatedAdmin):
    list_display = ["title", "kind", "published_at", "status"]
    list_filter = ["kind", "published_at"]
    search_fields = ["title", "teaser", "slug", "author"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = ["organisations", "projects"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "teaser", "body", "author"]}),
        (_("Publishing"), {"fields": ["is_published", "published_at", "updated_at"]}),
        (_("Cover image"), {"fields": ["cover_image"]}),
        (_("Job posting"), {"fields": ["application_deadline"]}),
        (_("Related"), {"fields": ["organisations", "projects"]}),
    ]
