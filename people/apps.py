from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class PeopleConfig(ContentAppConfig):
    name = "people"
    verbose_name = _("Board and team")
