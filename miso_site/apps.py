from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MisoSiteConfig(AppConfig):
    name = "miso_site"
    verbose_name = _("Site")

    def ready(self):
        from .cache import connect_signals

        connect_signals()
