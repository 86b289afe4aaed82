"""The editors' groups and what each may do.

**Office** edits all content: every model of the project's own apps, including
apps added later. **Board** keeps the board's and team's pages current: people,
board memberships and team positions; it may view organisations to link a
person to one. Both groups are re-synchronised after every ``migrate``, so a new
model gets its permissions without another data migration.
"""

from pathlib import Path

from django.apps import apps as app_registry
from django.conf import settings

OFFICE = "Office"
BOARD = "Board"

BOARD_MODELS = ("person", "boardmembership", "teamposition")
BOARD_LOOKUPS = ("memberorganisation",)


def content_app_labels():
    """The project's own apps (folders beside manage.py), not Django's or libraries'."""
    return [
        app_config.label
        for app_config in app_registry.get_app_configs()
        if Path(app_config.path).parent == Path(settings.BASE_DIR)
    ]


def sync_group_permissions(apps, using="default"):
    """Create both groups if needed and give each exactly its permissions.

    ``apps`` is the global registry or a migration's historical one.
    """
    Group = apps.get_model("auth", "Group")
    permissions = apps.get_model("auth", "Permission").objects.using(using)
    office, _created = Group.objects.using(using).get_or_create(name=OFFICE)
    board, _created = Group.objects.using(using).get_or_create(name=BOARD)
    office.permissions.set(permissions.filter(content_type__app_label__in=content_app_labels()))
    members = permissions.filter(content_type__app_label="members")
    board.permissions.set(
        members.filter(content_type__model__in=BOARD_MODELS)
        | members.filter(content_type__model__in=BOARD_LOOKUPS, codename__startswith="view_")
    )
