from django.apps import AppConfig
from django.apps import apps as app_registry
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .roles import sync_group_permissions


def sync_roles_after_migrate(sender, using, apps=app_registry, **kwargs):
    """Give the Office and Board groups their permissions, new models' included.

    ``flush`` sends the signal without ``apps``; ``migrate`` passes its own.
    """
    # Django creates each app's permissions in that app's post_migrate, in
    # INSTALLED_APPS order: only after the last one do all of them exist.
    migrated = [config for config in app_registry.get_app_configs() if config.models_module]
    if sender is migrated[-1]:
        sync_group_permissions(apps, using)


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members, board and team")

    def ready(self):
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="members.sync_roles")
