from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class MembersConfig(ContentAppConfig):
    name = "members"
    verbose_name = _("Member organisations")
