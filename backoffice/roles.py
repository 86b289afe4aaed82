"""The groups of the back office and what each may do, declared once.

**Office** edits all content and handles what visitors send: every content and
submission model (found by type, see ``core.apps``), including models added
later; it sees the outgoing emails and sends failed ones again; it also manages
member accounts, within the limits ``backoffice.users`` sets (the Members group
and active or not, never anyone's rights). **Board** keeps the board's and team's
pages current: people, board memberships and team positions, and the image library
for their photos; it may view organisations to link a person to one. **Members** are
people of member organisations: the group gives no permission in the admin, only the
members-only content (``core.models.is_member``).

The groups are re-synchronised after every ``migrate`` (``backoffice.apps``),
so a new model gets its permissions without another data migration.
"""

from typing import NamedTuple

from django.apps import apps as live_apps
from django.db.models import Q

from core.apps import content_models, submission_models
from core.models import MEMBERS_GROUP


class Role(NamedTuple):
    group: str
    # Model labels ("people.person") with all their permissions, and with the view permission only.
    edits: tuple = ()
    views: tuple = ()
    # Every permission on every content and submission model, whichever app defines it.
    all_content: bool = False
    # Single permissions, as "app_label.codename".
    permissions: tuple = ()

    def edited_models(self):
        found = [live_apps.get_model(label) for label in self.edits]
        if self.all_content:
            found += [*content_models(), *submission_models()]
        return found

    def viewed_models(self):
        return [live_apps.get_model(label) for label in self.views]


OFFICE = Role(
    "Office",
    all_content=True,
    permissions=(
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        # The outgoing emails: read, send again, delete (core.mail).
        "core.view_outgoingemail",
        "core.change_outgoingemail",
        "core.delete_outgoingemail",
        "accounts.view_invitation",
        "accounts.add_invitation",
        "accounts.view_accountevent",
    ),
)
BOARD = Role(
    "Board",
    edits=("people.person", "people.boardmembership", "people.teamposition", "images.image"),
    views=("members.memberorganisation",),
)
MEMBERS = Role(MEMBERS_GROUP)
ROLES = (OFFICE, BOARD, MEMBERS)


def _models_q(models, only_view=False):
    """The permissions of ``models`` (all, or only "view"), as a filter on ``Permission``."""
    condition = Q(pk__in=[])
    for model in models:
        opts = model._meta
        of_model = Q(content_type__app_label=opts.app_label, content_type__model=opts.model_name)
        if only_view:
            of_model &= Q(codename=f"view_{opts.model_name}")
        condition |= of_model
    return condition


def _codenames_q(labels):
    """The permissions named ``"app_label.codename"``, as a filter on ``Permission``."""
    condition = Q(pk__in=[])
    for label in labels:
        app_label, codename = label.split(".")
        condition |= Q(content_type__app_label=app_label, codename=codename)
    return condition


def sync_roles(apps=live_apps, using="default"):
    """Create the groups if needed and give each exactly its permissions.

    ``apps`` is the global registry or a migration's historical one; which
    models a role covers is always read from the live code.
    """
    Group = apps.get_model("auth", "Group")
    permissions = apps.get_model("auth", "Permission").objects.using(using)
    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role.group)
        group.permissions.set(
            permissions.filter(
                _models_q(role.edited_models())
                | _models_q(role.viewed_models(), only_view=True)
                | _codenames_q(role.permissions)
            )
        )
