import itertools

from django.conf import settings
from django.contrib.auth.models import Group, Permission, User

from pages.models import Principle

PASSWORD = "Several-words-make-a-strong-passphrase-42"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

_numbers = itertools.count(1)


def make_staff(username=None, *, superuser=False, groups=(), permissions=()):
    """A staff account; ``permissions`` as ``"app_label.codename"``."""
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
    return user


def in_languages(field, text, languages=LANGUAGE_CODES):
    """``{"text_de": "text (de)", "text_en": "text (en)", ...}``."""
    return {f"{field}_{code}": f"{text} ({code})" for code in languages}


def make_principle(languages=LANGUAGE_CODES, text=None, **overrides):
    """A principle translated into ``languages`` (German always included)."""
    number = next(_numbers)
    text = text or f"Principle {number}"
    fields = {"order": number, **in_languages("text", text, {"de", *languages})}
    return Principle.objects.create(**(fields | overrides))
