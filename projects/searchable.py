from django.db.models import DateTimeField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import Project

register(
    Searchable(
        Project,
        kind="project",
        label=_("Project"),
        searched=lambda user: Project.objects.published(),
        translated=["title", "summary", "body"],
        moment=Cast("start", DateTimeField()),
        snippet="summary",
        template="projects/includes/search_result.html",
    )
)
