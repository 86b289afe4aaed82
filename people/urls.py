from django.urls import path

from . import views

app_name = "people"

# Included under the members' prefix: the board, team and working groups are part
# of "The network" for visitors, and their addresses stay as they were.
urlpatterns = [
    path("board/", views.BoardView.as_view(), name="board"),
    path("board/archive/", views.BoardArchiveView.as_view(), name="board-archive"),
    path("team/", views.TeamView.as_view(), name="team"),
    path("working-groups/", views.WorkingGroupListView.as_view(), name="working-groups"),
]
