from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from backoffice.admin import SpreadsheetMixin, TranslatedAdmin

from . import registrations
from .models import Event, RegistrantMessage, Registration, RegistrationQuestion, Venue
from .resources import EventResource, RegistrationResource


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin):
    list_display = ["name", "street", "district"]
    list_select_related = ["district"]
    search_fields = ["name", "street", "postcode"]
    fieldsets = [
        (None, {"fields": ["name", "room", "street", "postcode", "city", "district"]}),
        (_("Accessibility"), {"fields": ["access_note"]}),
    ]


class RegistrationQuestionInline(TranslationStackedInline):
    model = RegistrationQuestion
    extra = 0
    fields = ["label", "kind", "choices", "required", "order"]


@admin.register(RegistrationQuestion)
class RegistrationQuestionAdmin(TranslatedAdmin):
    """The questions are asked in the event's form; here their translations are found."""

    list_display = ["label", "event", "kind", "required"]
    list_select_related = ["event"]
    list_filter = ["kind"]
    search_fields = ["label", "event__title"]
    autocomplete_fields = ["event"]
    fields = ["event", "label", "kind", "choices", "required", "order"]


@admin.register(Event)
class EventAdmin(SpreadsheetMixin, TranslatedAdmin):
    resource_classes = [EventResource]
    list_display = ["title", "starts_at", "venue", "registration_counts", "status"]
    list_filter = ["members_only", "is_cancelled", "registration", "starts_at"]
    list_select_related = ["venue"]
    ordering = ["-starts_at", "-pk"]
    search_fields = ["title", "slug", "venue__name", "other_presenters"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = ["venue", "organisations"]
    readonly_fields = ["updated_at"]
    inlines = [RegistrationQuestionInline]
    actions = ["write_to_registrants"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (_("Date and time"), {"fields": ["starts_at", "ends_at", "all_day"]}),
        (_("Place and presenters"), {"fields": ["venue", "organisations", "other_presenters"]}),
        (
            _("Entry and registration"),
            {
                "fields": [
                    "is_free",
                    "price",
                    "registration",
                    "registration_email",
                    "registration_url",
                    "registration_deadline",
                    "capacity",
                    "registration_members_only",
                ]
            },
        ),
        (_("Visibility"), {"fields": ["members_only", "is_cancelled"]}),
        (_("Publishing"), {"fields": ["is_published", "published_at", "updated_at"]}),
        (_("Image"), {"fields": ["image"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_registration_counts()

    @admin.display(description=_("registered / waiting / attended / places"))
    def registration_counts(self, event):
        if not event.takes_registrations:
            return "–"
        places = "–" if event.capacity is None else event.capacity
        # A link to the event's registrations, where attendance is marked.
        url = reverse("admin:events_registration_changelist")
        return format_html(
            '<a href="{}?event__id__exact={}">{} / {} / {} / {}</a>',
            url,
            event.pk,
            event.registered,
            event.waiting,
            event.attended,
            places,
        )

    def status_badges(self, event):
        badges = super().status_badges(event)
        if event.is_cancelled:
            badges.append(("cancelled", _("cancelled")))
        return badges

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "starts_at" in form.changed_data:
            # The event has moved: its registrations for the date as planned move with it.
            obj.registrations.filter(occurrence_start=form.initial["starts_at"]).update(
                occurrence_start=obj.starts_at
            )
        if change and "capacity" in form.changed_data:
            # More places: the waiting list moves up at once.
            dates = obj.registrations.waiting().values_list("occurrence_start", flat=True)
            for start in set(dates):
                registrations.fill_free_places(obj, start, request)

    @admin.action(description=_("Write an email to the registrants"))
    def write_to_registrants(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Please choose exactly one event to write to."), messages.WARNING
            )
            return None
        url = reverse("admin:events_registrantmessage_add")
        return redirect(f"{url}?event={queryset.get().pk}")


@admin.register(Registration)
class RegistrationAdmin(SpreadsheetMixin, admin.ModelAdmin):
    """The registrations of every event; places change only through the actions, which
    keep to the number of places and email the people concerned."""

    resource_classes = [RegistrationResource]
    list_display = [
        "name",
        "email",
        "event",
        "occurrence_start",
        "place",
        "attended",
        "status",
        "created_at",
    ]
    list_editable = ["attended", "status"]
    list_filter = [
        "place",
        "attended",
        "status",
        "office_notified",
        ("event", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["event"]
    search_fields = ["name", "email", "event__title"]
    date_hierarchy = "occurrence_start"
    fields = [
        "event",
        "occurrence_start",
        "name",
        "email",
        "answers",
        "place",
        "queued_at",
        "attended",
        "status",
        "language",
        "account",
        "created_at",
        "office_notified",
        "reminded_at",
        "forgotten_at",
    ]
    readonly_fields = [
        "event",
        "occurrence_start",
        "answers",
        "place",
        "queued_at",
        "language",
        "account",
        "created_at",
        "office_notified",
        "reminded_at",
        "forgotten_at",
    ]
    actions = ["promote", "move_to_waiting_list", "cancel", "forget"]

    def has_add_permission(self, request):
        # Registrations come through the event's form, which counts the places.
        return False

    def has_delete_permission(self, request, obj=None):
        # A deleted row would free its place without moving the waiting list up:
        # cancel instead, or delete the personal data.
        return False

    def has_import_permission(self, request):
        return False

    def _apply(self, request, queryset, change, done_message, refused_message):
        changed = refused = 0
        for registration in queryset.select_related("event__venue"):
            if change(registration, request):
                changed += 1
            else:
                refused += 1
        if changed:
            self.message_user(request, done_message % {"count": changed}, messages.SUCCESS)
        if refused:
            self.message_user(request, refused_message % {"count": refused}, messages.WARNING)

    @admin.action(description=_("Give a place (and email them)"))
    def promote(self, request, queryset):
        self._apply(
            request,
            queryset,
            registrations.promote,
            _("Places given: %(count)d."),
            _("No place given, because they have one or no place is free: %(count)d."),
        )

    @admin.action(description=_("Move to the waiting list (and email them)"))
    def move_to_waiting_list(self, request, queryset):
        self._apply(
            request,
            queryset,
            registrations.move_to_waiting_list,
            _("Moved to the waiting list: %(count)d."),
            _("Already on the waiting list: %(count)d."),
        )

    @admin.action(description=_("Cancel (and email them)"))
    def cancel(self, request, queryset):
        self._apply(
            request,
            queryset,
            registrations.cancel,
            _("Cancelled: %(count)d. Free places went to the waiting list."),
            _("Already cancelled: %(count)d."),
        )

    @admin.action(description=_("Delete the personal data (the counts stay)"))
    def forget(self, request, queryset):
        for registration in queryset:
            registration.anonymise()
            registration.account = None
            registration.save()
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Personal data deleted from %(count)d registration.",
                "Personal data deleted from %(count)d registrations.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(RegistrantMessage)
class RegistrantMessageAdmin(TranslatedAdmin):
    """Emails to the registrants of an event: written and translated first, then sent
    with the list's action, and kept as sent."""

    list_display = ["subject", "event", "sent_at", "sent_count"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    fields = ["event", "to_waiting_list", "subject", "body", "sent_at", "sent_count"]
    readonly_fields = ["sent_at", "sent_count"]
    actions = ["send"]

    def has_change_permission(self, request, obj=None):
        # What was sent stays as it was sent.
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.sent_at is None)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.message_user(
            request,
            _("Not sent yet: choose it in the list and the action “Send to the registrants”."),
            messages.INFO,
        )

    @admin.action(description=_("Send to the registrants"))
    def send(self, request, queryset):
        sent = sum(
            registrations.send_registrant_message(message, request)
            for message in queryset.filter(sent_at__isnull=True).select_related("event")
        )
        self.message_user(
            request,
            ngettext("%(count)d email sent.", "%(count)d emails sent.", sent) % {"count": sent},
            messages.SUCCESS,
        )
