from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "members"

urlpatterns = [
    path("", views.DirectoryView.as_view(), name="directory"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("meeting-points/", views.MeetingPointListView.as_view(), name="meeting-points"),
    path("apply/", views.ApplicationView.as_view(), name="apply"),
    path(
        "apply/thanks/",
        TemplateView.as_view(template_name="members/apply_thanks.html"),
        name="apply-thanks",
    ),
]
