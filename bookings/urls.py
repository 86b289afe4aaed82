from django.urls import path

from . import views

app_name = "bookings"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("<int:pk>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("<int:pk>/booking.ics", views.CalendarFileView.as_view(), name="calendar-file"),
    path("<slug:slug>/", views.ResourceView.as_view(), name="resource"),
]
