import itertools

from django.contrib.auth.models import Group, Permission, User

from backoffice.models import EditorPreference

PASSWORD = "Several-words-make-a-strong-passphrase-42"

_numbers = itertools.count(1)


def make_staff(username=None, *, superuser=False, groups=(), permissions=(), admin_language=None):
    """A staff account; ``permissions`` as ``"app_label.codename"``; ``admin_language`` as
    chosen in the admin's header (without it, the admin follows the browser)."""
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
    return user
