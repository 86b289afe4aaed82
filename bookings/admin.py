import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backoffice.admin import TranslatedAdmin

from . import notices
from .forms import CancelForm
from .models import Booking, BookingHours, Resource
from .views import monday_of


class BookingHoursInline(admin.TabularInline):
    model = BookingHours
    extra = 0


@admin.register(Resource)
class ResourceAdmin(TranslatedAdmin):
    list_display = ["name", "kind", "is_active", "longest_booking_hours", "days_ahead"]
    list_filter = ["kind", "is_active"]
    prepopulated_fields = {"slug": ["name_de"]}
    inlines = [BookingHoursInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings are made by members on the site; the office sees, marks as seen and cancels."""

    change_list_template = "admin/bookings/booking/change_list.html"
    list_display = ["__str__", "organisation", "status", "office_notified", "created_at"]
    list_filter = ["status", "resource", "office_notified", "starts_at"]
    list_select_related = ["resource", "organisation"]
    search_fields = ["purpose", "organisation__name"]
    date_hierarchy = "starts_at"
    readonly_fields = [
        "resource",
        "starts_at",
        "ends_at",
        "organisation",
        "account",
        "purpose",
        "language",
        "status",
        "cancellation",
        "cancel_reason",
        "cancelled_by",
        "cancelled_at",
        "office_notified",
        "created_at",
    ]
    fields = readonly_fields
    actions = ["mark_seen"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "calendar/",
                self.admin_site.admin_view(self.calendar_view),
                name="bookings_booking_calendar",
            ),
            path(
                "<int:pk>/cancel/",
                self.admin_site.admin_view(self.cancel_view),
                name="bookings_booking_cancel",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("Cancel booking"))
    def cancellation(self, booking):
        if booking.is_cancelled:
            return "–"
        url = reverse("admin:bookings_booking_cancel", args=[booking.pk])
        return format_html('<a href="{}">{}</a>', url, _("Cancel booking"))

    @admin.action(description=_("Mark as seen"), permissions=["change"])
    def mark_seen(self, request, queryset):
        count = queryset.filter(status=Booking.Status.NEW).update(status=Booking.Status.CONFIRMED)
        self.message_user(
            request,
            ngettext(
                "%(count)d booking marked as seen.", "%(count)d bookings marked as seen.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def calendar_view(self, request):
        """Every resource's bookings in one week, a row per resource and a column per day.

        Two queries: the resources and the week's bookings.
        """
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        monday = monday_of(request.GET.get("week"), timezone.localdate())
        days = [monday + datetime.timedelta(days=n) for n in range(7)]
        start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
        bookings = (
            Booking.objects.active()
            .overlapping(start, start + datetime.timedelta(days=7))
            .select_related("organisation")
        )
        cells = {}
        for booking in bookings:
            cells.setdefault(
                (booking.resource_id, timezone.localdate(booking.starts_at)), []
            ).append(booking)
        rows = [
            {"resource": resource, "cells": [cells.get((resource.pk, day), []) for day in days]}
            for resource in Resource.objects.all()
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Booking calendar"),
            "days": days,
            "rows": rows,
            "previous_week": monday - datetime.timedelta(days=7),
            "next_week": monday + datetime.timedelta(days=7),
        }
        return TemplateResponse(request, "admin/bookings/booking/calendar.html", context)

    def cancel_view(self, request, pk):
        """Cancel with a reason, which the member is told by email."""
        booking = get_object_or_404(
            Booking.objects.select_related("resource", "organisation", "account"), pk=pk
        )
        if not self.has_change_permission(request, booking):
            raise PermissionDenied
        change_url = reverse("admin:bookings_booking_change", args=[booking.pk])
        form = CancelForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if booking.cancel(by=request.user, reason=form.cleaned_data["reason"]):
                notices.cancelled(booking, request)
                self.log_change(request, booking, [{"changed": {"fields": ["status"]}}])
                self.message_user(
                    request, _("The booking is cancelled and the member is told."), messages.SUCCESS
                )
            else:
                self.message_user(
                    request, _("The booking was cancelled already."), messages.WARNING
                )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Cancel booking"),
            "booking": booking,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/bookings/booking/cancel.html", context)
