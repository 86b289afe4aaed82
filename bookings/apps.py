from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class BookingsConfig(ContentAppConfig):
    name = "bookings"
    verbose_name = _("Rooms and equipment")
