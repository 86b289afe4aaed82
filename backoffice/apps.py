from django.apps import AppConfig
from django.apps import apps as app_registry
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_roles_after_migrate(sender, using, apps=app_registry, **kwargs):
    """Give the Office, Board and Members groups their permissions, new models' included.

    ``flush`` sends the signal without ``apps``; ``migrate`` passes its own.
    """
    from .roles import sync_roles

    # Django creates each app's permissions in that app's post_migrate, in
    # INSTALLED_APPS order: only after the last one do all of them exist.
    migrated = [config for config in app_registry.get_app_configs() if config.models_module]
    if sender is migrated[-1]:
        sync_roles(apps, using)


class BackofficeConfig(AppConfig):
    name = "backoffice"
    verbose_name = _("MiSO back office")

    def ready(self):
        from .translation_status import track_outdated_translations

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="backoffice.sync_roles")
        track_outdated_translations()


class BackofficeAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the office's site (inbox, translations, admin language).

    After every app's ``admin.py`` has registered its models (and their history,
    through ``ContentAdmin``), every other content model gets history too, so
    nothing the office can change, in the admin or anywhere else, lacks it.
    """

    default = False  # "backoffice" itself keeps BackofficeConfig
    default_site = "backoffice.admin_site.OfficeAdminSite"

    def ready(self):
        super().ready()
        from .history import register_content_history

        register_content_history()
