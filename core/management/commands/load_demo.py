from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Fill the site with demo content about the association, in all languages. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        # Apps load in INSTALLED_APPS order, so later apps can link to earlier ones.
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                loader = getattr(import_module(module_name), "load", None)
                if loader is None:  # core.demo holds the helpers, not content
                    continue
                created = loader()
                self.stdout.write(f"{app_config.label}: {created} new demo objects")
