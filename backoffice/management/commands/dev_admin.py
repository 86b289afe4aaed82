import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.two_factor import DEV_ADMIN_USERNAME as USERNAME


class Command(BaseCommand):
    help = "Create (or reset) the development admin account and print its password."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The development admin account exists only with DEBUG=true.")
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.org"}
        )
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = user.is_superuser = True
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                "Admin login: http://127.0.0.1:8000/admin/  "
                f"email: {user.email}  password: {password}"
            )
        )
        self.stdout.write(
            self.style.WARNING(
                "This development admin may skip two-factor sign-in, and only while DEBUG is "
                "on; every other staff account must set it up before the admin opens."
            )
        )
