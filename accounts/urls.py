from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.AreaView.as_view(), name="area"),
    path("calendar/new/", views.renew_calendar_feed, name="calendar-renew"),
    path("our-entry/", views.EntryView.as_view(), name="entry"),
    path("our-events/", views.EventProposalListView.as_view(), name="event-proposals"),
    path("our-events/new/", views.EventProposalCreateView.as_view(), name="event-propose"),
    path("our-events/<int:pk>/", views.EventProposalDetailView.as_view(), name="event-proposal"),
]
