from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MisoSiteConfig(AppConfig):
    name = "miso_site"
    verbose_name = _("Site")
