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
    path("board/", views.BoardView.as_view(), name="board"),
    path("board/archive/", views.BoardArchiveView.as_view(), name="board-archive"),
    path("team/", views.TeamView.as_view(), name="team"),
    path("working-groups/", views.WorkingGroupListView.as_view(), name="working-groups"),
    path("apply/", views.ApplicationView.as_view(), name="apply"),
    path(
        "apply/thanks/",
        TemplateView.as_view(template_name="members/apply_thanks.html"),
        name="apply-thanks",
    ),
]
