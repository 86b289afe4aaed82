from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path("finished/", views.ProjectListView.as_view(finished=True), name="project-finished"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
]
