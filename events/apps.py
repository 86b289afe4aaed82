from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class EventsConfig(ContentAppConfig):
    name = "events"
    verbose_name = _("Events")
