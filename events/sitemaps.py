from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event


class EventsSitemap(Sitemap):
    """The upcoming events page and every event a visitor without login may see."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        # Search engines never log in: members-only events stay out. Only the two columns
        # the sitemap needs: thousands of events with seven descriptions fill a worker's memory.
        events = Event.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "updated_at")
        return ["events:upcoming", *events]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at
