from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.cache import reads_query_parameters
from core.preview import PreviewableMixin
from members.models import MemberOrganisation
from people.models import Person

from .models import Funder, Project

LATEST_POSTS = 3


@reads_query_parameters("page")
class ProjectListView(ListView):
    """Current or finished projects; which follows from their dates."""

    paginate_by = 12
    template_name = "projects/project_list.html"
    finished = False

    def get_queryset(self):
        projects = Project.objects.published().prefetch_related("funders")
        if self.finished:
            return projects.finished().order_by("-end", "pk")
        return projects.current()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["finished"] = self.finished
        context["heading"] = _("Finished projects") if self.finished else _("Current projects")
        return context


class ProjectDetailView(PreviewableMixin, DetailView):
    """A project with its funders, partners, contact people and the latest news about it."""

    queryset = Project.objects.prefetch_related(
        Prefetch("funders", queryset=Funder.objects.select_related("logo")),
        Prefetch("partners", queryset=MemberOrganisation.objects.active()),
        Prefetch(
            "contacts",
            queryset=Person.objects.select_related("photo").prefetch_related("team_positions"),
        ),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["posts"] = self.object.posts.listed().latest_first().for_cards()[:LATEST_POSTS]
        return context
