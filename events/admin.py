import datetime

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from backoffice.admin import SpreadsheetMixin, TranslatedAdmin

from . import registrations
from .models import (
    Event,
    OccurrenceChange,
    RegistrantMessage,
    Registration,
    RegistrationQuestion,
    Venue,
)
from .resources import EventResource, RegistrationResource

# The fields that decide an event's dates (a single date of a series moves by its change).
SCHEDULE_FIELDS = {"starts_at", "repeat", "repeat_until", "repeat_count"}


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin):
    list_display = ["name", "street", "district"]
    list_select_related = ["district"]
    search_fields = ["name", "street", "postcode"]
    fieldsets = [
        (None, {"fields": ["name", "room", "street", "postcode", "city", "district"]}),
        (_("Accessibility"), {"fields": ["access_note"]}),
    ]


class OccurrenceChangeInline(admin.TabularInline):
    """Single dates of a series cancelled or moved; the series' rule stays as it is."""

    model = OccurrenceChange
    extra = 0
    fields = ["date", "is_cancelled", "starts_at", "ends_at"]


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
    list_filter = ["members_only", "is_cancelled", "repeat", "registration", "starts_at"]
    list_select_related = ["venue"]
    ordering = ["-starts_at", "-pk"]
    search_fields = ["title", "slug", "venue__name", "other_presenters"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = ["venue", "organisations"]
    readonly_fields = ["updated_at"]
    inlines = [OccurrenceChangeInline, RegistrationQuestionInline]
    actions = ["write_to_registrants"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (_("Date and time"), {"fields": ["starts_at", "ends_at", "all_day"]}),
        (
            _("Repetition"),
            {
                "fields": ["repeat", "repeat_until", "repeat_count"],
                "description": _(
                    "A regular event is entered once. Cancel or move single dates below, "
                    "under 'Cancelled or moved dates'."
                ),
            },
        ),
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
        rescheduled = change and SCHEDULE_FIELDS & set(form.changed_data)
        before = Event.objects.get(pk=obj.pk) if rescheduled else None
        super().save_model(request, obj, form, change)
        if rescheduled:
            # The event or series has moved: its registrations move with their dates.
            registrations.follow_new_schedule(before, obj)
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


class DateListFilter(admin.SimpleListFilter):
    """The dates of the event chosen in the event filter, each with registrations: a series'
    registrations date by date (dates cancelled since included)."""

    title = _("date")
    parameter_name = "date"
    event_parameter = "event__id__exact"

    def lookups(self, request, model_admin):
        event_id = request.GET.get(self.event_parameter, "")
        if not event_id.isdigit():
            return []
        starts = (
            Registration.objects.filter(event_id=event_id)
            .order_by("occurrence_start")
            .values_list("occurrence_start", flat=True)
            .distinct()
        )
        return [
            (start.isoformat(), date_format(timezone.localtime(start), "DATETIME_FORMAT"))
            for start in starts
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            start = datetime.datetime.fromisoformat(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        return queryset.filter(occurrence_start=start)


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
        DateListFilter,
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

    list_display = ["subject", "event", "date", "sent_at", "sent_count"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    fields = ["event", "date", "to_waiting_list", "subject", "body", "sent_at", "sent_count"]
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
