from django.conf import settings
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname

from backoffice.admin import SpreadsheetMixin, TranslatedAdmin

from .models import (
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
    MembershipApplication,
)
from .resources import MemberOrganisationResource


@admin.register(District)
class DistrictAdmin(TranslatedAdmin):
    list_display = ["name", "part_of", "slug"]
    list_select_related = ["part_of"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(FocusArea)
class FocusAreaAdmin(TranslatedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(Language)
class LanguageAdmin(TranslatedAdmin):
    list_display = ["name", "endonym", "code"]
    search_fields = ["name", "endonym", "code"]


@admin.register(MemberOrganisation)
class MemberOrganisationAdmin(SpreadsheetMixin, TranslatedAdmin):
    resource_classes = [MemberOrganisationResource]
    list_display = ["name", "district", "is_active", "needs_review", "member_since"]
    list_filter = ["is_active", "needs_review", "district", "focus_areas", "languages"]
    list_select_related = ["district"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["district"]
    filter_horizontal = ["focus_areas", "languages"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "is_active", "member_since"]}),
        (_("About the organisation"), {"fields": ["description", "focus_areas", "languages"]}),
        (
            _("Address and contact"),
            {"fields": ["district", "street", "postcode", "city", "website", "email", "phone"]},
        ),
        (_("Map"), {"fields": ["latitude", "longitude"]}),
        (_("Logo"), {"fields": ["logo"]}),
    ]

    def save_model(self, request, obj, form, change):
        # Saving German text or making the entry public is the office's review of the applicant's.
        german = build_localized_fieldname("description", settings.LANGUAGE_CODE)
        if obj.is_active or german in form.changed_data:
            obj.needs_review = False
        super().save_model(request, obj, form, change)


@admin.register(MeetingPoint)
class MeetingPointAdmin(TranslatedAdmin):
    list_display = ["name", "district", "host", "status", "order"]
    list_filter = ["is_example", "district"]
    list_select_related = ["district", "host"]
    list_editable = ["order"]
    search_fields = ["name", "street"]
    prepopulated_fields = {"slug": ["name_de"]}
    autocomplete_fields = ["host", "district"]

    def status_badges(self, meeting_point):
        badges = super().status_badges(meeting_point)
        if meeting_point.is_example:
            badges.append(("example", _("example data")))
        return badges


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    list_display = [
        "organisation_name",
        "contact_name",
        "district",
        "status",
        "office_notified",
        "created_at",
    ]
    list_filter = ["status", "office_notified"]
    list_select_related = ["district"]
    search_fields = ["organisation_name", "contact_name", "email", "activities"]
    readonly_fields = [
        "organisation_name",
        "contact_name",
        "email",
        "phone",
        "district",
        "activities",
        "accepts_principles",
        "language",
        "status",
        "organisation",
        "office_notified",
        "created_at",
    ]
    actions = ["accept", "decline"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Accept: create the member organisation"), permissions=["change"])
    def accept(self, request, queryset):
        accepted = [
            organisation
            for application in queryset.filter(status=MembershipApplication.Status.NEW)
            if (organisation := application.accept(request.user))
        ]
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation added to the members as a draft, not yet on the "
                "website. Please check its entry, add its public contact details and "
                "translations, then make it active.",
                "%(count)d organisations added to the members as drafts, not yet on the "
                "website. Please check their entries, add their public contact details and "
                "translations, then make them active.",
                len(accepted),
            )
            % {"count": len(accepted)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline"), permissions=["change"])
    def decline(self, request, queryset):
        count = queryset.filter(status=MembershipApplication.Status.NEW).update(
            status=MembershipApplication.Status.DECLINED
        )
        self.message_user(
            request,
            ngettext("%(count)d application declined.", "%(count)d applications declined.", count)
            % {"count": count},
            messages.SUCCESS,
        )
