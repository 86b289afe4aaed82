from django.db.models import F
from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import Event

register(
    Searchable(
        Event,
        kind="event",
        label=_("Event"),
        searched=lambda user: Event.objects.visible_to(user),
        translated=["title", "description"],
        moment=F("starts_at"),
        snippet="description",
        template="events/includes/search_result.html",
        shown=Event.objects.select_related("venue"),
    )
)
