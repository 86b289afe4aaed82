from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    """The one site search. Each app declares what of it is searchable in its own
    ``searchable.py``, found here the way the admin finds ``admin.py``."""

    name = "search"

    def ready(self):
        autodiscover_modules("searchable")
