from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class PagesConfig(ContentAppConfig):
    name = "pages"
    verbose_name = _("Pages and association data")
