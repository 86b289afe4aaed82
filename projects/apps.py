from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class ProjectsConfig(ContentAppConfig):
    name = "projects"
    verbose_name = _("Projects")
