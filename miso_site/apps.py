from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class MisoSiteConfig(AppConfig):
    name = "miso_site"
    verbose_name = _("Site")

    def ready(self):
        from .cache import connect_signals

        connect_signals()


class MisoAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the office's site (inbox, translations, admin language)."""

    default = False  # "miso_site" itself keeps MisoSiteConfig
    default_site = "miso_site.admin_site.MisoAdminSite"
