from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("members-area/", views.AreaView.as_view(), name="area"),
    path("members-area/calendar/new/", views.renew_calendar_feed, name="calendar-renew"),
    path("members-area/our-entry/", views.EntryView.as_view(), name="entry"),
    path("members-area/our-events/", views.EventProposalListView.as_view(), name="event-proposals"),
    path(
        "members-area/our-events/new/",
        views.EventProposalCreateView.as_view(),
        name="event-propose",
    ),
    path(
        "members-area/our-events/<int:pk>/",
        views.EventProposalDetailView.as_view(),
        name="event-proposal",
    ),
    path("account/", views.account, name="account"),
    path("account/data/", views.download_data, name="data-download"),
    path("account/delete/", views.delete, name="delete"),
    path("account/invitation/<str:token>/", views.accept_invitation, name="invitation"),
]
