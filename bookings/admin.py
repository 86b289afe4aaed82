import calendar
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
                "calendar/month/",
                self.admin_site.admin_view(self.month_view),
                name="bookings_booking_calendar_month",
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

    def bookings_by_day(self, first_day, days):
        """The active bookings of ``days`` days from ``first_day``, by resource and day."""
        start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
        bookings = (
            Booking.objects.active()
            .overlapping(start, start + datetime.timedelta(days=days))
            .select_related("organisation")
        )
        by_day = {}
        for booking in bookings:
            day = timezone.localdate(booking.starts_at)
            by_day.setdefault((booking.resource_id, day), []).append(booking)
        return by_day

    def calendar_response(self, request, template_name, **context):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Booking calendar"),
            **context,
        }
        return TemplateResponse(request, template_name, context)

    def calendar_view(self, request):
        """Every resource's bookings in one week, a row per resource and a column per day.

        Two queries: the resources and the week's bookings.
        """
        monday = monday_of(request.GET.get("week"), timezone.localdate())
        days = [monday + datetime.timedelta(days=n) for n in range(7)]
        by_day = self.bookings_by_day(monday, 7)
        rows = [
            {"resource": resource, "cells": [by_day.get((resource.pk, day), []) for day in days]}
            for resource in Resource.objects.all()
        ]
        return self.calendar_response(
            request,
            "admin/bookings/booking/calendar.html",
            days=days,
            rows=rows,
            previous_week=monday - datetime.timedelta(days=7),
            next_week=monday + datetime.timedelta(days=7),
        )

    def month_view(self, request):
        """A month per resource, a row per week; two queries, as the week."""
        try:
            first = datetime.date.fromisoformat(f"{request.GET.get('month')}-01")
        except ValueError:
            first = timezone.localdate().replace(day=1)
        weeks = calendar.Calendar().monthdatescalendar(first.year, first.month)
        by_day = self.bookings_by_day(weeks[0][0], 7 * len(weeks))
        months = [
            {
                "resource": resource,
                "weeks": [
                    [
                        {
                            "day": day,
                            "in_month": day.month == first.month,
                            "bookings": by_day.get((resource.pk, day), []),
                        }
                        for day in week
                    ]
                    for week in weeks
                ],
            }
            for resource in Resource.objects.all()
        ]
        return self.calendar_response(
            request,
            "admin/bookings/booking/calendar_month.html",
            month=first,
            weekdays=weeks[0],
            months=months,
            previous_month=(first - datetime.timedelta(days=1)).replace(day=1),
            next_month=(first + datetime.timedelta(days=31)).replace(day=1),
        )

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
