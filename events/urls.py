import datetime

from django.urls import path, register_converter

from . import views


class DateConverter:
    """A date as ``2026-03-03``: an impossible one, such as February 30th, is no match (404)."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat()


register_converter(DateConverter, "date")

app_name = "events"

# The fixed paths come first: an event's slug may not take them (see RESERVED_SLUGS).
urlpatterns = [
    path("", views.UpcomingView.as_view(), name="upcoming"),
    path("feed.ics", views.feed_ics, name="feed"),
    path("past/", views.past_index, name="past"),
    path("past/<int:year>/", views.PastYearView.as_view(), name="past-year"),
    path("calendar/", views.calendar_index, name="calendar"),
    path(
        "calendar/<int:year>/<int:month>/",
        views.CalendarMonthView.as_view(),
        name="calendar-month",
    ),
    path("registration/<str:token>/", views.registration_page, name="registration"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<slug:slug>/register/", views.RegisterView.as_view(), name="register"),
    path(
        "<slug:slug>/<date:date>/", views.OccurrenceDetailView.as_view(), name="occurrence-detail"
    ),
    path("<slug:slug>.ics", views.event_ics, name="event-ics"),
]
