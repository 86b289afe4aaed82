import itertools

from django.contrib.auth.models import Group, Permission, User

from backoffice.models import EditorPreference
from tests.accounts.factories import PASSWORD, give_second_factor

__all__ = ["PASSWORD", "make_staff"]

_numbers = itertools.count(1)


def make_staff(
    username=None,
    *,
    superuser=False,
    groups=(),
    permissions=(),
    admin_language=None,
    second_factor=True,
):
    """A staff account; ``permissions`` as ``"app_label.codename"``; ``admin_language`` as
    chosen in the admin's header (without it, the admin follows the browser). With
    ``second_factor`` (which the admin requires of staff) it has an authenticator app,
    whose secret is ``user.totp_secret``."""
    username = username or f"staff{next(_numbers)}"
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        is_staff=True,
        is_superuser=superuser,
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    for label in permissions:
        app_label, codename = label.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    if admin_language:
        EditorPreference.objects.create(user=user, language=admin_language)
    if second_factor:
        user.totp_secret = give_second_factor(user)
    return user
